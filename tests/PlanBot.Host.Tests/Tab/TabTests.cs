using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Testing.Tab;
using System.Net;
using System.Net.Http.Headers;
using PlanBot.Domain.Plans;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Authentication;
using PlanBot.Testing.Teams;
using static PlanBot.Testing.Authentication.TabTokens;

namespace PlanBot.Host.Tests.Tab;

/// <summary>
/// The Teams tab over real HTTP: tokens signed with real RS256 keys and checked against a local
/// OpenID metadata endpoint; lists, search, the plan page, and one tenant never seeing another's plans.
/// </summary>
public sealed class TabTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase database = new();
    private readonly TestSigningKey entraKey = new("entra-key-1");
    private FakeOpenIdServer openId = null!;
    private PlanBotFactory factory = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        openId = await FakeOpenIdServer.StartAsync();
        openId.EntraKeys = [entraKey];
        factory = new PlanBotFactory(database.Path, new RecordingConnector(), Settings(openId));
        http = factory.CreateClient();
        await TabPlans.StoreAsync(
            factory.Services.GetRequiredService<IConversationStore>(),
            TabPlans.InReview(TenantA),
            TabPlans.AssignedDraft(TenantA, "Fabrikam.Api", "1.0", SamplePlans.Now.AddDays(1)),
            TabPlans.AssignedDraft(TenantA, "Contoso.Web", "2.5", SamplePlans.Now.AddDays(2)));
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await factory.DisposeAsync();
        await openId.DisposeAsync();
        Dispose();
    }

    public void Dispose()
    {
        factory.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task My_lists_show_what_I_own_what_waits_for_my_decision_and_what_is_assigned_to_me()
    {
        var alex = await GetAsync("/tab/api/mine", For(entraKey, TenantA, People.Alex));
        Assert.Contains("Contoso.Web 2.4", Section(alex, "waiting"), StringComparison.Ordinal);
        Assert.Contains("Fabrikam.Api 1.0", Section(alex, "assigned"), StringComparison.Ordinal);
        Assert.Contains("Contoso.Web 2.5", Section(alex, "assigned"), StringComparison.Ordinal);
        Assert.Contains("You own no plan yet", Section(alex, "owned"), StringComparison.Ordinal);

        var dana = await GetAsync("/tab/api/mine", For(entraKey, TenantA, People.Owner));
        Assert.Contains("Contoso.Web 2.4", Section(dana, "owned"), StringComparison.Ordinal);
        Assert.Contains("No plan is waiting for your decision.", Section(dana, "waiting"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_of_another_tenant_sees_none_of_the_first_tenants_plans()
    {
        var token = For(entraKey, TenantB, People.Owner);

        var mine = await GetAsync("/tab/api/mine", token);
        var search = await GetAsync("/tab/api/search?text=migration", token);
        using var page = await SendAsync($"/tab/api/plans/{TabPlans.InReview(TenantA).Id}", token);

        Assert.DoesNotContain("Contoso", mine, StringComparison.Ordinal);
        Assert.Contains("(0 plans)", search, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Search_filters_by_product_version_state_owner_start_date_and_text_in_answers()
    {
        var token = For(entraKey, TenantA, People.Alex);

        Assert.Contains("(2 plans)", await GetAsync("/tab/api/search?product=contoso", token), StringComparison.Ordinal);
        Assert.Contains("(1 plan)", await GetAsync("/tab/api/search?product=contoso&version=2.5", token), StringComparison.Ordinal);
        Assert.Contains("(1 plan)", await GetAsync("/tab/api/search?state=InReview", token), StringComparison.Ordinal);
        Assert.Contains("(2 plans)", await GetAsync("/tab/api/search?owner=megan", token), StringComparison.Ordinal);
        Assert.Contains("(2 plans)", await GetAsync("/tab/api/search?from=2027-02-02", token), StringComparison.Ordinal);
        Assert.Contains("(1 plan)", await GetAsync("/tab/api/search?from=2027-02-02&to=2027-02-02", token), StringComparison.Ordinal);
        var text = await GetAsync("/tab/api/search?text=MIGRATION%200042", token);
        Assert.Contains("(1 plan)", text, StringComparison.Ordinal);
        Assert.Contains("Contoso.Web 2.4", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/tab/api/search?state=Shipped", "state must be one of")]
    [InlineData("/tab/api/search?state=3", "state must be one of")]
    [InlineData("/tab/api/search?page=0", "page must be")]
    [InlineData("/tab/api/search?page=abc", "page must be")]
    [InlineData("/tab/api/search?text=a&text=b", "given once")]
    [InlineData("/tab/api/search?from=15%20March", "yyyy-MM-dd")]
    [InlineData("/tab/api/channel", "Name the product")]
    public async Task A_bad_search_is_refused_with_its_reason(string url, string reason)
    {
        using var response = await SendAsync(url, For(entraKey, TenantA, People.Alex));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_results_come_a_page_at_a_time_newest_first()
    {
        await TabPlans.StoreAsync(factory.Services.GetRequiredService<IConversationStore>(), Enumerable.Range(0, 60)
            .Select(i => TabPlans.AssignedDraft(TenantA, "Northwind.App", $"3.{i}", SamplePlans.Now.AddDays(10 + i))).ToArray());
        var token = For(entraKey, TenantA, People.Alex);

        var first = await GetAsync("/tab/api/channel?product=Northwind.App", token);
        var third = await GetAsync("/tab/api/channel?product=Northwind.App&page=3", token);

        Assert.Contains("(60 plans)", first, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 3", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("Northwind.App 3.59", StringComparison.Ordinal) < first.IndexOf("Northwind.App 3.58", StringComparison.Ordinal));
        Assert.DoesNotContain("Contoso", first, StringComparison.Ordinal);
        Assert.Contains("Northwind.App 3.0<", third, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", third, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_page_shows_every_section_with_provenance_carried_over_answers_decisions_and_history()
    {
        var plan = TabPlans.InReview(TenantA);

        var page = await GetAsync($"/tab/api/plans/{plan.Id}", For(entraKey, TenantA, People.Alex));

        foreach (var section in PlanBot.Domain.Checklist.SectionInfo.All)
        {
            Assert.Contains($"{section.Number}. {section.Title}</h3>", page, StringComparison.Ordinal);
        }

        Assert.Contains("Megan Bowen, 2027-02-01 09:00 UTC", page, StringComparison.Ordinal);
        Assert.Contains("carried over from Contoso.Web 2.3, not confirmed", page, StringComparison.Ordinal);
        Assert.Contains("Carried over, not confirmed</span>", page, StringComparison.Ordinal);
        Assert.Contains("Alex Wilber rejected revision", page, StringComparison.Ordinal);
        Assert.Contains("Waiting for: Alex Wilber", page, StringComparison.Ordinal);
        Assert.Contains("Submitted the plan for approval", page, StringComparison.Ordinal);
        Assert.Contains("/export/docx?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_page_shows_what_changed_since_the_plan_it_started_from()
    {
        await TabPlans.StoreAsync(factory.Services.GetRequiredService<IConversationStore>(), TabPlans.Baseline(TenantA));
        var plan = TabPlans.InReview(TenantA);

        var page = await GetAsync($"/tab/api/plans/{plan.Id}", For(entraKey, TenantA, People.Alex));

        var changes = page[page.IndexOf("Changes since Contoso.Web 2.3</h3>", StringComparison.Ordinal)..page.IndexOf("Approval record</h3>", StringComparison.Ordinal)];
        Assert.Contains("Changed. Was: To resolve an issue: invoice rounding (INC-1999)", changes, StringComparison.Ordinal);
        Assert.Contains("Carried over, not confirmed yet.", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_whose_baseline_is_not_in_the_tenant_shows_no_changes()
    {
        var plan = TabPlans.InReview(TenantA);

        var page = await GetAsync($"/tab/api/plans/{plan.Id}", For(entraKey, TenantA, People.Alex));

        Assert.DoesNotContain("Changes since", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_download_on_the_plan_page_serves_the_word_document()
    {
        var plan = TabPlans.InReview(TenantA);
        var page = await GetAsync($"/tab/api/plans/{plan.Id}", For(entraKey, TenantA, People.Alex));
        var start = page.IndexOf("/api/plans/", StringComparison.Ordinal);
        var link = System.Net.WebUtility.HtmlDecode(page[start..page.IndexOf('"', start)]);

        using var response = await http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PlanBot.Host.Export.ExportEndpoint.WordContentType, response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string> RefusedTokens => new()
    {
        "none", "audience", "issuer of another tenant", "unpublished key", "expired", "not a token",
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task A_request_without_a_good_token_is_refused_with_the_reason(string problem)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = Claims(TenantA, People.Alex, now);
        var token = problem switch
        {
            "none" => null,
            "audience" => TestTokens.Sign(entraKey.Credentials(), claims.With("aud", $"api://{TabTokens.Host}/{TestIds.OtherAppId}")),
            "issuer of another tenant" => TestTokens.Sign(entraKey.Credentials(), claims.With("iss", $"https://login.microsoftonline.com/{TenantB}/v2.0")),
            "unpublished key" => TestTokens.Sign(new TestSigningKey(entraKey.KeyId, material: 1).Credentials(), claims),
            "expired" => TestTokens.Sign(entraKey.Credentials(), claims.With("exp", now.AddMinutes(-10).ToUnixTimeSeconds()).With("nbf", now.AddHours(-1).ToUnixTimeSeconds())),
            _ => "not-a-token",
        };

        using var response = await SendAsync("/tab/api/mine", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(problem == "none" ? "Sign-in required" : "refused", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Contoso", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_teams_frames_hold_no_plan_and_allow_only_the_hosts_own_scripts()
    {
        using var response = await http.GetAsync("/tab/plans");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Contoso", html, StringComparison.Ordinal);
        Assert.Contains("/tab/assets/teams-js.min.js", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var library = await http.GetAsync("/tab/assets/teams-js.min.js");
        Assert.Equal(HttpStatusCode.OK, library.StatusCode);
        Assert.Contains("microsoftTeams", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var channel = await http.GetAsync("/tab/channel?product=%3Cb%3EContoso");
        Assert.Contains("Releases of &lt;b&gt;Contoso", await channel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_the_loopback_sign_in_gives_a_token_the_tab_accepts_for_that_tenant_only()
    {
        using var response = await http.GetAsync($"/tab/dev?tenant={TenantA}&user=aad-alex&name=Alex%20Wilber");
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("data-dev-token=\"", StringComparison.Ordinal) + "data-dev-token=\"".Length;
        var token = html[start..html.IndexOf('"', start)];

        var mine = await GetAsync("/tab/api/mine", token);

        Assert.Contains("Contoso.Web 2.4", Section(mine, "waiting"), StringComparison.Ordinal);
        using var bad = await http.GetAsync("/tab/dev?tenant=not-a-guid&user=x");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private async Task<string> GetAsync(string url, string token)
    {
        using var response = await SendAsync(url, token);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<HttpResponseMessage> SendAsync(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The HTML of one of my lists, from its heading to the next list.</summary>
    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section aria-labelledby=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no list {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
