using k8s;
using k8s.Models;

namespace MucGov.IntegrationTests.Kubernetes;

// Small models of the operators' custom resources the production overlay uses, after their CRDs' schemas
// (CloudNativePG 1.27+ with the Barman Cloud plugin, RabbitMQ Cluster Operator 2.x, Messaging Topology Operator 1.x).
// They hold the fields the manifests may use; a strict load refuses any other, as the API server would.
#pragma warning disable CA1056, CA2227 // YAML models: string URLs and settable collections, as the CRDs have them.

/// <summary>A custom resource: the common envelope with its typed spec.</summary>
public abstract class CustomResource<TSpec> : IKubernetesObject<V1ObjectMeta>
    where TSpec : new()
{
    public string ApiVersion { get; set; } = "";

    public string Kind { get; set; } = "";

    public V1ObjectMeta Metadata { get; set; } = new();

    public TSpec Spec { get; set; } = new();
}

public sealed class NameReference
{
    public string Name { get; set; } = "";
}

public sealed class SecretKeyReference
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";
}

public sealed class CnpgCluster : CustomResource<CnpgClusterSpec>;

public sealed class CnpgClusterSpec
{
    public int Instances { get; set; }

    public string? ImageName { get; set; }

    public string? PrimaryUpdateStrategy { get; set; }

    public CnpgStorage? Storage { get; set; }

    public CnpgStorage? WalStorage { get; set; }

    public V1ResourceRequirements? Resources { get; set; }

    public CnpgPostgresConfiguration? Postgresql { get; set; }

    public CnpgAffinity? Affinity { get; set; }

    public List<V1TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }

    public CnpgManaged? Managed { get; set; }

    public List<CnpgPlugin>? Plugins { get; set; }

    public CnpgBootstrap? Bootstrap { get; set; }

    public bool? EnableSuperuserAccess { get; set; }
}

public sealed class CnpgStorage
{
    public string? Size { get; set; }

    public string? StorageClass { get; set; }
}

public sealed class CnpgPostgresConfiguration
{
    public Dictionary<string, string>? Parameters { get; set; }
}

public sealed class CnpgAffinity
{
    public bool? EnablePodAntiAffinity { get; set; }

    public string? PodAntiAffinityType { get; set; }

    public string? TopologyKey { get; set; }
}

public sealed class CnpgManaged
{
    public List<CnpgRole> Roles { get; set; } = [];
}

public sealed class CnpgRole
{
    public string Name { get; set; } = "";

    public string? Ensure { get; set; }

    public bool? Login { get; set; }

    public bool? Inherit { get; set; }

    public bool? Superuser { get; set; }

    public bool? Createdb { get; set; }

    public int? ConnectionLimit { get; set; }

    public NameReference? PasswordSecret { get; set; }
}

public sealed class CnpgPlugin
{
    public string Name { get; set; } = "";

    public bool? Enabled { get; set; }

    [YamlDotNet.Serialization.YamlMember(Alias = "isWALArchiver")]
    public bool? IsWalArchiver { get; set; }

    public Dictionary<string, string>? Parameters { get; set; }
}

public sealed class CnpgBootstrap
{
    public CnpgInitdb? Initdb { get; set; }
}

public sealed class CnpgInitdb
{
    public string? Database { get; set; }

    public string? Owner { get; set; }

    public NameReference? Secret { get; set; }
}

public sealed class CnpgDatabase : CustomResource<CnpgDatabaseSpec>;

public sealed class CnpgDatabaseSpec
{
    public NameReference Cluster { get; set; } = new();

    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public string? Ensure { get; set; }

    public string? DatabaseReclaimPolicy { get; set; }
}

public sealed class CnpgScheduledBackup : CustomResource<CnpgScheduledBackupSpec>;

public sealed class CnpgScheduledBackupSpec
{
    public string Schedule { get; set; } = "";

    public NameReference Cluster { get; set; } = new();

    public string? BackupOwnerReference { get; set; }

    public string? Method { get; set; }

    public NameReference? PluginConfiguration { get; set; }

    public bool? Immediate { get; set; }
}

public sealed class BarmanObjectStore : CustomResource<BarmanObjectStoreSpec>;

public sealed class BarmanObjectStoreSpec
{
    public string? RetentionPolicy { get; set; }

    public BarmanConfiguration Configuration { get; set; } = new();
}

public sealed class BarmanConfiguration
{
    public string DestinationPath { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "endpointURL")]
    public string? EndpointUrl { get; set; }

    public BarmanS3Credentials? S3Credentials { get; set; }

    public BarmanCompression? Wal { get; set; }

    public BarmanCompression? Data { get; set; }
}

public sealed class BarmanS3Credentials
{
    public SecretKeyReference? AccessKeyId { get; set; }

    public SecretKeyReference? SecretAccessKey { get; set; }

    public SecretKeyReference? Region { get; set; }
}

public sealed class BarmanCompression
{
    public string? Compression { get; set; }
}

public sealed class RabbitmqCluster : CustomResource<RabbitmqClusterSpec>;

public sealed class RabbitmqClusterSpec
{
    public int? Replicas { get; set; }

    public string? Image { get; set; }

    public V1ResourceRequirements? Resources { get; set; }

    public RabbitmqPersistence? Persistence { get; set; }

    public RabbitmqConfiguration? Rabbitmq { get; set; }

    public RabbitmqOverride? Override { get; set; }
}

public sealed class RabbitmqPersistence
{
    public string? Storage { get; set; }

    public string? StorageClassName { get; set; }
}

public sealed class RabbitmqConfiguration
{
    public string? AdditionalConfig { get; set; }

    public List<string>? AdditionalPlugins { get; set; }
}

public sealed class RabbitmqOverride
{
    public RabbitmqStatefulSetOverride? StatefulSet { get; set; }
}

public sealed class RabbitmqStatefulSetOverride
{
    public RabbitmqStatefulSetOverrideSpec? Spec { get; set; }
}

public sealed class RabbitmqStatefulSetOverrideSpec
{
    public RabbitmqPodTemplateOverride? Template { get; set; }
}

public sealed class RabbitmqPodTemplateOverride
{
    public RabbitmqPodSpecOverride? Spec { get; set; }
}

public sealed class RabbitmqPodSpecOverride
{
    public List<V1Container>? Containers { get; set; }

    public List<V1TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }
}

public sealed class RabbitmqVhost : CustomResource<RabbitmqVhostSpec>;

public sealed class RabbitmqVhostSpec
{
    public string Name { get; set; } = "";

    public string? DefaultQueueType { get; set; }

    public NameReference RabbitmqClusterReference { get; set; } = new();
}

public sealed class RabbitmqUser : CustomResource<RabbitmqUserSpec>;

public sealed class RabbitmqUserSpec
{
    public List<string>? Tags { get; set; }

    public NameReference? ImportCredentialsSecret { get; set; }

    public NameReference RabbitmqClusterReference { get; set; } = new();
}

public sealed class RabbitmqPermission : CustomResource<RabbitmqPermissionSpec>;

public sealed class RabbitmqPermissionSpec
{
    public string Vhost { get; set; } = "";

    public string? User { get; set; }

    public NameReference? UserReference { get; set; }

    public RabbitmqPermissions Permissions { get; set; } = new();

    public NameReference RabbitmqClusterReference { get; set; } = new();
}

public sealed class RabbitmqPermissions
{
    public string? Configure { get; set; }

    public string? Write { get; set; }

    public string? Read { get; set; }
}
