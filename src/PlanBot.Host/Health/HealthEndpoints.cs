using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PlanBot.Host.Health;

internal static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>The store's check, run by <c>/readyz</c> only.</summary>
    public static IServiceCollection AddPlanBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>(StoreHealthCheck.Name, tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c> says the process is alive (the platform's health check: it runs no check);
    /// <c>/readyz</c> says the store answers too (for alerts: a store outage should not take every
    /// instance out), with 503 and what is wrong when it does not.
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (context, _) => Plain(context, "alive"),
        });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            // The checks' own descriptions only: an exception's message is for the log, not for anyone who asks.
            ResponseWriter = (context, report) => Plain(context, report.Status == HealthStatus.Healthy
                ? Ready
                : string.Join("; ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => e.Value.Exception is null ? e.Value.Description : $"{e.Key} check failed"))),
        });
        return endpoints;
    }

    private static Task Plain(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
