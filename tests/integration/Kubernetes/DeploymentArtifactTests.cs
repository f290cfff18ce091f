using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using k8s.Models;
using MucGov.IntegrationTests.Hosting;
using MucGov.Testing;
using Xunit;

namespace MucGov.IntegrationTests.Kubernetes;

/// <summary>What the manifests rely on from outside them: the Secrets <c>make-secrets.sh</c> makes and the images the projects build.</summary>
public sealed class DeploymentArtifactTests
{
    // Secrets production refers to that the script does not make, and who does: the CloudNativePG operator (its CA),
    // the city's certificate process (TLS), its object storage (backups) and its mail relay (an optional login). A local
    // cluster needs none of them.
    private static readonly HashSet<string> MadeElsewhere = ["mucgov-postgres-ca", "mucgov-tls", "mucgov-backup-s3", "mucgov-smtp"];

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_secrets_script_makes_every_secret_and_key_the_overlay_refers_to(string overlay)
    {
        var manifests = await ManifestTests.RenderedAsync(overlay);
        var secrets = Manifests.Load(await Programs.OutputAsync("bash", [Path.Combine(Manifests.Folder, "make-secrets.sh"), overlay], TimeSpan.FromMinutes(2)))
            .Cast<V1Secret>().ToDictionary(s => s.Metadata.Name);

        var needed = References(manifests).Where(r => !r.Optional && !(overlay == "prod" && MadeElsewhere.Contains(r.Secret))).ToList();

        Assert.NotEmpty(needed);
        Assert.All(needed, r => Assert.True(secrets.TryGetValue(r.Secret, out var s) && (r.Key is null || s.Data.ContainsKey(r.Key)),
            $"{overlay}: {r.Secret}/{r.Key} is not made by make-secrets.sh"));
        Assert.All(secrets.Values, s => Assert.Equal("mucgov", s.Metadata.NamespaceProperty));
    }

    [Fact]
    public async Task The_scripts_token_keys_open_with_their_passwords_and_its_passwords_are_new_each_time()
    {
        var script = Path.Combine(Manifests.Folder, "make-secrets.sh");
        var first = Manifests.Load(await Programs.OutputAsync("bash", [script, "prod"])).Cast<V1Secret>().ToDictionary(s => s.Metadata.Name);
        var second = Manifests.Load(await Programs.OutputAsync("bash", [script, "prod"])).Cast<V1Secret>().ToDictionary(s => s.Metadata.Name);

        var keys = first["mucgov-identity-keys"].Data;
        foreach (var (file, password, usage) in new[]
        {
            ("signing.pfx", "signing-password", X509KeyUsageFlags.DigitalSignature),
            ("encryption.pfx", "encryption-password", X509KeyUsageFlags.KeyEncipherment),
        })
        {
            using var certificate = X509CertificateLoader.LoadPkcs12(keys[file], System.Text.Encoding.UTF8.GetString(keys[password]));
            Assert.True(certificate.HasPrivateKey);
            Assert.True(certificate.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(usage));
        }

        Assert.NotEqual(first["mucgov-ticket-db"].Data["password"], second["mucgov-ticket-db"].Data["password"]);
        Assert.Matches("^[A-Za-z0-9]{32}$", System.Text.Encoding.UTF8.GetString(first["mucgov-ticket-db"].Data["password"]));
        Assert.Equal("mucgov_ticket", System.Text.Encoding.UTF8.GetString(first["mucgov-ticket-db"].Data["username"]));
        Assert.Equal("true", first["mucgov-ticket-rabbitmq"].Metadata.Labels["rabbitmq.com/topology-operator"]);
    }

    [Fact]
    public async Task Each_apps_image_properties_match_its_deployment()
    {
        var manifests = await ManifestTests.RenderedAsync("dev");
        var evaluations = Apps.All.Select(async app => (App: app, Properties: await ContainerPropertiesAsync(app))).ToList();

        foreach (var (app, properties) in await Task.WhenAll(evaluations))
        {
            var pod = manifests.Named<V1Deployment>(app).Spec.Template.Spec;
            var container = pod.Containers.Single();
            var build = properties.GetProperty("Properties");
            Assert.Equal($"mucgov/{app}:{build.GetProperty("ContainerImageTag").GetString()}", container.Image);
            Assert.Equal(build.GetProperty("ContainerUser").GetString(), pod.SecurityContext.RunAsUser?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(properties.GetProperty("Items").GetProperty("ContainerPort").EnumerateArray().Select(p => int.Parse(p.GetProperty("Identity").GetString()!,
                System.Globalization.CultureInfo.InvariantCulture)).Order(), container.Ports.Select(p => p.ContainerPort).Order());
            Assert.Matches(@"^mcr\.microsoft\.com/dotnet/aspnet:\d+\.\d+-", build.GetProperty("ContainerBaseImage").GetString());
        }
    }

    private static async Task<JsonElement> ContainerPropertiesAsync(string app) =>
        JsonDocument.Parse(await Programs.OutputAsync("dotnet", ["msbuild", Path.Combine(Repository.Root, Apps.Row(app).Project + ".csproj"),
            "-getProperty:ContainerRepository", "-getProperty:ContainerImageTag", "-getProperty:ContainerUser", "-getProperty:ContainerBaseImage",
            "-getItem:ContainerPort"], TimeSpan.FromMinutes(3))).RootElement;

    private static IEnumerable<(string Secret, string? Key, bool Optional)> References(Manifests manifests)
    {
        foreach (var pod in manifests.Workloads.Select(w => w.Pod))
        {
            foreach (var env in pod.Containers.SelectMany(c => c.Env ?? []).Where(e => e.ValueFrom?.SecretKeyRef is not null))
            {
                yield return (env.ValueFrom.SecretKeyRef.Name, env.ValueFrom.SecretKeyRef.Key, env.ValueFrom.SecretKeyRef.Optional == true);
            }

            foreach (var volume in (pod.Volumes ?? []).Where(v => v.Secret is not null))
            {
                foreach (var key in volume.Secret.Items?.Select(i => (string?)i.Key) ?? [null])
                {
                    yield return (volume.Secret.SecretName, key, volume.Secret.Optional == true);
                }
            }
        }

        foreach (var role in manifests.OfType<CnpgCluster>().SelectMany(c => c.Spec.Managed?.Roles ?? []).Where(r => r.PasswordSecret is not null))
        {
            yield return (role.PasswordSecret!.Name, "password", false);
        }

        foreach (var user in manifests.OfType<RabbitmqUser>().Where(u => u.Spec.ImportCredentialsSecret is not null))
        {
            yield return (user.Spec.ImportCredentialsSecret!.Name, "username", false);
        }
    }
}
