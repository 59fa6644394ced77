using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Plans;

namespace PlanBot.Host.Export;

internal static class ExportEndpoint
{
    /// <summary>The path under a plan's export that serves the Word document.</summary>
    public const string WordPath = "docx";

    public const string WordContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>
    /// <c>GET /api/plans/{id}/export</c>: the plan as Markdown, and <c>…/export/docx</c> as a Word
    /// document, for a link <c>export</c> signed.
    /// </summary>
    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/plans/{id}/export", (string id, string? tenant, long? expires, string? sig, ExportLinks links, IConversationStore store, HttpResponse response, CancellationToken cancellationToken) =>
            ServeAsync(id, tenant, expires, sig, links, store, response, plan => Results.Text(PlanMarkdown.Render(plan), "text/markdown; charset=utf-8"), cancellationToken));
        endpoints.MapGet("/api/plans/{id}/export/" + WordPath, (string id, string? tenant, long? expires, string? sig, ExportLinks links, IConversationStore store, HttpResponse response, CancellationToken cancellationToken) =>
            ServeAsync(id, tenant, expires, sig, links, store, response, Word, cancellationToken));
        return endpoints;
    }

    /// <summary>The Word document as a download named after the release.</summary>
    public static IResult Word(Plan plan) =>
        Results.File(PlanWordDocument.Render(plan), WordContentType, PlanWordDocument.FileName(plan));

    private static async Task<IResult> ServeAsync(
        string id, string? tenant, long? expires, string? sig, ExportLinks links, IConversationStore store, HttpResponse response, Func<Plan, IResult> render, CancellationToken cancellationToken)
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
            : render(plan.Document.Plan);
    }
}
