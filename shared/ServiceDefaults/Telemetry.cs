using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MucGov.Shared.ServiceDefaults;

internal static class Telemetry
{
    // Sources and meters of the libraries every service uses; names are the libraries' own.
    private static readonly string[] TraceSources = ["MassTransit", "Npgsql", "MucGov.*"];
    private static readonly string[] Meters = ["MassTransit", "Npgsql", "MucGov.*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    public static void AddTelemetry(this IHostApplicationBuilder builder)
    {
        // "MucGov.Ticket" → "mucgov-ticket"; OTEL_SERVICE_NAME overrides it where an operator wants another name.
        var serviceName = builder.Environment.ApplicationName.Replace('.', '-').ToLowerInvariant();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: serviceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics"))
                .AddHttpClientInstrumentation()
                .AddSource(TraceSources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters)
                .AddPrometheusExporter());

        // OTLP only where a collector is configured (standard OTEL_EXPORTER_OTLP_ENDPOINT variable).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }
    }
}
