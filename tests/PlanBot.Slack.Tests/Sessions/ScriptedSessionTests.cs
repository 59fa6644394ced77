using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Tests.Hosting;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Checks;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Sessions;

/// <summary>
/// Whole conversations over signed HTTP against a real host, SQLite and a fake Slack: the interview,
/// the status, and the approval in the release channel with Slack's buttons and modal.
/// </summary>
public sealed class ScriptedSessionTests : HostTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await StartAsync();
    }

    /// <summary>/plan Contoso.Web 2.4, then every question answered by direct message.</summary>
    private async Task InterviewAsync()
    {
        var replies = await Session.CommandAsync("Contoso.Web 2.4");
        foreach (var question in PlanChecklist.Questions)
        {
            var asked = Assert.Single(replies);
            Assert.True(asked.Shows(question.Text), $"expected \"{question.Text}\" in: {asked.Readable}");
            Assert.Equal(SlackPayloads.OwnerDm, asked.Channel);
            replies = await Session.SayAsync(SlackAnswers.For(question));
        }

        Assert.Contains(replies, r => r.Shows("100% complete"));
    }

    /// <summary>Makes the release channel, submits the plan, and returns the approval message as posted.</summary>
    private async Task<ApiCall> SubmitAsync()
    {
        var set = Assert.Single(await Session.MentionAsync("channel set Contoso.Web"));
        Assert.True(set.Shows("release channel for Contoso.Web"), set.Readable);
        var sent = await Session.CommandAsync("submit");
        var request = Assert.Single(sent, m => m.Channel == SlackPayloads.ReleaseChannel);
        Assert.Equal("chat.postMessage", request.Method);
        Assert.Null(request.ThreadTs);
        Assert.Contains(sent, m => m.Channel == SlackPayloads.OwnerDm && m.Shows("Submitted the plan"));
        return request;
    }

    private static JsonObject Click(string actionId, string value, string user, string messageTs) =>
        SlackPayloads.BlockAction(actionId, value, user, SlackPayloads.ReleaseChannel, "releases", messageTs);

    [Fact]
    public async Task An_interview_over_slack_ends_at_100_percent_and_every_payload_passes_slacks_types()
    {
        await InterviewAsync();

        var status = Assert.Single(await Session.CommandAsync("status"));
        Assert.True(status.Shows("100%"), status.Readable);
        Assert.True(status.Shows($"{PlanChecklist.Count} of {PlanChecklist.Count}"), status.Readable);
        var show = Assert.Single(await Session.CommandAsync("show"));
        Assert.True(show.Shows("Answer to features & <more>"), show.Readable);
        Assert.True(show.Shows("Megan Bowen"), show.Readable);

        var payloads = Session.Sent.Select((m, i) => ($"{i:D2}-{m.Method}", BlockKitSurface.Message, new JsonObject { ["text"] = m.Text, ["blocks"] = m.Json!["blocks"]!.DeepClone() }.ToJsonString())).ToList();
        foreach (var (name, surface, json) in payloads)
        {
            Assert.True(BlockKitLimits.Violations(json, surface) is { Count: 0 }, $"{name}: {string.Join("; ", BlockKitLimits.Violations(json, surface))}");
        }

        var report = await NodeChecks.CheckBlockKitAsync(payloads);
        Assert.True(report.Passed, report.Describe());
    }

    [Fact]
    public async Task An_approver_approves_with_the_button_and_the_request_is_updated_in_place()
    {
        await InterviewAsync();
        var request = await SubmitAsync();
        var messageTs = PostedTs(request);

        var sent = await Session.InteractAsync(Click("approve", request.ButtonValue("approve"), SlackPayloads.Approver, messageTs));

        var updated = Assert.Single(sent, m => m.Method == "chat.update");
        Assert.Equal((SlackPayloads.ReleaseChannel, messageTs), (updated.Channel, updated.Ts));
        Assert.True(updated.Shows("approved"), updated.Readable);
        var told = Assert.Single(sent, m => m.Method == "chat.postMessage" && m.Channel == SlackPayloads.ReleaseChannel);
        Assert.Equal(messageTs, told.ThreadTs);
        Assert.True(told.Shows("Megan Bowen approved revision"), told.Readable);
        // The owner hears of it in a direct message (a post to their user id opens it).
        var owner = Assert.Single(sent, m => m.Method == "chat.postMessage" && m.Channel != SlackPayloads.ReleaseChannel);
        Assert.Equal(SlackPayloads.Owner, owner.Channel);
        Assert.True(owner.Shows("Megan Bowen approved revision"), owner.Readable);
    }

    [Fact]
    public async Task Someone_who_is_not_an_approver_is_refused_at_the_click()
    {
        await InterviewAsync();
        var request = await SubmitAsync();
        var messageTs = PostedTs(request);

        var sent = await Session.InteractAsync(Click("approve", request.ButtonValue("approve"), SlackPayloads.Developer, messageTs));

        Assert.DoesNotContain(sent, m => m.Method == "chat.update" && m.Shows("Diego Siciliani approved"));
        Assert.Contains(sent, m => m.Shows("Only the approvers"));
    }

    [Fact]
    public async Task An_approver_rejects_with_a_reason_given_in_the_modal()
    {
        await InterviewAsync();
        var request = await SubmitAsync();
        var messageTs = PostedTs(request);

        await Session.InteractAsync(Click("reject", request.ButtonValue("reject"), SlackPayloads.Approver, messageTs));
        var opened = Assert.Single(Slack.CallsTo("views.open"), c => c.Json!["view"]!["callback_id"]!.GetValue<string>() == "reject");
        var modal = opened.Json!["view"]!.ToJsonString();
        var sent = await Session.InteractAsync(SlackPayloads.ViewSubmission(opened.Json!, SlackPayloads.Approver, "reason", "The rollback is untested"));

        var updated = Assert.Single(sent, m => m.Method == "chat.update");
        Assert.Equal(messageTs, updated.Ts);
        Assert.True(updated.Shows("rejected"), updated.Readable);
        Assert.True(updated.Shows("The rollback is untested"), updated.Readable);
        Assert.Contains(sent, m => m.ThreadTs == messageTs && m.Shows("rejected revision"));

        var payloads = new List<(string, BlockKitSurface, string)> { ("reject-modal", BlockKitSurface.Modal, modal) };
        payloads.AddRange(Slack.Messages().Where(m => m.Channel == SlackPayloads.ReleaseChannel)
            .Select((m, i) => ($"release-{i}", BlockKitSurface.Message, new JsonObject { ["text"] = m.Text, ["blocks"] = m.Json!["blocks"]!.DeepClone() }.ToJsonString())));
        foreach (var (name, surface, json) in payloads)
        {
            Assert.True(BlockKitLimits.Violations(json, surface) is { Count: 0 }, $"{name}: {string.Join("; ", BlockKitLimits.Violations(json, surface))}");
        }

        var report = await NodeChecks.CheckBlockKitAsync(payloads);
        Assert.True(report.Passed, report.Describe());
    }

    [Fact]
    public async Task An_edit_after_approval_makes_the_decision_stale_and_says_so_in_the_thread()
    {
        await InterviewAsync();
        var request = await SubmitAsync();
        var messageTs = PostedTs(request);
        await Session.InteractAsync(Click("approve", request.ButtonValue("approve"), SlackPayloads.Approver, messageTs));

        await Session.CommandAsync("edit 3");
        var sent = await Session.SayAsync("A new risk: the payment provider changes its API");

        var updated = Assert.Single(sent, m => m.Method == "chat.update");
        Assert.Equal(messageTs, updated.Ts);
        Assert.True(updated.Shows("no longer counts"), updated.Readable);
        Assert.Contains(sent, m => m.ThreadTs == messageTs && m.Shows("stale"));
    }

    [Fact]
    public async Task An_old_approve_button_cannot_approve_a_changed_plan()
    {
        await InterviewAsync();
        var request = await SubmitAsync();
        var messageTs = PostedTs(request);
        await Session.CommandAsync("edit 3");
        await Session.SayAsync("A new risk");

        var sent = await Session.InteractAsync(Click("approve", request.ButtonValue("approve"), SlackPayloads.Approver, messageTs));

        Assert.Contains(sent, m => m.Shows("The plan changed since this was shown to you"));
        Assert.DoesNotContain(sent, m => m.Shows("Megan Bowen approved revision"));
    }

    /// <summary>The ts Slack answered the post with: the message's id from then on.</summary>
    private string PostedTs(ApiCall posted) => Slack.PostedTs[posted.Sequence];
}
