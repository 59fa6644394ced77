using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Who hears of what without asking: approvers are @mentioned by the approval request, the owner is
/// told in a personal chat of every decision, of decisions gone stale and of finished sections, and a
/// plan started for a product without a release channel says so at once.
/// </summary>
public sealed class NotificationScriptTests
{
    private readonly BotWorld world = new();

    private static IReadOnlyList<DeliveredReply> DirectTo(ChatScript chat, Domain.Answers.PersonRef person) =>
        chat.Replies.Where(r => r.Reply.Mode == DeliveryMode.Direct && r.Reply.Recipient == person).ToList();

    private async Task<ChatScript> SubmittedPlanAsync()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        await dana.Send("submit");
        dana.ExpectReplyContaining("Submitted the plan for Contoso.Web 2.4");
        return dana;
    }

    [Fact]
    public async Task The_approval_request_names_every_approver_still_to_decide()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        await dana.Send("quorum all");
        await dana.Send("submit");

        var request = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
        Assert.StartsWith("approval Contoso.Web 2.4", request.Heading, StringComparison.Ordinal);
        Assert.Contains("\nawaiting: Megan Bowen, Alex Wilber\n", request.Text, StringComparison.Ordinal);

        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");
        await megan.Send("approve");

        var updated = Assert.Single(megan.Replies, r => r.Reply.Mode == DeliveryMode.Update);
        Assert.Contains("\nawaiting: Alex Wilber\n", updated.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_is_told_in_a_personal_chat_when_an_approver_approves()
    {
        await SubmittedPlanAsync();
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");

        await megan.Send("approve");

        var told = Assert.Single(DirectTo(megan, TestPeople.Dana));
        Assert.Equal($"notice Success\nMegan Bowen approved revision {PlanChecklist.Count}. The plan for Contoso.Web 2.4 is approved: ready for production.", told.Text);
    }

    [Fact]
    public async Task The_owner_is_told_of_a_rejection_with_its_reason()
    {
        await SubmittedPlanAsync();
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");

        await alex.Send("reject The rollback has not been rehearsed");

        var told = Assert.Single(DirectTo(alex, TestPeople.Dana));
        Assert.Contains($"Alex Wilber rejected revision {PlanChecklist.Count}: The rollback has not been rehearsed.", told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_is_told_when_someone_else_makes_the_decisions_stale()
    {
        var dana = await SubmittedPlanAsync();
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");
        await megan.Send("approve");

        await megan.Send("edit risks");
        await megan.Send("A new risk found after approval");

        var told = Assert.Single(DirectTo(megan, TestPeople.Dana));
        Assert.Contains("Megan Bowen changed the plan for Contoso.Web 2.4 after review, so its earlier decisions are stale", told.Text, StringComparison.Ordinal);
        Assert.Empty(DirectTo(dana, TestPeople.Dana));
    }

    [Fact]
    public async Task The_owner_making_decisions_stale_is_told_in_their_own_chat()
    {
        var dana = await SubmittedPlanAsync();
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");
        await megan.Send("approve");

        await dana.Send("edit risks");
        await dana.Send("A new risk found after approval");

        dana.ExpectReplyContaining($"Dana Owner changed the plan for Contoso.Web 2.4 after review, so its earlier decisions are stale; the approvers are asked to review revision {PlanChecklist.Count + 1} again.");
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
    }

    [Fact]
    public async Task The_owner_deciding_in_the_channel_is_not_messaged_about_it()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        await channel.Send("settings owner-approval allow");
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("approvers", world.Now);
        await dana.Send("<at>Dana Owner</at>", TestPeople.MentionOf(TestPeople.Dana));
        foreach (var question in Domain.Checklist.PlanChecklist.Questions.SkipWhile(q => q.Id != "approvers").Skip(1))
        {
            await dana.AnswerValidly(question.Id, world.Now);
        }

        await dana.Send("submit");

        await dana.Send("approve");

        dana.ExpectReplyContaining("Dana Owner approved revision");
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
    }

    [Fact]
    public async Task The_owner_is_told_when_an_assignee_completes_their_section()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("delivery-team", world.Now);
        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));
        var megan = world.Chat(TestPeople.Megan, conversationId: RecordingReplyChannel.DirectChatId(TestPeople.Megan));

        await megan.Send("<at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));
        Assert.Empty(DirectTo(megan, TestPeople.Dana));
        await megan.Send("On-call rota in the web-release channel");

        megan.ExpectReplyContaining("Thank you: that completes section 6, Delivery team");
        var told = Assert.Single(DirectTo(megan, TestPeople.Dana));
        Assert.Equal("notice Success\nMegan Bowen completed section 6, Delivery team, of the plan for Contoso.Web 2.4.", told.Text);
    }

    [Fact]
    public async Task A_plan_started_without_a_release_channel_says_how_to_set_one()
    {
        var dana = world.Chat();

        await dana.Send("plan Contoso.Web 2.4");

        dana.ExpectQuestion("features");
        dana.ExpectReplyContaining("No release channel is set for Contoso.Web yet, and the approval request goes there. In the team channel where Contoso.Web releases are discussed, a release admin types `channel set Contoso.Web`, mentioning me.");
    }

    [Fact]
    public async Task A_plan_started_with_a_release_channel_does_not_mention_it()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = world.Chat();

        await dana.Send("plan Contoso.Web 2.4");

        dana.ExpectQuestion("features");
        dana.ExpectNoReplyContaining("release channel");
    }
}
