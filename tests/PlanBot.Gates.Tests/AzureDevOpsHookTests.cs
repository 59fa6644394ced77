using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PlanBot.Domain.Plans;
using PlanBot.Gates.Tests.Infrastructure;

namespace PlanBot.Gates.Tests;

/// <summary>
/// <c>/api/azure-devops/hooks</c> as an Azure DevOps "Web Hooks" service hook calls it, with the gate key
/// as its basic authentication password: run and stage state changes become the plan's deployment
/// stages, the version read from the run's build number.
/// </summary>
public sealed class AzureDevOpsHookTests : GateKeyHost
{

    /// <summary>A service hook's body for run 981 named <paramref name="runName"/>, at a stage's change when <paramref name="stage"/> is given.</summary>
    private static JsonObject Hook(string state, string? result, string runName = "2.4.7", string? stage = null) => new()
    {
        ["subscriptionId"] = "0bd1a1c1-0f0b-4e5c-9d51-0c2b1a8f7e61",
        ["notificationId"] = 4,
        ["id"] = Guid.NewGuid().ToString(),
        ["eventType"] = stage is null ? "ms.vss-pipelines.run-state-changed-event" : "ms.vss-pipelines.stage-state-changed-event",
        ["publisherId"] = "pipelines",
        ["resource"] = new JsonObject
        {
            ["stage"] = stage is null ? null : new JsonObject { ["id"] = "a1", ["name"] = stage, ["displayName"] = stage, ["state"] = state, ["result"] = result },
            ["run"] = new JsonObject { ["id"] = 981, ["name"] = runName, ["state"] = stage is null ? state : "inProgress", ["result"] = stage is null ? result : null },
            ["pipeline"] = new JsonObject { ["id"] = 12, ["name"] = "contoso-web-release" },
        },
    };

    private async Task<HttpResponseMessage> SendAsync(JsonObject body, string query = "product=Contoso.Web", string? password = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/azure-devops/hooks?{query}") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"planbot:{(password.Length == 0 ? Key : password)}")));
        }

        return await Http.SendAsync(request);
    }

    [Fact]
    public async Task A_run_in_progress_then_succeeded_reports_started_then_deployed_for_the_version_in_its_build_number()
    {
        var planId = await Host.SeedPlanAsync(approved: true);

        using var started = await SendAsync(Hook("inProgress", null));
        using var again = await SendAsync(Hook("inProgress", null));
        using var succeeded = await SendAsync(Hook("completed", "succeeded"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (started.StatusCode, again.StatusCode, succeeded.StatusCode));
        Assert.Contains("Already recorded", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var plan = await Host.PlanAsync(planId);
        Assert.Equal([PlanState.Deploying, PlanState.Deployed], plan.Timeline!.Select(e => e.State));
        Assert.All(plan.Timeline!, e => Assert.Equal("Azure Pipelines", e.Source));
        Assert.Contains(Host.ThreadTexts(), t => t.Contains("Azure Pipelines: the deployment of Contoso.Web 2.4 is deployed.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_a_stage_named_only_that_stage_reports_and_its_failure_says_where()
    {
        var planId = await Host.SeedPlanAsync(approved: true);
        const string query = "product=Contoso.Web&version=2.4&stage=Production";

        using var other = await SendAsync(Hook("inProgress", null, stage: "Build"), query);
        using var started = await SendAsync(Hook("inProgress", null, stage: "Production"), query);
        using var failed = await SendAsync(Hook("completed", "failed", stage: "Production"), query);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.OK), (other.StatusCode, started.StatusCode, failed.StatusCode));
        var plan = await Host.PlanAsync(planId);
        Assert.Equal(PlanState.Failed, plan.State);
        Assert.Equal("Azure Pipelines run 2.4.7 failed in stage Production", plan.Timeline![^1].Note);
    }

    [Fact]
    public async Task Without_the_gate_key_as_password_nothing_is_reported()
    {
        var planId = await Host.SeedPlanAsync(approved: true);

        using var none = await SendAsync(Hook("inProgress", null), password: null);
        using var wrong = await SendAsync(Hook("inProgress", null), password: "not-a-key");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (none.StatusCode, wrong.StatusCode));
        Assert.Equal(PlanState.Approved, (await Host.PlanAsync(planId)).State);
    }

    [Fact]
    public async Task What_cannot_be_reported_is_accepted_with_why_and_changes_nothing()
    {
        var inReview = await Host.SeedPlanAsync(approved: false);

        using var notApproved = await SendAsync(Hook("inProgress", null));
        using var noPlan = await SendAsync(Hook("inProgress", null, runName: "20261203.4"), "product=Contoso.Web&version=9.9");
        using var canceled = await SendAsync(Hook("completed", "canceled"));
        using var noVersion = await SendAsync(Hook("inProgress", null, runName: "nightly"));

        Assert.Equal(HttpStatusCode.Accepted, notApproved.StatusCode);
        Assert.Contains("is not approved", await notApproved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("There is no plan for Contoso.Web 9.9", await noPlan.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, canceled.StatusCode);
        Assert.Contains("No release version", await noVersion.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PlanState.InReview, (await Host.PlanAsync(inReview)).State);
    }

    [Theory]
    [InlineData("", "{\"eventType\":\"ms.vss-pipelines.run-state-changed-event\",\"resource\":{\"run\":{\"id\":1}}}", "names the product")]
    [InlineData("product=Contoso.Web", "{\"eventType\":\"build.complete\",\"resource\":{}}", "not a run or stage state change")]
    [InlineData("product=Contoso.Web", "not json", "not a run or stage state change")]
    public async Task A_hook_that_cannot_be_read_is_answered_400_with_the_reason(string query, string body, string reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/azure-devops/hooks?{query}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
