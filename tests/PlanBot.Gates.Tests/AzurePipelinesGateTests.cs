using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using PlanBot.Domain.Plans;
using PlanBot.Gates.Tests.Infrastructure;
using PlanBot.Testing;

namespace PlanBot.Gates.Tests;

/// <summary>
/// <c>/api/gates/{product}/{version}</c> as an Azure Pipelines "Invoke REST API" check calls it, in
/// both completion modes, with a gate key Alex made in chat; the callback goes to a fake of Azure
/// DevOps' task events API.
/// </summary>
public sealed class AzurePipelinesGateTests : IAsyncLifetime, IDisposable
{
    private const string ProjectId = "6f5b4c1e-2b1f-4e0a-9c55-1d3f7a0c2b11";
    private const string PlanId = "4d2a0b6e-8c1f-4a7b-bd2e-0f6a5c3d9e21";
    private const string JobId = "3a7e60dc-c5b0-5009-86eb-0f217c12e2ea";
    private const string TaskInstanceId = "61153303-347e-5f06-a6a1-ce2102bd68eb";

    private readonly GatesHost host = new();
    private FakeAzureDevOps azure = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        azure = await FakeAzureDevOps.StartAsync();
        http = host.CreateClient();
        await host.MakeAlexAdminAsync();
    }

    public async Task DisposeAsync() => await azure.DisposeAsync();

    public void Dispose()
    {
        http.Dispose();
        host.Dispose();
    }

    [Fact]
    public async Task A_request_without_a_live_gate_key_is_refused_with_a_reason()
    {
        await host.SeedPlanAsync(approved: true);
        var key = await host.MakeGateKeyAsync();

        using var none = await AskAsync(null);
        using var forged = await AskAsync("pbg_" + key[4..^4] + "AAAA");
        using var basic = await AskAsync(null, basic: "planbot:" + key);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("gate key", await Error(none), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        // A Generic service connection sends the key as its password.
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);

        var id = (await host.Tenants.GetTenantAsync(GatesHost.TeamsTenant, CancellationToken.None))!.Document.GateKeys!.Single().Id;
        await host.AlexSaysAsync($"gate key revoke {id}");
        using var revoked = await AskAsync(key);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task A_key_is_shown_once_in_a_personal_chat_only_its_hash_is_kept_and_two_live_at_once()
    {
        var calls = await host.AlexSaysAsync("gate key");
        var shown = calls.Where(c => c.Text?.Contains("pbg_", StringComparison.Ordinal) == true).ToList();
        var key = System.Text.RegularExpressions.Regex.Match(Assert.Single(shown).Text!, @"pbg_[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+").Value;
        // Sent in a personal chat the bot opens with Alex, not as a reply where anyone else could read it.
        var opened = Assert.Single(calls, c => c.Method == HttpMethod.Post && c.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Contains("29:alex", opened.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("a:personal-alex", Uri.UnescapeDataString(Assert.Single(shown).Uri.AbsolutePath), StringComparison.Ordinal);

        var tenant = (await host.Tenants.GetTenantAsync(GatesHost.TeamsTenant, CancellationToken.None))!.Document;
        var stored = JsonSerializer.Serialize(tenant, PlanBot.Conversations.State.StateJsonContext.Default.TenantDocument);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key[^20..], stored, StringComparison.Ordinal);
        Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), Assert.Single(tenant.GateKeys!).Hash);

        // Rotation: a second key while pipelines move over, not a third.
        var second = await host.MakeGateKeyAsync();
        var third = await host.AlexSaysAsync("gate key");
        Assert.DoesNotContain(third, c => c.Text?.Contains("pbg_", StringComparison.Ordinal) == true);
        Assert.Contains(third, c => c.Text?.Contains("gate key revoke", StringComparison.Ordinal) == true);
        using var first = await AskAsync(key);
        using var next = await AskAsync(second);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task An_unknown_release_answers_state_none_and_another_tenants_plan_is_never_read()
    {
        var key = await host.MakeGateKeyAsync();
        await host.SeedPlanAsync("Fabrikam.Api", "3.1", approved: true, tenantId: "msteams:another-tenant");

        using var unknown = await AskAsync(key, "Contoso.Web", "9.9");
        using var elsewhere = await AskAsync(key, "Fabrikam.Api", "3.1");

        foreach (var response in new[] { unknown, elsewhere })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Json(response);
            Assert.Equal("none", body.GetProperty("state").GetString());
            Assert.False(body.GetProperty("approved").GetBoolean());
        }
    }

    [Fact]
    public async Task A_check_that_asks_again_reads_in_review_then_approved_and_the_release_channel_hears_once()
    {
        var planId = await host.SeedPlanAsync();
        var key = await host.MakeGateKeyAsync();
        host.Connector.Clear();

        using var first = await AskAsync(key, build: true);
        using var again = await AskAsync(key, build: true);

        var waiting = await Json(first);
        Assert.Equal("in review", waiting.GetProperty("state").GetString());
        Assert.False(waiting.GetProperty("approved").GetBoolean());
        Assert.Equal("waiting", waiting.GetProperty("approvers")[0].GetProperty("decision").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await Eventually.TrueAsync(() => host.ThreadTexts().Any(t => t.Contains("Azure Pipelines is waiting for this plan (environment production, run 20270310.1)", StringComparison.Ordinal)), "the approval thread to hear the pipeline waits");
        await Consistently.TrueAsync(() => host.ThreadTexts().Count(t => t.Contains("is waiting for this plan", StringComparison.Ordinal)) == 1, "the pipeline asking again to post nothing more", TimeSpan.FromMilliseconds(600));
        Assert.Contains(host.ThreadTexts(), t => t.Contains("Deployments gated by this plan", StringComparison.Ordinal));

        await host.AlexDecidesAsync(planId, "approve");

        using var approved = await AskAsync(key, build: true);
        var body = await Json(approved);
        Assert.Equal("approved", body.GetProperty("state").GetString());
        Assert.True(body.GetProperty("approved").GetBoolean());
        Assert.Equal("approved", body.GetProperty("approvers")[0].GetProperty("decision").GetString());
        Assert.Equal("Alex Wilber", body.GetProperty("decisions")[0].GetProperty("approver").GetString());
        Assert.Empty(azure.Events);
    }

    [Fact]
    public async Task In_callback_mode_the_check_is_completed_through_the_task_events_api_once_the_plan_is_approved()
    {
        var planId = await host.SeedPlanAsync();
        var key = await host.MakeGateKeyAsync();

        using var asked = await AskAsync(key, callback: true);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.False((await Json(asked)).GetProperty("approved").GetBoolean());
        await Consistently.TrueAsync(() => azure.Events.IsEmpty, "nothing to be reported while the plan is in review", TimeSpan.FromMilliseconds(500));

        await host.AlexDecidesAsync(planId, "approve");

        var posted = await Eventually.ValueAsync(() => azure.Events.FirstOrDefault(), "the check to be completed");
        Assert.Equal($"/contoso/{ProjectId}/_apis/distributedtask/hubs/build/plans/{PlanId}/events", posted.Path);
        Assert.Equal("2.0-preview.1", posted.ApiVersion);
        Assert.Equal($"Bearer {azure.JobToken}", posted.Authorization);
        Assert.Equal(("TaskCompleted", TaskInstanceId, JobId, "succeeded"), (posted.Name, posted.TaskId, posted.JobId, posted.Result));
        await Eventually.TrueAsync(async () => (await host.DocumentAsync(planId)).Gates!.Single().ReportedAt is not null, "the report to be recorded");
        var request = (await host.DocumentAsync(planId)).Gates!.Single();
        Assert.Null(request.Azure!.AuthToken);

        // Azure Pipelines asking again with the same ids (a retry of its call) reports nothing twice.
        using var again = await AskAsync(key, callback: true);
        await Consistently.TrueAsync(() => azure.Events.Count == 1, "one report only", TimeSpan.FromMilliseconds(600));

        // Every request was logged, and no log holds the gate key or the job access token.
        Assert.Contains(host.Logs.Records, r => r.Contains("Azure Pipelines asked about Contoso.Web 2.4", StringComparison.Ordinal));
        Assert.All(host.Logs.Records, r =>
        {
            Assert.DoesNotContain(key[^43..], r, StringComparison.Ordinal);
            Assert.DoesNotContain(azure.JobToken, r, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Gate_requests_are_counted_by_what_they_were_answered()
    {
        var measured = new System.Collections.Concurrent.ConcurrentQueue<(string? System, string? Answer)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == PlanBot.Conversations.PlanBotTelemetry.Name && instrument.Name == "planbot.gate.requests")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var all = tags.ToArray();
            measured.Enqueue((all.FirstOrDefault(t => t.Key == "system").Value as string, all.FirstOrDefault(t => t.Key == "answer").Value as string));
        });
        listener.Start();
        await host.SeedPlanAsync();
        var key = await host.MakeGateKeyAsync();

        using var known = await AskAsync(key);
        using var unknown = await AskAsync(key, "Contoso.Web", "9.9");
        using var refused = await AskAsync(null);

        var mine = measured.Where(m => m.System == "Azure Pipelines").Select(m => m.Answer).ToList();
        Assert.Contains("in review", mine);
        Assert.Contains("none", mine);
        Assert.Contains("unauthorized", mine);
    }

    [Fact]
    public async Task A_report_Azure_DevOps_cannot_take_now_is_tried_again_after_a_wait()
    {
        var planId = await host.SeedPlanAsync();
        var key = await host.MakeGateKeyAsync();
        using var asked = await AskAsync(key, callback: true);
        azure.Failures.Enqueue(503);

        await host.AlexDecidesAsync(planId, "approve");

        await Eventually.TrueAsync(async () => (await host.DocumentAsync(planId)).Gates!.Single().Failures == 1, "the failure to be recorded");
        var waiting = (await host.DocumentAsync(planId)).Gates!.Single();
        Assert.Null(waiting.ReportedAt);
        Assert.Equal("Azure Pipelines answered HTTP 503.", waiting.LastError);
        Assert.Single(azure.Events);

        // Nothing is tried again before the wait is over; then it is, and told.
        await Consistently.TrueAsync(() => azure.Events.Count == 1, "no retry before the wait", TimeSpan.FromMilliseconds(500));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(async () => (await host.DocumentAsync(planId)).Gates!.Single().ReportedAt is not null, "the retry to be told");
        Assert.Equal(["succeeded", "succeeded"], azure.Events.Select(e => e.Result));
    }

    [Fact]
    public async Task A_job_token_Azure_DevOps_refuses_ends_the_reporting_and_the_thread_hears_why()
    {
        var planId = await host.SeedPlanAsync();
        var key = await host.MakeGateKeyAsync();
        using var asked = await AskAsync(key, callback: true);
        azure.Failures.Enqueue(401);

        await host.AlexDecidesAsync(planId, "approve");

        await Eventually.TrueAsync(() => host.ThreadTexts().Any(t => t.Contains("Azure Pipelines was not told about environment production, run 20270310.1: Azure Pipelines refused the job access token (HTTP 401)", StringComparison.Ordinal)), "the thread to hear the check could not be told");
        var request = (await host.DocumentAsync(planId)).Gates!.Single();
        Assert.NotNull(request.NotReported);
        Assert.Null(request.Azure!.AuthToken);
        await Consistently.TrueAsync(() => azure.Events.Count == 1, "nothing more to be tried", TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task In_callback_mode_a_rejected_plan_fails_the_check_at_once_and_the_thread_hears_it()
    {
        await host.SeedPlanAsync();
        var planId = (await host.Store.FindPlanAsync(GatesHost.TeamsTenant, "Contoso.Web", "2.4", CancellationToken.None))!.Document.Plan.Id;
        await host.AlexDecidesAsync(planId, "reject The backout plan was never rehearsed");
        var key = await host.MakeGateKeyAsync();

        using var asked = await AskAsync(key, callback: true);

        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        Assert.Equal("rejected", (await Json(asked)).GetProperty("state").GetString());
        var posted = await Eventually.ValueAsync(() => azure.Events.FirstOrDefault(), "the check to be failed");
        Assert.Equal("failed", posted.Result);
        await Eventually.TrueAsync(() => host.ThreadTexts().Any(t => t.Contains("Told Azure Pipelines that environment production", StringComparison.Ordinal) && t.Contains("may not deploy", StringComparison.Ordinal)), "the thread to hear the check was failed");
    }

    [Fact]
    public async Task A_callback_request_without_its_headers_or_to_a_host_not_allowed_is_refused_with_a_reason()
    {
        await host.SeedPlanAsync();
        var key = await host.MakeGateKeyAsync();

        using var bare = await SendAsync(key, "/api/gates/Contoso.Web/2.4?completion=callback", _ => { });
        using var elsewhere = await SendAsync(key, "/api/gates/Contoso.Web/2.4?completion=callback", r => CallbackHeaders(r, "https://attacker.example/contoso/"));
        using var tooLong = await SendAsync(key, $"/api/gates/{new string('a', 65)}/2.4", _ => { });

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("PlanUrl, ProjectId, HubName, PlanId, JobId, TaskInstanceId and AuthToken", await Error(bare), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("Gates:AzureDevOpsHosts", await Error(elsewhere), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Empty(azure.Events);
    }

    private Task<HttpResponseMessage> AskAsync(string? key, string product = "Contoso.Web", string version = "2.4", bool build = false, bool callback = false, string? basic = null) =>
        SendAsync(key, $"/api/gates/{product}/{version}{(callback ? "?completion=callback" : string.Empty)}", request =>
        {
            if (basic is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basic)));
            }

            if (build || callback)
            {
                request.Headers.Add("Environment", "production");
                request.Headers.Add("BuildNumber", "20270310.1");
                request.Headers.Add("BuildId", "812");
                request.Headers.Add("PlanId", PlanId);
            }

            if (callback)
            {
                CallbackHeaders(request, azure.CollectionUri);
            }
        });

    private void CallbackHeaders(HttpRequestMessage request, string collectionUri)
    {
        request.Headers.Remove("PlanId");
        request.Headers.Add("PlanUrl", collectionUri);
        request.Headers.Add("ProjectId", ProjectId);
        request.Headers.Add("HubName", "build");
        request.Headers.Add("PlanId", PlanId);
        request.Headers.Add("JobId", JobId);
        request.Headers.Add("TimelineId", "c4f7d1b2-0a3e-4c5d-8e9f-112233445566");
        request.Headers.Add("TaskInstanceId", TaskInstanceId);
        request.Headers.Add("AuthToken", azure.JobToken);
    }

    private async Task<HttpResponseMessage> SendAsync(string? key, string path, Action<HttpRequestMessage> shape)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        shape(request);
        return await http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static async Task<string> Error(HttpResponseMessage response) => (await Json(response)).GetProperty("error").GetString()!;
}
