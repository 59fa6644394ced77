using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;

namespace PlanBot.Host.Export;

internal static class ExportEndpoint
{
    /// <summary><c>GET /api/plans/{id}/export</c>: the plan as Markdown, for a link <c>export</c> signed.</summary>
    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/plans/{id}/export", async (string id, string? tenant, long? expires, string? sig, ExportLinks links, IConversationStore store, HttpResponse response, CancellationToken cancellationToken) =>
        {
            // A plan is not for caches, for sniffing into something else, or for the next site's Referer.
            response.Headers.CacheControl = "no-store";
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            if (tenant is null || expires is null || sig is null)
            {
                return Results.Problem("The link is incomplete: it needs tenant, expires and sig.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (links.Check(tenant, id, expires.Value, sig) is { } refusal)
            {
                return Results.Problem(refusal, statusCode: StatusCodes.Status403Forbidden);
            }

            var plan = await store.GetPlanAsync(tenant, id, cancellationToken);
            return plan is null
                ? Results.Problem("The plan no longer exists.", statusCode: StatusCodes.Status404NotFound)
                : Results.Text(PlanMarkdown.Render(plan.Document.Plan), "text/markdown; charset=utf-8");
        });
        return endpoints;
    }
}
