using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PlanBot.Domain.Plans;
using PlanBot.Gates.Tests.Infrastructure;

namespace PlanBot.Gates.Tests;

/// <summary>
/// <c>POST /api/plans/{product}/{version}/events</c> as a pipeline step calls it with the tenant's gate
/// key: the deployment's stage reported, said in the plan's approval thread as the pipeline's, and the
/// run sheet or the success checklist following; a redelivered event changes nothing, and a stage the
/// plan cannot take is refused with its reason.
/// </summary>
public sealed class DeploymentEventTests : GateKeyHost
{

    private async Task<HttpResponseMessage> ReportAsync(object body, string? withKey = "", string release = "Contoso.Web/2.4")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/plans/{release}/events") { Content = JsonContent.Create(body) };
        if (withKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", withKey.Length == 0 ? Key : withKey);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>The cards the bot sent into the plan's approval thread, as JSON.</summary>
    private IReadOnlyList<string> ThreadCards() =>
        Host.Connector.Calls
            .Where(c => c.Method == HttpMethod.Post && Uri.UnescapeDataString(c.Uri.AbsolutePath).Contains("19:release@thread.tacv2", StringComparison.Ordinal) && c.Card is not null)
            .Select(c => c.Card!.Value.GetRawText())
            .ToList();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_started_deployment_is_said_in_the_thread_as_the_pipelines_with_the_run_sheet()
    {
        var planId = await Host.SeedPlanAsync(approved: true);
        Host.Connector.Clear();

        using var response = await ReportAsync(new { stage = "started", id = "run-981-stage-prod", source = "Azure Pipelines" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await Json(response);
        Assert.Equal(("deploying", true), (answer.GetProperty("state").GetString(), answer.GetProperty("changed").GetBoolean()));
        var plan = await Host.PlanAsync(planId);
        Assert.Equal(PlanState.Deploying, plan.State);
        var entry = Assert.Single(plan.Timeline!);
        Assert.Equal(("Azure Pipelines", "run-981-stage-prod"), (entry.Source, entry.EventId));
        Assert.Null(entry.By);
        Assert.Contains(Host.ThreadTexts(), t => t.Contains("Azure Pipelines: the deployment of Contoso.Web 2.4 is deploying.", StringComparison.Ordinal));
        Assert.Contains(ThreadCards(), card => card.Contains("\"verb\":\"stepDone\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing_and_says_nothing()
    {
        var planId = await Host.SeedPlanAsync(approved: true);
        using var first = await ReportAsync(new { stage = "started", id = "evt-1" });
        var revision = (await Host.PlanAsync(planId)).Timeline!.Count;
        Host.Connector.Clear();

        using var again = await ReportAsync(new { stage = "started", id = "evt-1" });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await Json(again)).GetProperty("changed").GetBoolean());
        Assert.Equal(revision, (await Host.PlanAsync(planId)).Timeline!.Count);
        Assert.Empty(Host.ThreadTexts());
    }

    [Fact]
    public async Task Deployed_then_failed_brings_the_success_checklist_then_the_backout_plan()
    {
        var planId = await Host.SeedPlanAsync(approved: true);
        using var started = await ReportAsync(new { stage = "started", id = "evt-1" });
        using var deployed = await ReportAsync(new { stage = "succeeded", id = "evt-2" });
        Assert.Equal("deployed", (await Json(deployed)).GetProperty("state").GetString());
        Assert.Contains(ThreadCards(), card => card.Contains("\"verb\":\"checkPass\"", StringComparison.Ordinal));

        using var rolledBack = await ReportAsync(new { stage = "rolled-back", id = "evt-3", note = "Smoke tests failed in West Europe" });

        Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
        Assert.Equal([PlanState.Deploying, PlanState.Deployed, PlanState.RolledBack], (await Host.PlanAsync(planId)).Timeline!.Select(e => e.State));
    }

    [Fact]
    public async Task A_plan_not_approved_is_refused_with_409_and_the_reason()
    {
        var planId = await Host.SeedPlanAsync(approved: false);

        using var response = await ReportAsync(new { stage = "started", id = "evt-1" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is not approved", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(PlanState.InReview, (await Host.PlanAsync(planId)).State);
    }

    [Fact]
    public async Task A_failure_without_a_note_is_refused_so_the_record_says_what_went_wrong()
    {
        await Host.SeedPlanAsync(approved: true);
        using var started = await ReportAsync(new { stage = "started", id = "evt-1" });

        using var response = await ReportAsync(new { stage = "failed", id = "evt-2" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Say what went wrong", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_live_gate_key_nothing_is_reported()
    {
        var planId = await Host.SeedPlanAsync(approved: true);

        using var none = await ReportAsync(new { stage = "started", id = "evt-1" }, withKey: null);
        using var forged = await ReportAsync(new { stage = "started", id = "evt-1" }, withKey: Key[..^4] + "AAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(PlanState.Approved, (await Host.PlanAsync(planId)).State);
    }

    [Fact]
    public async Task A_key_reaches_its_own_tenants_plans_only()
    {
        await Host.SeedPlanAsync(approved: true, tenantId: "msteams:another-tenant");

        using var response = await ReportAsync(new { stage = "started", id = "evt-1" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no plan for Contoso.Web 2.4", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"stage\":\"shipped\",\"id\":\"e\"}", "\"stage\" must be one of")]
    [InlineData("{\"stage\":\"started\"}", "\"id\" must name the event")]
    [InlineData("not json", "The body must be JSON")]
    [InlineData("", "The body must be JSON")]
    public async Task A_body_that_cannot_be_taken_is_answered_400_with_the_reason(string body, string reason)
    {
        await Host.SeedPlanAsync(approved: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/plans/Contoso.Web/2.4/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
