using PlanBot.Domain.Checklist;
using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>
/// A team with a release channel: the plan drafted in a personal chat is submitted, its approval
/// request appears as a thread in the channel, and the people named as approvers decide there.
/// </summary>
public sealed class ReleaseChannelInPlaygroundTests(ITestOutputHelper output)
{
    private const string Megan = "user-id-1";
    private const string Adele = "user-id-2";

    [NodeFact]
    public async Task A_submitted_plan_is_posted_as_a_thread_in_the_release_channel_and_approved_there()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var releases = playground.Conversations.Releases;
        var chat = playground.Conversations.PersonalChat;

        (await playground.TriggerInstallationAsync(playground.Conversations.TeamGeneral)).EnsureBotSucceeded();
        var set = (await playground.SendToBotAsync(releases, "channel set Contoso.Web")).EnsureBotSucceeded();
        var setReply = Assert.Single(set.Created);
        Assert.Contains("release channel for Contoso.Web", Shown.Of(setReply), StringComparison.Ordinal);
        Assert.StartsWith(releases + ";messageid=", setReply.ConversationId, StringComparison.Ordinal);

        await DraftCompletePlanAsync(playground, chat, approvers: "meganb@contoso.example");
        var submitted = (await playground.SendAsync(chat, "submit")).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(submitted), t => t.Contains("Submitted the plan for Contoso.Web 2.4", StringComparison.Ordinal));

        var request = await playground.WaitForMessageAsync(
            m => m.ConversationId.StartsWith(releases, StringComparison.Ordinal) && Shown.Of(m).Contains("Contoso.Web 2.4", StringComparison.Ordinal) && Shown.Of(m).Contains("Megan Bowen", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));
        var thread = request.PostConversationId ?? $"{releases};messageid={request.MessageId}";
        output.WriteLine($"Approval request {request.MessageId} in {thread}");

        // Replies to an @mention in the thread stay in that thread.
        var status = (await playground.SendToBotAsync(thread, "status")).EnsureBotSucceeded();
        var statusReply = Assert.Single(status.Created);
        Assert.Equal(thread, statusReply.ConversationId);
        Assert.Contains("100% complete", Shown.Of(statusReply), StringComparison.Ordinal);

        // Someone not named in section 5 is refused and nothing is recorded.
        var refused = (await playground.SendMessageAsAsync(thread, Adele, $"{playground.BotMention.Text} approve", [playground.BotMention])).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(refused), t => t.Contains("Only the approvers named in section 5", StringComparison.Ordinal));

        // The approver decides; the request is updated in place for everyone.
        var approved = (await playground.SendMessageAsAsync(thread, Megan, $"{playground.BotMention.Text} approve", [playground.BotMention])).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(approved), t => t.Contains("Megan Bowen approved revision", StringComparison.Ordinal));
        var updated = await playground.WaitForMessageAsync(m => m.MessageId == request.MessageId && m.Revision > request.Revision && Shown.Of(m).Contains("approved", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Contains("Megan Bowen", Shown.Of(updated), StringComparison.Ordinal);

        // An edit afterwards makes the approval stale and the approvers are told in the thread.
        (await playground.SendAsync(chat, "edit risks")).EnsureBotSucceeded();
        (await playground.SendAsync(chat, "A new risk found after review")).EnsureBotSucceeded();
        await playground.WaitForMessageAsync(m => m.ConversationId == thread && Shown.Of(m).Contains("earlier decisions are stale", StringComparison.Ordinal), TimeSpan.FromSeconds(20));
    }

    [NodeFact]
    public async Task Submit_without_a_release_channel_explains_channel_set()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var chat = playground.Conversations.PersonalChat;

        await DraftCompletePlanAsync(playground, chat, approvers: "meganb@contoso.example");
        var submitted = (await playground.SendAsync(chat, "submit")).EnsureBotSucceeded();

        Assert.Contains(Shown.Of(submitted), t => t.Contains("channel set Contoso.Web", StringComparison.Ordinal));
    }

    private static async Task DraftCompletePlanAsync(AgentsPlayground playground, string chat, string approvers)
    {
        (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();
        foreach (var question in PlanChecklist.Questions)
        {
            var answer = question.Id == "approvers" ? approvers : InterviewAnswers.For(question);
            (await playground.SendAsync(chat, answer)).EnsureBotSucceeded();
        }
    }

}
