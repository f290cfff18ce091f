using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using k8s.Models;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Kubernetes;

/// <summary>
/// The settings each app gets in the cluster, held against what it reads: every key is a property of one of its options
/// classes (or a framework or connection-string key), every setting its <c>appsettings.json</c> leaves empty is given,
/// and every loopback default is replaced.
/// </summary>
public sealed partial class SettingsCoverageTests
{
    public static TheoryData<string, string> OverlaysAndApps()
    {
        var data = new TheoryData<string, string>();
        foreach (var overlay in new[] { "dev", "prod" })
        {
            foreach (var app in Apps.All)
            {
                data.Add(overlay, app);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OverlaysAndApps))]
    public async Task Every_key_an_app_is_given_is_one_it_reads(string overlay, string app)
    {
        var settings = await SettingsAsync(overlay, app);
        var options = OptionsSections(app);
        var appsettings = AppSettings(app);

        var unread = settings.Keys.Where(key => !Reads(key, app, settings, options, appsettings)).ToList();

        Assert.True(unread.Count == 0, $"{app} ({overlay}) does not read: {string.Join(", ", unread)}");
    }

    [Theory]
    [MemberData(nameof(OverlaysAndApps))]
    public async Task Every_setting_left_empty_or_on_loopback_by_default_is_given(string overlay, string app)
    {
        var settings = await SettingsAsync(overlay, app);
        var given = settings.Keys.Select(k => k.Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = Leaves(AppSettings(app))
            .Where(l => (l.Value is "" && !OptionalWhenEmpty.Contains(l.Path))
                || (Loopback().IsMatch(l.Value ?? "") && !l.Path.StartsWith("Oidc:Clients:", StringComparison.Ordinal)))
            .Select(l => l.Path).Where(p => !given.Contains(p)).ToList();

        Assert.True(missing.Count == 0, $"{app} ({overlay}) is not given: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(OverlaysAndApps))]
    public async Task The_migration_job_gets_the_settings_of_its_app(string overlay, string app)
    {
        var manifests = await ManifestTests.RenderedAsync(overlay);
        var deployment = manifests.Named<V1Deployment>(app).Spec.Template.Spec.Containers.Single();
        var job = manifests.OfType<V1Job>().Single(j => j.Metadata.Name.StartsWith($"{app}-migrate-", StringComparison.Ordinal)).Spec.Template.Spec.Containers.Single();

        Assert.Equal(deployment.EnvFrom.Select(e => e.ConfigMapRef.Name), job.EnvFrom.Select(e => e.ConfigMapRef.Name));
        Assert.Equal(Describe(deployment.Env), Describe(job.Env));
        Assert.Equal(deployment.VolumeMounts.Select(m => m.MountPath), job.VolumeMounts.Select(m => m.MountPath));
    }

    [Fact]
    public async Task Production_settings_name_no_loopback_address()
    {
        var offending = new List<string>();
        foreach (var app in Apps.All)
        {
            offending.AddRange((await SettingsAsync("prod", app)).Where(s => Loopback().IsMatch(s.Value ?? "")).Select(s => $"{app}: {s.Key}={s.Value}"));
        }

        Assert.Empty(offending);
    }

    [Fact]
    public void The_check_refuses_a_misspelt_key_and_a_section_the_app_does_not_have()
    {
        var options = OptionsSections("conversation");
        var appsettings = AppSettings("conversation");
        var settings = new Dictionary<string, string?> { ["Chat__MessagesPerMinute"] = "5", ["Chat__MesagesPerMinute"] = "5", ["Bff__ClientSecret"] = "x" };

        Assert.True(Reads("Chat__MessagesPerMinute", "conversation", settings, options, appsettings));
        Assert.False(Reads("Chat__MesagesPerMinute", "conversation", settings, options, appsettings));
        Assert.False(Reads("Bff__ClientSecret", "conversation", settings, options, appsettings));
    }

    // Empty by default and rightly so when not set: the SMTP login (a relay may take none).
    private static readonly HashSet<string> OptionalWhenEmpty = new(StringComparer.Ordinal) { "Mail:Username", "Mail:Password" };

    [GeneratedRegex(@"(^|//|\b)(127\.0\.0\.1|localhost)\b")]
    private static partial Regex Loopback();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();

    private static IEnumerable<string> Describe(IEnumerable<V1EnvVar> env) =>
        env.Select(e => $"{e.Name}={e.Value}|{e.ValueFrom?.SecretKeyRef?.Name}/{e.ValueFrom?.SecretKeyRef?.Key}");

    /// <summary>What the app's container gets: its ConfigMaps' keys (envFrom) and its env entries, with their values.</summary>
    private static async Task<Dictionary<string, string?>> SettingsAsync(string overlay, string app)
    {
        var manifests = await ManifestTests.RenderedAsync(overlay);
        var container = manifests.Named<V1Deployment>(app).Spec.Template.Spec.Containers.Single();
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var source in container.EnvFrom)
        {
            foreach (var (key, value) in manifests.ConfigMap(source.ConfigMapRef.Name))
            {
                settings[key] = value;
            }
        }

        foreach (var env in container.Env)
        {
            settings[env.Name] = env.Value;
        }

        return settings;
    }

    private static bool Reads(string key, string app, Dictionary<string, string?> settings, Dictionary<string, Type> options, JsonElement appsettings)
    {
        if (key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || key.StartsWith("DOTNET_", StringComparison.Ordinal)
            || key.StartsWith("OTEL_", StringComparison.Ordinal) || key.StartsWith("Logging__", StringComparison.Ordinal))
        {
            return true;
        }

        // A helper variable: another setting is built from it ($(PUBLIC_ORIGIN)/ as the issuer), and it is no setting itself.
        if (!key.Contains("__", StringComparison.Ordinal))
        {
            return settings.Values.Any(v => v is not null && Reference().Matches(v).Any(m => m.Groups[1].Value == key));
        }

        var path = key.Split("__");
        if (path[0] == "ConnectionStrings")
        {
            return path is [_, var name] && name == Apps.Row(app).ConnectionString;
        }

        if (!appsettings.TryGetProperty(path[0], out var section))
        {
            return false;
        }

        // The gateway's routes and clusters are YARP's own schema: the key must name a setting appsettings.json has.
        if (path[0] == "ReverseProxy")
        {
            return path.Skip(1).Aggregate((JsonElement?)section, (e, p) => e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(p, out var c) ? c : null) is not null;
        }

        return options.TryGetValue(path[0], out var type) && Resolves(type, path[1..]);
    }

    private static bool Resolves(Type type, string[] rest)
    {
        if (rest.Length == 0)
        {
            return true;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            return Resolves(type.GetGenericArguments()[1], rest[1..]);
        }

        if (type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)))
        {
            return int.TryParse(rest[0], out _) && Resolves(type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0], rest[1..]);
        }

