using k8s.Models;
using MucGov.IntegrationTests.Hosting;
using Xunit;

namespace MucGov.IntegrationTests.Kubernetes;

/// <summary>The overlays of <c>deploy/k8s</c>, rendered by kustomize and held to what an operator's cluster demands.</summary>
public sealed class ManifestTests
{
    public static TheoryData<string> Overlays => new() { "dev", "prod" };

    private static readonly Dictionary<string, Lazy<Task<Manifests>>> Rendered = new()
    {
        ["dev"] = new(() => Manifests.RenderAsync("dev")),
        ["prod"] = new(() => Manifests.RenderAsync("prod")),
    };

    public static Task<Manifests> RenderedAsync(string overlay) => Rendered[overlay].Value;

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Each_overlay_renders_every_app_with_its_deployment_service_config_budget_autoscaler_and_migration_job(string overlay)
    {
        var manifests = await RenderedAsync(overlay);

        foreach (var app in Apps.All)
        {
            var deployment = manifests.Named<V1Deployment>(app);
            var labels = deployment.Spec.Template.Metadata.Labels;
            Assert.True(Manifests.Selects(deployment.Spec.Selector, labels), $"{app}: its selector does not select its own pods");
            Assert.Contains(manifests.OfType<V1Service>(), s => s.Spec.Selector is { Count: > 0 } selector
                && selector.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value));
            Assert.Contains(manifests.OfType<V1PodDisruptionBudget>(), b => Manifests.Selects(b.Spec.Selector, labels));
            Assert.Contains(manifests.OfType<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Kind == "Deployment" && h.Spec.ScaleTargetRef.Name == app);
            Assert.Single(manifests.OfType<V1Job>(), j => j.Metadata.Name.StartsWith($"{app}-migrate-", StringComparison.Ordinal)
                && j.Spec.Template.Spec.Containers.Single().Args.SequenceEqual(["migrate"]));
            Assert.Equal($"{app}-config", deployment.Spec.Template.Spec.Containers[0].EnvFrom.Last().ConfigMapRef.Name);
        }

