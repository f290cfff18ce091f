using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MucGov.Shared.ServiceDefaults;

/// <summary>Wiring shared by every MucGov HTTP service.</summary>
public static class Extensions
{
    /// <summary>Health check tag for checks that decide readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>
    /// Adds structured JSON logs with trace and correlation ids, OpenTelemetry, health checks,
    /// problem+json errors, the request body limit, graceful shutdown and the OpenAPI document.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<ServiceOptions>()
            .BindConfiguration(ServiceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddJsonLogging();
        builder.AddTelemetry();

        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions["service"] = context.HttpContext.RequestServices.GetRequiredService<IOptions<ServiceOptions>>().Value.Name;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi(options => options.AddExamples());
        builder.Services.AddHttpContextAccessor();
        // Services sit behind the gateway (NetworkPolicy: reachable from it only), which sets X-Forwarded-*: links,
        // redirects, cookies and OIDC metadata must name the public origin, not the pod.
        // They are believed only from the trusted proxies: anyone else could claim another client address or host.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ServiceOptions>>((forwarded, service) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
            var trusted = service.Value.TrustedProxies.Length > 0 ? service.Value.TrustedProxies : ServiceOptions.DefaultTrustedProxies;
            foreach (var network in trusted)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Contains('/', StringComparison.Ordinal) ? network : network + (network.Contains(':',
                    StringComparison.Ordinal) ? "/128" : "/32")));
            }
        });

        // Settings are read when resolved, not while wiring, so every configuration source (tests' included) counts.
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<ServiceOptions>>((kestrel, service) => kestrel.Limits.MaxRequestBodySize = service.Value.MaxRequestBodyBytes);
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<ServiceOptions>>((host, service) => host.ShutdownTimeout = service.Value.ShutdownTimeout);
        return builder;
    }

    /// <summary>
    /// Adds the middleware every app runs first: forwarded headers (from trusted proxies) and the pinned public
    /// origin, problem+json error handling, the correlation id, authentication and authorization, and the management
    /// port's hold on <c>/metrics</c>.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        if (service.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        if (Uri.TryCreate(service.PublicOrigin, UriKind.Absolute, out var origin))
        {
            var host = HostString.FromUriComponent(origin);
            app.Use((context, next) =>
            {
                context.Request.Scheme = origin.Scheme;
                context.Request.Host = host;
                return next(context);
            });
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<CorrelationIdMiddleware>();
        // Inside the status-code pages, so a refused request (401/403) gets a problem+json body too.
        if (app.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
        }

        if (app.Services.GetService<Microsoft.AspNetCore.Authorization.IAuthorizationService>() is not null)
        {
            app.UseAuthorization();
        }

        if (service.ManagementPort is { } managementPort)
        {
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments("/metrics") && context.Connection.LocalPort != managementPort,
                refused => refused.Run(context => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(context)));
        }

        return app;
    }

    /// <summary>Maps <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c> and <c>/openapi/v1.json</c>.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        MapHealthEndpoints(app);
        app.MapPrometheusScrapingEndpoint("/metrics").ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }

    private static void MapHealthEndpoints(WebApplication app)
    {
        // Liveness: the process answers. No dependency may make it fail, or Kubernetes restarts healthy pods.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .ExcludeFromDescription();
        // Readiness: the service's own database. The broker is reported as Degraded at worst (the outbox holds messages meanwhile).
        app.MapHealthChecks("/health/ready", new()
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).ExcludeFromDescription();
    }

    private static void AddJsonLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.UseUtcTimestamp = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