        if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(TimeSpan) || Nullable.GetUnderlyingType(type) is not null)
        {
            return false;
        }

        var property = type.GetProperty(rest[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } && Resolves(property.PropertyType, rest[1..]);
    }

    /// <summary>The app's options classes by section: the types of its own and the shared assemblies with a <c>Section</c> constant.</summary>
    private static Dictionary<string, Type> OptionsSections(string app)
    {
        var own = Assembly.Load(Path.GetFileName(Apps.Row(app).Project));
        var assemblies = own.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("MucGov.Shared", StringComparison.Ordinal)).Select(Assembly.Load).Append(own);
        return assemblies.SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Section: t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f ? (string?)f.GetRawConstantValue() : null))
            .Where(x => x.Section is not null)
            .ToDictionary(x => x.Section!, x => x.Type, StringComparer.OrdinalIgnoreCase);
    }

    private static JsonElement AppSettings(string app) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, Path.GetDirectoryName(Apps.Row(app).Project)!, "appsettings.json"))).RootElement;

    private static IEnumerable<(string Path, string? Value)> Leaves(JsonElement element, string prefix = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject().SelectMany(p => Leaves(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}")))
                {
                    yield return p;
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var leaf in Leaves(item, $"{prefix}:{i++}"))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonValueKind.String:
                yield return (prefix, element.GetString());
                break;
            default:
                yield return (prefix, element.ValueKind == JsonValueKind.Null ? null : element.GetRawText());
                break;
        }
    }
}
