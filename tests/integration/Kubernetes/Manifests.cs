using System.Reflection;
using k8s;
using k8s.Models;
using MucGov.Testing;

namespace MucGov.IntegrationTests.Kubernetes;

/// <summary>One workload's pod template, whatever kind holds it.</summary>
public sealed record Workload(string Kind, string Name, V1PodTemplateSpec Template)
{
    public V1PodSpec Pod => Template.Spec;

    public IDictionary<string, string> Labels => Template.Metadata?.Labels ?? new Dictionary<string, string>();
}

/// <summary>An overlay of <c>deploy/k8s</c> rendered by <c>kubectl kustomize</c> and loaded strictly into typed models.</summary>
public sealed class Manifests
{
    private static readonly Dictionary<string, Type> Types = TypeMap();

    private Manifests(string overlay, IReadOnlyList<object> objects)
    {
        Overlay = overlay;
        Objects = objects;
    }

    public static string Folder => Path.Combine(Repository.Root, "deploy", "k8s");

    public string Overlay { get; }

    public IReadOnlyList<object> Objects { get; }

    /// <summary>Renders <c>overlays/{overlay}</c>; every object must be of a known kind and have no field its schema lacks.</summary>
    public static async Task<Manifests> RenderAsync(string overlay)
    {
        var yaml = await Programs.OutputAsync("kubectl", ["kustomize", Path.Combine(Folder, "overlays", overlay)]);
        return new Manifests(overlay, Load(yaml));
    }

    /// <summary>Loads YAML documents strictly; an unknown kind or field throws.</summary>
    public static IReadOnlyList<object> Load(string yaml)
    {
        var objects = KubernetesYaml.LoadAllFromString(yaml, Types, strict: true);
        foreach (var o in objects)
        {
            if (o is not IKubernetesObject || o.GetType() == typeof(KubernetesObject))
            {
                throw new InvalidOperationException($"Not a known kind: {o}");
            }
        }

        return objects;
    }

    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    public T Named<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        OfType<T>().SingleOrDefault(o => o.Metadata.Name == name) ?? throw new InvalidOperationException($"No {typeof(T).Name} {name} in {Overlay}");

    /// <summary>Every pod template: Deployments, StatefulSets and Jobs.</summary>
    public IEnumerable<Workload> Workloads =>
        OfType<V1Deployment>().Select(d => new Workload("Deployment", d.Metadata.Name, d.Spec.Template))
            .Concat(OfType<V1StatefulSet>().Select(s => new Workload("StatefulSet", s.Metadata.Name, s.Spec.Template)))
            .Concat(OfType<V1Job>().Select(j => new Workload("Job", j.Metadata.Name, j.Spec.Template)));

    /// <summary>The data of a ConfigMap.</summary>
    public IDictionary<string, string> ConfigMap(string name) => Named<V1ConfigMap>(name).Data ?? new Dictionary<string, string>();

    /// <summary>Whether a label selector selects these labels (matchLabels and the In/NotIn/Exists operators).</summary>
    public static bool Selects(V1LabelSelector? selector, IDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return false;
        }

        var matchLabels = selector.MatchLabels ?? new Dictionary<string, string>();
        return matchLabels.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)
            && (selector.MatchExpressions ?? []).All(e => e.OperatorProperty switch
            {
                "In" => labels.TryGetValue(e.Key, out var v) && e.Values.Contains(v),
                "NotIn" => !labels.TryGetValue(e.Key, out var v) || !e.Values.Contains(v),
                "Exists" => labels.ContainsKey(e.Key),
                "DoesNotExist" => !labels.ContainsKey(e.Key),
                _ => throw new InvalidOperationException($"Unknown operator {e.OperatorProperty}"),
            });
    }

    /// <summary>The client library's models by "apiVersion/kind", and the operators' resources of our own models.</summary>
    private static Dictionary<string, Type> TypeMap()
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(V1Deployment).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { } entity && !type.Name.EndsWith("List", StringComparison.Ordinal))
            {
                var apiVersion = string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}";
                map.TryAdd($"{apiVersion}/{entity.Kind}", type);
            }
        }

        map["postgresql.cnpg.io/v1/Cluster"] = typeof(CnpgCluster);
        map["postgresql.cnpg.io/v1/Database"] = typeof(CnpgDatabase);
        map["postgresql.cnpg.io/v1/ScheduledBackup"] = typeof(CnpgScheduledBackup);
        map["barmancloud.cnpg.io/v1/ObjectStore"] = typeof(BarmanObjectStore);
        map["rabbitmq.com/v1beta1/RabbitmqCluster"] = typeof(RabbitmqCluster);
        map["rabbitmq.com/v1beta1/Vhost"] = typeof(RabbitmqVhost);
        map["rabbitmq.com/v1beta1/User"] = typeof(RabbitmqUser);
        map["rabbitmq.com/v1beta1/Permission"] = typeof(RabbitmqPermission);
        return map;
    }
}
