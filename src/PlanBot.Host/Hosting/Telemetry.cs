using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PlanBot.Conversations;

namespace PlanBot.Host.Hosting;

internal static class Telemetry
{
    /// <summary>
    /// Traces and metrics of turns, store calls and channel retries, plus ASP.NET Core and HttpClient,
    /// exported to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, or
    /// over OTLP when <c>Telemetry:OtlpEndpoint</c> is; collected but not exported otherwise.
    /// </summary>
    public static IServiceCollection AddPlanBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("planbot"))
            .WithTracing(tracing => tracing
                .AddSource(PlanBotTelemetry.Name)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(PlanBotTelemetry.Name)
                // The channels' retry policy (Microsoft.Extensions.Http.Resilience): resilience.polly.strategy.events.
                .AddMeter("Polly")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.UseAzureMonitor();
        }
        else if (configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint)
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(endpoint));
        }

        return services;
    }
}
