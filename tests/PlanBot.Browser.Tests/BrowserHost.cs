using Microsoft.Playwright;
using PlanBot.Domain.Answers;
using PlanBot.Storage.Sqlite;
using PlanBot.Testing;
using PlanBot.Testing.Authentication;
using PlanBot.Testing.Hosting;
using PlanBot.Testing.Tab;
using static PlanBot.Testing.Authentication.TabTokens;

namespace PlanBot.Browser.Tests;

/// <summary>
/// The real host as its own process on 127.0.0.1 over a SQLite file with tenant A's plans, a local
/// OpenID metadata endpoint publishing the key the tokens are signed with, and Debian's Chromium
/// driven by Playwright, headless. Without Chromium nothing starts and the tests skip.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime, IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string? SkipReason = File.Exists(ChromiumPath)
        ? null
        : $"No Chromium at {ChromiumPath}: the browser tests need Debian's package (apt-get install -y chromium).";

    private readonly TempDatabase database = new();
    private readonly TestSigningKey key = new("entra-browser-key");
    private FakeOpenIdServer? openId;
    private PlanBotProcess? host;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        await using (var store = new SqliteConversationStore(new SqliteStoreOptions { Path = database.Path }))
        {
            await store.InitializeAsync(CancellationToken.None);
            await TabPlans.StoreAsync(
                store,
                TabPlans.InReview(TenantA),
                TabPlans.AssignedDraft(TenantA, "Fabrikam.Api", "1.0", SamplePlans.Now.AddDays(1)),
                TabPlans.AssignedDraft(TenantA, "Contoso.Web", "2.5", SamplePlans.Now.AddDays(2)));
        }

        openId = await FakeOpenIdServer.StartAsync();
        openId.EntraKeys = [key];
        var port = PlanBotProcess.FreePort();
        host = await PlanBotProcess.StartAsync(port, database.Path, Settings(openId).ToDictionary(s => s.Key, s => s.Value!));
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>A page signed in as <paramref name="person"/> of <paramref name="tenant"/>, as Teams would sign it in.</summary>
    /// <remarks>
    /// The page runs outside Teams, so the Teams library is stood in for by a stub whose
    /// <c>getAuthToken</c> hands over a token signed with the published key; the host checks it for real.
    /// </remarks>
    public async Task<IPage> SignedInPageAsync(string tenant, PersonRef person)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        var token = For(key, tenant, person);
        await context.RouteAsync("**/tab/assets/teams-js.min.js", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/javascript",
            Body = $$"""
                window.microsoftTeams = {
                  app: { initialize: function () { return Promise.resolve(); }, openLink: function () { return Promise.resolve(); } },
                  authentication: { getAuthToken: function () { return Promise.resolve('{{token}}'); } }
                };
                """,
        }));
        return await context.NewPageAsync();
    }

    public string TokenFor(string tenant, PersonRef person) => For(key, tenant, person);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (openId is not null)
        {
            await openId.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => database.Dispose();
}
