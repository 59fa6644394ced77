using PlanBot.Conversations.Ports;

namespace PlanBot.Host.Health;

internal static class HealthEndpoints
{
    /// <summary>
    /// <c>/healthz</c> says the process is alive (the platform's health check); <c>/readyz</c> says
    /// the store answers too (for alerts: a store outage should not take every instance out).
    /// </summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => TypedResults.Text("alive"));
        endpoints.MapGet("/readyz", async (IConversationStore store, CancellationToken cancellationToken) =>
            await store.IsReachableAsync(cancellationToken)
                ? Results.Text("ready")
                : Results.Text("store unreachable", statusCode: StatusCodes.Status503ServiceUnavailable));
        return endpoints;
    }
}
