using Microsoft.Extensions.Options;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Host.Export;

namespace PlanBot.Host.Tab;

/// <summary>
/// The Teams tab: pages Teams frames (no data in them), and the fragments their script fetches with
/// the signed-in person's token. Every fragment reads the token's tenant only.
/// </summary>
internal static class TabEndpoints
{
    public static IEndpointRouteBuilder MapTab(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tab/plans", (HttpContext context) => Page(context, TabShell.Page("Plans", "/tab/api/mine")));
        endpoints.MapGet("/tab/channel", (HttpContext context, string? product) => ProductProblem(product) is { } problem
            ? problem
            : Page(context, TabShell.Page($"Releases of {product}", $"{TabListPages.ChannelAction}?product={Uri.EscapeDataString(product!)}")));
        endpoints.MapGet("/tab/configure", (HttpContext context) => Page(context, TabShell.Configure()));
        endpoints.MapGet("/tab/assets/{name}", (string name) => TabAssets.Serve(name));
        endpoints.MapGet("/tab/dev", DevPage);

        var api = endpoints.MapGroup("/tab/api").RequireAuthorization(TabAuthentication.Policy);
        api.MapGet("/mine", async (HttpContext context, IConversationStore store, CancellationToken cancellationToken) =>
            await ForUser(context, async user => Html(TabListPages.Mine(MyPlans.Of(await store.ListPlansAsync(user.TenantId, null, cancellationToken), user.Person)))));
        api.MapGet("/search", (HttpContext context, IConversationStore store, IOptions<TabOptions> options, CancellationToken cancellationToken) =>
            SearchAsync(context, store, options.Value, product: null, cancellationToken));
        api.MapGet("/channel", (HttpContext context, string? product, IConversationStore store, IOptions<TabOptions> options, CancellationToken cancellationToken) =>
            ProductProblem(product) is { } problem ? Task.FromResult(problem) : SearchAsync(context, store, options.Value, product, cancellationToken));
        api.MapGet("/plans/{id}", (HttpContext context, string id, IConversationStore store, ExportLinks exports, IConfiguration configuration, CancellationToken cancellationToken) =>
            ForUser(context, async user =>
            {
                var plan = await store.GetPlanAsync(user.TenantId, id, cancellationToken);
                if (plan is null)
                {
                    return Results.Problem("There is no such plan in your organisation.", statusCode: StatusCodes.Status404NotFound);
                }

                // The baseline is read in the same tenant only, as every query of the tab is.
                var baseline = plan.Document.Plan.BaselinePlanId is { } from ? await store.GetPlanAsync(user.TenantId, from, cancellationToken) : null;
                return Html(TabPlanPage.Render(plan.Document, TabChatLinks.For(plan.Document, configuration["MicrosoftAppId"]), exports, baseline?.Document.Plan));
            }));
        return endpoints;
    }

    private static Task<IResult> SearchAsync(HttpContext context, IConversationStore store, TabOptions options, string? product, CancellationToken cancellationToken) =>
        ForUser(context, async user =>
        {
            var (search, problem) = PlanSearch.Read(context.Request.Query);
            if (search is null)
            {
                return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
            }

            // On a product's channel tab the store finds the product's plans exactly; the search narrows them.
            var plans = await store.ListPlansAsync(user.TenantId, product, cancellationToken);
            var scoped = product is null ? search : search with { Product = null };
            var (page, total) = scoped.Run(plans, options.PageSize);
            var action = product is null ? TabListPages.SearchAction : TabListPages.ChannelAction;
            return Html(TabListPages.Results(product is null ? search : scoped, page, total, options.PageSize, action, product));
        });

    private static async Task<IResult> ForUser(HttpContext context, Func<TabUser, Task<IResult>> handle) =>
        TabAuthentication.User(context) is { } user
            ? await handle(user)
            : Results.Problem("The sign-in token names no tenant or no user (tid and oid claims).", statusCode: StatusCodes.Status403Forbidden);

    /// <summary>Development only, from this machine only: the tab signed in as whoever the query names.</summary>
    private static IResult DevPage(HttpContext context, string? tenant, string? user, string? name, IServiceProvider services, IOptions<TabOptions> options)
    {
        if (services.GetService<DevSignIn>() is not { } dev || !DevSignIn.IsLoopback(context))
        {
            return Results.Problem("Development sign-in is available in Development, from this machine only.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!Guid.TryParse(tenant, out _) || string.IsNullOrWhiteSpace(user) || user.Length > 100 || (name?.Length ?? 0) > 100)
        {
            return Results.Problem("Give tenant (a GUID), user (an object id) and optionally name.", statusCode: StatusCodes.Status400BadRequest);
        }

        var token = dev.Issue(tenant!, user, name ?? user, DevSignIn.DevAudience(options.Value));
        return Page(context, TabShell.Page("Plans", "/tab/api/mine", token));
    }

    private static IResult? ProductProblem(string? product) =>
        string.IsNullOrWhiteSpace(product) || product.Length > PlanSearch.MaxFilterLength
            ? Results.Problem($"Name the product (at most {PlanSearch.MaxFilterLength} characters).", statusCode: StatusCodes.Status400BadRequest)
            : null;

    private static IResult Page(HttpContext context, string html)
    {
        context.Response.Headers.ContentSecurityPolicy = TabShell.SecurityPolicy;
        return Html(html);
    }

    private static IResult Html(string html) => Results.Text(html, TabHtml.ContentType);
}