        Assert.Equal("mucgov", Assert.Single(manifests.OfType<V1Namespace>()).Metadata.Name);
        Assert.All(manifests.Objects.OfType<k8s.IKubernetesObject<V1ObjectMeta>>().Where(o => o is not V1Namespace),
            o => Assert.Equal("mucgov", o.Metadata.NamespaceProperty));
    }

    [Fact]
    public void The_strict_loader_refuses_a_field_the_schema_lacks_and_a_kind_it_does_not_know()
    {
        const string Deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: 1\n  replicaz: 2\n";
        const string Cluster = "apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: x\nspec:\n  instances: 3\n  instancez: 2\n";
        const string Unknown = "apiVersion: example.org/v1\nkind: Gadget\nmetadata:\n  name: x\n";

        Assert.ThrowsAny<Exception>(() => Manifests.Load(Deployment));
        Assert.ThrowsAny<Exception>(() => Manifests.Load(Cluster));
        Assert.ThrowsAny<Exception>(() => Manifests.Load(Unknown));
        Assert.Single(Manifests.Load(Deployment.Replace("  replicaz: 2\n", "", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Every_container_has_probes_resources_and_the_restricted_security_context(string overlay)
    {
        var manifests = await RenderedAsync(overlay);

        Assert.NotEmpty(manifests.Workloads);
        foreach (var workload in manifests.Workloads)
        {
            var pod = workload.Pod;
            var where = $"{overlay} {workload.Kind} {workload.Name}";
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{where}: mounts a service account token");
            Assert.Null(pod.HostNetwork);
            foreach (var container in pod.Containers.Concat(pod.InitContainers ?? []))
            {
                var security = container.SecurityContext;
                Assert.True(security?.AllowPrivilegeEscalation == false, $"{where}/{container.Name}: privilege escalation not refused");
                Assert.True(security?.ReadOnlyRootFilesystem == true, $"{where}/{container.Name}: root file system writable");
                Assert.Equal(["ALL"], security?.Capabilities?.Drop ?? []);
                Assert.Null(security?.Capabilities?.Add);
                Assert.True((security?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot) == true, $"{where}/{container.Name}: may run as root");
                Assert.NotEqual(0, security?.RunAsUser ?? pod.SecurityContext?.RunAsUser);
                Assert.Equal("RuntimeDefault", security?.SeccompProfile?.Type ?? pod.SecurityContext?.SeccompProfile?.Type);
                Assert.True(container.Resources?.Requests?.ContainsKey("cpu") == true && container.Resources.Requests.ContainsKey("memory"),
                    $"{where}/{container.Name}: no cpu and memory requests");
                Assert.True(container.Resources?.Limits?.ContainsKey("memory") == true && container.Resources.Limits.ContainsKey("cpu"),
                    $"{where}/{container.Name}: no cpu and memory limits");
                if (workload.Kind != "Job")
                {
                    Assert.True(container.LivenessProbe is not null && container.ReadinessProbe is not null && container.StartupProbe is not null,
                        $"{where}/{container.Name}: liveness, readiness and startup probes required");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_apps_probe_their_health_endpoints(string overlay)
    {
        var manifests = await RenderedAsync(overlay);

        foreach (var app in Apps.All)
        {
            var container = manifests.Named<V1Deployment>(app).Spec.Template.Spec.Containers.Single();
            Assert.Equal("/health/live", container.LivenessProbe.HttpGet.Path);
            Assert.Equal("/health/live", container.StartupProbe.HttpGet.Path);
            Assert.Equal("/health/ready", container.ReadinessProbe.HttpGet.Path);
            Assert.Contains(container.Ports, p => p.Name == container.ReadinessProbe.HttpGet.Port.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_namespace_enforces_the_restricted_pod_security_profile(string overlay)
    {
        var labels = Assert.Single((await RenderedAsync(overlay)).OfType<V1Namespace>()).Metadata.Labels;

        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task Images_are_pinned_and_each_migration_job_is_named_with_its_apps_image_tag(string overlay)
    {
        var manifests = await RenderedAsync(overlay);

        foreach (var container in manifests.Workloads.SelectMany(w => w.Pod.Containers))
        {
            var tag = container.Image[(container.Image.LastIndexOf('/') + 1)..].Split(':') is [_, var t] ? t : null;
            Assert.False(tag is null or "latest", $"{container.Image}: no pinned tag");
        }

        foreach (var app in Apps.All)
        {
            var image = manifests.Named<V1Deployment>(app).Spec.Template.Spec.Containers.Single().Image;
            var tag = image[(image.LastIndexOf(':') + 1)..];
            Assert.EndsWith($"mucgov/{app}:{tag}", image, StringComparison.Ordinal);
            var job = Assert.Single(manifests.OfType<V1Job>(), j => j.Metadata.Name.StartsWith($"{app}-migrate-", StringComparison.Ordinal));
            Assert.Equal($"{app}-migrate-{tag}", job.Metadata.Name);
            Assert.Equal(image, job.Spec.Template.Spec.Containers.Single().Image);
        }
    }

    [Fact]
    public async Task Production_denies_all_traffic_but_the_platforms_paths_and_every_pod_has_a_policy_of_its_own()
    {
        var manifests = await RenderedAsync("prod");
        var policies = manifests.OfType<V1NetworkPolicy>().ToList();

        var deny = Assert.Single(policies, p => p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PodSelector.MatchExpressions is null
            && p.Spec.Ingress is null && p.Spec.Egress is null);
        Assert.Equal(["Ingress", "Egress"], deny.Spec.PolicyTypes);
        foreach (var workload in manifests.Workloads)
        {
            Assert.Contains(policies, p => p.Spec.PodSelector.MatchLabels is { Count: > 0 } || p.Spec.PodSelector.MatchExpressions is { Count: > 0 }
                ? Manifests.Selects(p.Spec.PodSelector, workload.Labels) && (p.Spec.Egress?.Count > 0 || p.Spec.Ingress?.Count > 0)
                : false);
        }

        // From outside the namespace, only the gateway is reachable (and metrics only from the monitoring stack).
        var fromOutside = policies.SelectMany(p => (p.Spec.Ingress ?? []).Where(r => (r.FromProperty ?? []).Any(f => f.NamespaceSelector is not null))
            .Select(r => (Policy: p, Rule: r))).ToList();
        Assert.All(fromOutside, x => Assert.True(
            x.Rule.FromProperty.All(f => f.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] is "monitoring" or "cnpg-system" or "rabbitmq-system")
            || x.Policy.Spec.PodSelector.MatchLabels?["app.kubernetes.io/name"] == "gateway", $"{x.Policy.Metadata.Name} lets another namespace in"));
        Assert.Contains(fromOutside, x => x.Policy.Spec.PodSelector.MatchLabels?["app.kubernetes.io/name"] == "gateway"
            && x.Rule.FromProperty.Any(f => f.NamespaceSelector.MatchLabels["kubernetes.io/metadata.name"] == "ingress-nginx"));
        var ingress = Assert.Single(manifests.OfType<V1Ingress>());
        Assert.NotEmpty(ingress.Spec.Tls);
        Assert.All(ingress.Spec.Rules.SelectMany(r => r.Http.Paths), p => Assert.Equal("gateway", p.Backend.Service.Name));
    }

    [Fact]
    public async Task Production_refers_to_secrets_without_holding_any()
    {
        var manifests = await RenderedAsync("prod");

        Assert.Empty(manifests.OfType<V1Secret>());
        foreach (var env in manifests.Workloads.SelectMany(w => w.Pod.Containers).SelectMany(c => c.Env ?? []))
        {
            var secretLike = env.Name.Contains("Password", StringComparison.OrdinalIgnoreCase) || env.Name.Contains("Secret", StringComparison.OrdinalIgnoreCase);
            Assert.False(secretLike && env.Value is not null, $"{env.Name} is written into the manifest");
        }

        Assert.All(manifests.OfType<V1ConfigMap>().SelectMany(c => c.Data ?? new Dictionary<string, string>()),
            kv => Assert.DoesNotContain("Password", kv.Key, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_runs_postgres_and_rabbitmq_as_three_instance_clusters_with_a_database_owner_and_broker_user_per_app()
    {
        var manifests = await RenderedAsync("prod");

        var postgres = Assert.Single(manifests.OfType<CnpgCluster>());
        Assert.Equal(3, postgres.Spec.Instances);
        Assert.Contains(postgres.Spec.Plugins ?? [], p => p.IsWalArchiver == true);
        Assert.Contains(manifests.OfType<CnpgScheduledBackup>(), b => b.Spec.Cluster.Name == postgres.Metadata.Name);
        var rabbit = Assert.Single(manifests.OfType<RabbitmqCluster>());
        Assert.Equal(3, rabbit.Spec.Replicas);
        Assert.Matches(@":\d+\.\d+\.\d+", rabbit.Spec.Image);
        Assert.Equal("mucgov-postgres-rw", manifests.ConfigMap("platform-config")["DATABASE_HOST"]);
        Assert.Equal(rabbit.Metadata.Name, manifests.ConfigMap("broker-config")["RABBITMQ_HOST"]);
        Assert.Equal("true", manifests.ConfigMap("broker-config")["RabbitMq__UseQuorumQueues"]);
        Assert.Equal("mucgov", manifests.ConfigMap("broker-config")["RabbitMq__VirtualHost"]);
        foreach (var app in Apps.All)
        {
            Assert.Contains(postgres.Spec.Managed!.Roles, r => r.Name == $"mucgov_{app}" && r.Login == true && r.Superuser is null or false
                && r.PasswordSecret?.Name == $"mucgov-{app}-db");
            Assert.Contains(manifests.OfType<CnpgDatabase>(), d => d.Spec.Name == $"mucgov_{app}" && d.Spec.Owner == $"mucgov_{app}"
                && d.Spec.Cluster.Name == postgres.Metadata.Name);
        }

        foreach (var app in Apps.Services)
        {
            var user = Assert.Single(manifests.OfType<RabbitmqUser>(), u => u.Spec.ImportCredentialsSecret?.Name == $"mucgov-{app}-rabbitmq");
            var permission = Assert.Single(manifests.OfType<RabbitmqPermission>(), p => p.Spec.UserReference?.Name == user.Metadata.Name);
            Assert.Equal("mucgov", permission.Spec.Vhost);
            Assert.StartsWith($"^({app}-.*|", permission.Spec.Permissions.Read, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Development_runs_one_of_each_on_the_local_origin_with_its_own_postgres_and_rabbitmq()
    {
        var manifests = await RenderedAsync("dev");

        Assert.All(manifests.OfType<V1Deployment>(), d => Assert.Equal(1, d.Spec.Replicas));
        Assert.Equal("http://127.0.0.1:5000", manifests.ConfigMap("platform-config")["PUBLIC_ORIGIN"]);
        Assert.Equal(["postgres", "rabbitmq"], manifests.OfType<V1StatefulSet>().Select(s => s.Metadata.Name).Order());
        Assert.Equal(manifests.ConfigMap("platform-config")["DATABASE_HOST"], manifests.Named<V1Service>("postgres").Metadata.Name);
        Assert.Equal(manifests.ConfigMap("broker-config")["RABBITMQ_HOST"], manifests.Named<V1Service>("rabbitmq").Metadata.Name);
    }
}
