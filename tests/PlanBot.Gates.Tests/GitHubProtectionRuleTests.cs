using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Conversations.State;
using PlanBot.Domain.Plans;
using PlanBot.Gates.Tests.Infrastructure;
using PlanBot.Testing;

namespace PlanBot.Gates.Tests;

/// <summary>
/// The PlanBot GitHub App as a custom deployment protection rule, through the real host: signed
/// deliveries to <c>/api/github/webhooks</c>, and reviews posted to a fake of GitHub's API over https
/// on loopback with installation tokens bought by an RS256 app JWT.
/// </summary>
public sealed class GitHubProtectionRuleTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "It's a Secret to Everybody";
    private const string Repository = "contoso/contoso-web";
    private const long Installation = 55102937;

    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private FakeGitHub github = null!;
    private GatesHost host = null!;
    private HttpClient http = null!;
    private long nextRun = 12003399800;

    public async Task InitializeAsync()
    {
        github = await FakeGitHub.StartAsync(clock.GetUtcNow);
        host = new GatesHost(
            new Dictionary<string, string?>
            {
                ["GitHub:AppId"] = FakeGitHub.AppId,
                ["GitHub:PrivateKey"] = github.PrivateKeyPem,
                ["GitHub:WebhookSecret"] = Secret,
                ["GitHub:ApiBaseUrl"] = github.ApiBaseUrl,
            },
            github.Certificate,
            clock);
        http = host.CreateClient();
        await host.MakeAlexAdminAsync();
    }

    public async Task DisposeAsync() => await github.DisposeAsync();

    public void Dispose()
    {
        http.Dispose();
        host.Dispose();
    }

    [Fact]
    public async Task A_delivery_is_read_only_when_its_signature_matches_the_raw_body()
    {
        // GitHub's documented example: the signature holds, so the body is read, and it is no payload.
        using var documented = await DeliverRawAsync("Hello, World!", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "ping");
        using var forged = await DeliverRawAsync("""{"zen":"Keep it logically awesome."}""", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "ping");
        using var unsigned = await DeliverRawAsync("""{"zen":"Keep it logically awesome."}""", null, "ping");
        using var ping = await DeliverAsync(new JsonObject { ["zen"] = "Keep it logically awesome.", ["hook_id"] = 1 }, "ping");

        Assert.Equal(HttpStatusCode.BadRequest, documented.StatusCode);
        Assert.Contains("not a webhook payload", await documented.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Contains("X-Hub-Signature-256", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }

    [Fact]
    public async Task A_deployment_of_a_repository_nobody_linked_is_rejected_saying_how_to_link_it()
    {
        using var response = await DeliverAsync(DeploymentRule("fabrikam/api", "v2.4"), "deployment_protection_rule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = Assert.Single(github.Reviews);
        Assert.Equal(("fabrikam/api", "production", "rejected"), (review.Repository, review.Environment, review.State));
        Assert.Contains("`link github fabrikam/api production`", review.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_of_a_version_without_a_plan_is_rejected()
    {
        await LinkAsync();

        using var response = await DeliverAsync(DeploymentRule(Repository, "v2.9"), "deployment_protection_rule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var review = Assert.Single(github.Reviews);
        Assert.Equal("rejected", review.State);
        Assert.Contains("There is no deployment plan for Contoso.Web v2.9 in PlanBot", review.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_approved_before_the_deployment_asks_approves_it_at_once()
    {
        var planId = await host.SeedPlanAsync(approved: true);
        await LinkAsync();

        using var response = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var review = await Eventually.ValueAsync(() => github.Reviews.FirstOrDefault(), "GitHub to be told");
        var revision = (await host.PlanAsync(planId)).Revision;
        Assert.Equal((Repository, "production", "approved"), (review.Repository, review.Environment, review.State));
        Assert.Contains($"approved: revision {revision}, approved by Alex Wilber", review.Comment, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => host.ThreadTexts().Any(t => t.Contains($"Told GitHub that {Repository}, environment production, v2.4", StringComparison.Ordinal) && t.Contains("may deploy", StringComparison.Ordinal)), "the thread to hear GitHub was told");
    }

    [Fact]
    public async Task A_deployment_waits_for_the_approval_and_goes_ahead_once_it_is_given()
    {
        var planId = await host.SeedPlanAsync();
        await LinkAsync();

        using var response = await DeliverAsync(DeploymentRule(Repository, "2.4"), "deployment_protection_rule");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(() => host.ThreadTexts().Any(t => t.Contains($"GitHub is waiting for this plan ({Repository}, environment production, 2.4, run ", StringComparison.Ordinal)), "the thread to hear GitHub waits");
        await Consistently.TrueAsync(() => github.Reviews.IsEmpty, "no review while the plan is in review", TimeSpan.FromMilliseconds(500));

        await host.AlexDecidesAsync(planId, "approve");

        var review = await Eventually.ValueAsync(() => github.Reviews.FirstOrDefault(), "GitHub to be told");
        Assert.Equal("approved", review.State);

        // Every delivery was logged, and no log holds the webhook secret, the app's key, its JWT or a token.
        Assert.Contains(host.Logs.Records, r => r.Contains("GitHub delivery", StringComparison.Ordinal) && r.Contains("deployment_protection_rule", StringComparison.Ordinal));
        var keyLine = github.PrivateKeyPem.Split('\n')[1];
        Assert.All(host.Logs.Records, r =>
        {
            Assert.DoesNotContain(Secret, r, StringComparison.Ordinal);
            Assert.DoesNotContain(keyLine, r, StringComparison.Ordinal);
            Assert.DoesNotContain("ghs_", r, StringComparison.Ordinal);
            Assert.DoesNotContain("eyJ", r, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_rejected_plan_rejects_the_waiting_deployment_with_the_reason()
    {
        var planId = await host.SeedPlanAsync();
        await LinkAsync();
        using var response = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");

        await host.AlexDecidesAsync(planId, "reject The backout plan was never rehearsed");

        var review = await Eventually.ValueAsync(() => github.Reviews.FirstOrDefault(), "GitHub to be told");
        Assert.Equal("rejected", review.State);
        Assert.Contains("Alex Wilber: The backout plan was never rehearsed", review.Comment, StringComparison.Ordinal);
        Assert.StartsWith("PlanBot: ", review.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_gone_stale_after_an_edit_does_not_approve_the_deployment()
    {
        var planId = await host.SeedPlanAsync(approved: true);
        await LinkAsync();
        await host.DanaSaysAsync("plan Contoso.Web 2.4");
        await host.DanaSaysAsync("edit 3");
        await host.DanaSaysAsync("Payment provider freeze over the weekend");
        Assert.Equal(PlanState.InReview, (await host.PlanAsync(planId)).State);

        using var response = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Consistently.TrueAsync(() => github.Reviews.IsEmpty, "the stale approval to approve nothing", TimeSpan.FromMilliseconds(800));
        var request = Assert.Single((await host.DocumentAsync(planId)).Gates!);
        Assert.True(request.Waiting);
        Assert.Null(request.Outcome);

        await host.AlexDecidesAsync(planId, "approve");

        var review = await Eventually.ValueAsync(() => github.Reviews.FirstOrDefault(), "GitHub to be told of the new approval");
        Assert.Equal("approved", review.State);
        Assert.Contains($"revision {(await host.PlanAsync(planId)).Revision}", review.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redelivered_webhook_changes_nothing()
    {
        var planId = await host.SeedPlanAsync(approved: true);
        await LinkAsync();
        var delivery = DeploymentRule(Repository, "v2.4");

        using var first = await DeliverAsync(delivery, "deployment_protection_rule", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        await Eventually.ValueAsync(() => github.Reviews.FirstOrDefault(), "GitHub to be told");
        using var again = await DeliverAsync(delivery, "deployment_protection_rule", "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await Consistently.TrueAsync(() => github.Reviews.Count == 1, "one review only", TimeSpan.FromMilliseconds(800));
        Assert.Single((await host.DocumentAsync(planId)).Gates!);
        Assert.Single(host.ThreadTexts(), t => t.Contains("GitHub asked for this plan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_installation_token_is_kept_until_it_nears_expiry_then_bought_again()
    {
        await host.SeedPlanAsync(approved: true);
        await LinkAsync();

        using var first = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");
        await Eventually.TrueAsync(() => github.Reviews.Count == 1, "the first review");
        clock.Advance(TimeSpan.FromMinutes(30));
        using var second = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");
        await Eventually.TrueAsync(() => github.Reviews.Count == 2, "the second review");
        Assert.Single(github.TokensIssued);

        // GitHub's tokens last an hour; one that ends within minutes is not used.
        clock.Advance(TimeSpan.FromMinutes(27));
        using var third = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");

        await Eventually.TrueAsync(() => github.Reviews.Count == 3, "the third review");
        Assert.Equal([Installation, Installation], github.TokensIssued);
    }

    [Fact]
    public async Task A_token_GitHub_revoked_is_bought_again_and_the_review_goes_through()
    {
        await host.SeedPlanAsync(approved: true);
        await LinkAsync();
        using var first = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");
        await Eventually.TrueAsync(() => github.Reviews.Count == 1, "the first review");

        github.RevokeTokens();
        using var second = await DeliverAsync(DeploymentRule(Repository, "v2.4"), "deployment_protection_rule");

        await Eventually.TrueAsync(() => github.Reviews.Count == 2, "the second review, with a new token");
        Assert.Equal(2, github.TokensIssued.Count);
    }

    [Fact]
    public async Task Installations_of_the_app_are_remembered_and_the_link_says_when_it_is_missing()
    {
        var before = await host.AlexSaysAsync($"link github {Repository} production Contoso.Web");
        Assert.Contains(before, c => c.Text?.Contains("I have not seen the PlanBot GitHub App installed on contoso", StringComparison.Ordinal) == true);

        using var installed = await DeliverAsync(
            new JsonObject { ["action"] = "created", ["installation"] = new JsonObject { ["id"] = Installation, ["account"] = new JsonObject { ["login"] = "contoso", ["type"] = "Organization" } } },
            "installation");

        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        var directory = (await host.Tenants.GetTenantAsync(GitHubDirectory.TenantId, CancellationToken.None))!.Document.GitHub!;
        Assert.Equal("contoso", directory.Installations[Installation.ToString(System.Globalization.CultureInfo.InvariantCulture)].Account);
        var after = await host.AlexSaysAsync($"link github {Repository} staging Contoso.Web");
        Assert.DoesNotContain(after, c => c.Text?.Contains("I have not seen the PlanBot GitHub App", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_delivery_missing_what_a_protection_rule_needs_is_refused_with_a_reason()
    {
        var rule = DeploymentRule(Repository, "v2.4");
        rule.Remove("deployment_callback_url");
        var elsewhere = DeploymentRule(Repository, "v2.4");
        elsewhere["deployment_callback_url"] = "https://attacker.example/repos/contoso/contoso-web/actions/runs/1/deployment_protection_rule";

        using var missing = await DeliverAsync(rule, "deployment_protection_rule");
        using var foreign = await DeliverAsync(elsewhere, "deployment_protection_rule");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("deployment_callback_url", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Empty(github.Reviews);
    }

    [Fact]
    public async Task Deployment_statuses_of_a_linked_environment_become_the_plans_deployment_stages()
    {
        var planId = await host.SeedPlanAsync(approved: true);
        await LinkAsync();

        using var started = await DeliverAsync(DeploymentStatus(101, "in_progress", "v2.4"), "deployment_status");
        using var again = await DeliverAsync(DeploymentStatus(101, "in_progress", "v2.4"), "deployment_status");
        using var failed = await DeliverAsync(DeploymentStatus(102, "failure", "v2.4", "Health check failed on web-2"), "deployment_status");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (started.StatusCode, again.StatusCode, failed.StatusCode));
        Assert.Equal("Already recorded.", await again.Content.ReadFromJsonAsync<string>());
        var plan = await host.PlanAsync(planId);
        Assert.Equal(PlanState.Failed, plan.State);
        Assert.Equal([("github:101", PlanState.Deploying), ("github:102", PlanState.Failed)], plan.Timeline!.Select(e => (e.EventId!, e.State)));
        Assert.Equal("Health check failed on web-2", plan.Timeline![1].Note);
        Assert.Contains(host.ThreadTexts(), t => t.Contains("GitHub: the deployment of Contoso.Web 2.4 is failed: Health check failed on web-2.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deployment_status_the_plan_cannot_take_or_does_not_report_is_accepted_with_why()
    {
        var planId = await host.SeedPlanAsync(approved: false);
        await LinkAsync();

        using var notApproved = await DeliverAsync(DeploymentStatus(201, "in_progress", "v2.4"), "deployment_status");
        using var queued = await DeliverAsync(DeploymentStatus(202, "queued", "v2.4"), "deployment_status");

        Assert.Equal(HttpStatusCode.Accepted, notApproved.StatusCode);
        Assert.Contains("is not approved", await notApproved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal(PlanState.InReview, (await host.PlanAsync(planId)).State);
    }

    /// <summary>A <c>deployment_status</c> delivery as GitHub sends it when a deployment of <paramref name="reference"/> to production changes status.</summary>
    private static JsonObject DeploymentStatus(long id, string state, string reference, string? description = null) => new()
    {
        ["action"] = "created",
        ["deployment_status"] = new JsonObject
        {
            ["id"] = id,
            ["state"] = state,
            ["description"] = description,
            ["environment"] = "production",
            ["target_url"] = "https://github.com/contoso/contoso-web/actions/runs/1",
        },
        ["deployment"] = new JsonObject
        {
            ["id"] = 3001,
            ["sha"] = "3f786850e387550fdab836ed7e6dc881de23001b",
            ["ref"] = reference,
            ["task"] = "deploy",
            ["payload"] = new JsonObject(),
            ["environment"] = "production",
        },
        ["repository"] = new JsonObject { ["id"] = 1296269, ["full_name"] = Repository, ["html_url"] = $"https://github.com/{Repository}" },
        ["installation"] = new JsonObject { ["id"] = Installation },
        ["sender"] = new JsonObject { ["login"] = "octocat", ["type"] = "User" },
    };

    private async Task LinkAsync()
    {
        var calls = await host.AlexSaysAsync($"link github {Repository} production Contoso.Web");
        Assert.Contains(calls, c => c.Text?.Contains($"Deployments of {Repository} to the environment production now wait", StringComparison.Ordinal) == true);
    }

    /// <summary>A <c>deployment_protection_rule</c> delivery as GitHub sends it for a workflow run deploying <paramref name="reference"/>.</summary>
    private JsonObject DeploymentRule(string repository, string reference)
    {
        var run = Interlocked.Increment(ref nextRun);
        return new JsonObject
        {
            ["action"] = "requested",
            ["environment"] = "production",
            ["event"] = "push",
            ["ref"] = reference,
            ["sha"] = "3f786850e387550fdab836ed7e6dc881de23001b",
            ["deployment_callback_url"] = github.CallbackUrl(repository, run),
            ["deployment"] = new JsonObject
            {
                ["url"] = $"https://api.github.com/repos/{repository}/deployments/{run + 1000}",
                ["id"] = run + 1000,
                ["sha"] = "3f786850e387550fdab836ed7e6dc881de23001b",
                ["ref"] = reference,
                ["task"] = "deploy",
                ["payload"] = new JsonObject(),
                ["environment"] = "production",
                ["created_at"] = "2026-12-03T12:00:00Z",
            },
            ["repository"] = new JsonObject { ["id"] = 1296269, ["full_name"] = repository, ["html_url"] = $"https://github.com/{repository}" },
            ["organization"] = new JsonObject { ["login"] = repository.Split('/')[0] },
            ["installation"] = new JsonObject { ["id"] = Installation, ["node_id"] = "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" },
            ["sender"] = new JsonObject { ["login"] = "octocat", ["type"] = "User" },
        };
    }

    private Task<HttpResponseMessage> DeliverAsync(JsonObject payload, string eventName, string? delivery = null)
    {
        var body = payload.ToJsonString();
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
        return DeliverRawAsync(body, signature, eventName, delivery);
    }

    private async Task<HttpResponseMessage> DeliverRawAsync(string body, string? signature, string eventName, string? delivery = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/github/webhooks")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-GitHub-Hook-Installation-Target-Type", "integration");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await http.SendAsync(request);
    }
}
