using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Submitting a plan and deciding on it in chat: who may, in which state, what each side is told,
/// and how the request in the release channel follows.
/// </summary>
public sealed class ApprovalScriptTests
{
    private static readonly PersonRef Lee = TestPeople.Person("Lee Gu");

    private readonly BotWorld world = new();

    private Plan Stored => world.PlanOf("Contoso.Web", "2.4");

    private ChannelPost Request => world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts["approval"];

    [Fact]
    public async Task Submit_without_a_release_channel_says_how_to_set_one_and_leaves_the_plan_a_draft()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("submit");

        dana.ExpectReplyContaining("No release channel is set for Contoso.Web, so there is nowhere to post the approval request.");
        dana.ExpectReplyContaining("a release admin types `channel set Contoso.Web`, mentioning me. Then `submit` again.");
        Assert.Equal(PlanState.Draft, Stored.State);
        Assert.DoesNotContain(dana.Replies, r => r.To.ConversationId == PlanningSteps.ReleaseChannelId);
    }

    [Fact]
    public async Task Submit_posts_the_request_in_a_new_thread_of_the_release_channel_and_names_the_approvers()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await world.CompletePlan("Contoso.Web", "2.4");

        await dana.Send("submit");

        var revision = Stored.Revision;
        dana.ExpectReplyContaining(
            $"Submitted the plan for Contoso.Web 2.4 (revision {revision}) for approval. The request is posted in the release channel; approvers: Megan Bowen, Alex Wilber (one approval is enough).");
        var request = Assert.Single(dana.Replies, r => r.To.ConversationId == PlanningSteps.ReleaseChannelId);
        Assert.Equal(DeliveryMode.NewThread, request.Reply.Mode);
        Assert.Equal($"approval Contoso.Web 2.4 revision {revision}, in review", request.Heading);
        Assert.Equal(PlanState.InReview, Stored.State);
    }

    [Fact]
    public async Task Submit_with_every_approver_required_says_so()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4", everyApprover: true);

        dana.ExpectReplyContaining("approvers: Megan Bowen, Alex Wilber (all must approve).");
    }

    [Fact]
    public async Task Submit_by_someone_other_than_the_owner_is_refused()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        await world.CompletePlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");

        await megan.Send("submit");

        megan.ExpectReplyContaining("Only the plan's owner, Dana Owner, may submit it.");
        Assert.Equal(PlanState.Draft, Stored.State);
    }

    [Fact]
    public async Task Approval_in_an_approvers_own_chat_approves_the_plan_and_the_request_follows_in_its_thread()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");

        await megan.Send("approve");

        var revision = Stored.Revision;
        var said = $"Megan Bowen approved revision {revision}. The plan for Contoso.Web 2.4 is approved: ready for production.";
        Assert.Equal($"notice Success\n{said}", InOwnChat(megan).Text);
        var updated = Assert.Single(megan.Replies, r => r.Reply.Mode == DeliveryMode.Update);
        Assert.Equal((Request.Thread, Request.ActivityId), (updated.To, updated.Reply.UpdateActivityId));
        Assert.Equal($"approval Contoso.Web 2.4 revision {revision}, approved", updated.Heading);
        var told = Assert.Single(megan.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Reply);
        Assert.Equal($"notice Success\n{said}", told.Text);
        Assert.Equal(PlanState.Approved, Stored.State);
    }

    [Fact]
    public async Task First_of_every_approver_leaves_the_plan_in_review_until_the_last_approves()
    {
        await world.SubmitPlan("Contoso.Web", "2.4", everyApprover: true);
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");
        var alex = await world.OpenPlan(TestPeople.Alex, "Contoso.Web 2.4");

        await megan.Send("approve");

        Assert.Equal($"notice Success\nMegan Bowen approved revision {Stored.Revision}.", InOwnChat(megan).Text);
        Assert.Equal(PlanState.InReview, Stored.State);

        await alex.Send("approve");

        alex.ExpectReplyContaining("The plan for Contoso.Web 2.4 is approved: ready for production.");
        Assert.Equal(PlanState.Approved, Stored.State);
    }

    [Fact]
    public async Task Approving_again_says_the_approval_is_already_recorded_and_records_nothing_more()
    {
        await world.SubmitPlan("Contoso.Web", "2.4", everyApprover: true);
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");
        await megan.Send("approve");

        await megan.Send("approve");

        Assert.Equal($"notice Info\nYour approval of revision {Stored.Revision} is already recorded.", megan.LastReply);
        Assert.Single(Stored.Decisions);
    }

    [Fact]
    public async Task Rejection_without_a_reason_is_refused_saying_how_to_give_one()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");

        await megan.Send("reject");

        megan.ExpectReplyContaining("A rejection needs a reason: `reject <reason>`.");
        Assert.Empty(Stored.Decisions);
        Assert.Equal(PlanState.InReview, Stored.State);
    }

    [Fact]
    public async Task Rejection_with_a_reason_sends_the_plan_back_to_its_owner()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");

        await megan.Send("reject   The window is too short  ");

        var said = $"Megan Bowen rejected revision {Stored.Revision}: The window is too short. The plan for Contoso.Web 2.4 is rejected and goes back to Dana Owner as a draft on the next change.";
        Assert.Equal($"notice Warning\n{said}", InOwnChat(megan).Text);
        Assert.Contains(megan.Replies, r => r.To == Request.Thread && r.Text == $"notice Warning\n{said}");
        Assert.Equal(PlanState.Rejected, Stored.State);
    }

    [Fact]
    public async Task Someone_not_named_as_approver_is_refused_and_nothing_is_recorded()
    {
        await world.SubmitPlan("Contoso.Web", "2.4");
        var lee = await world.OpenPlan(Lee, "Contoso.Web 2.4");

        await lee.Send("approve");

        lee.ExpectReplyContaining("Only the approvers named in section 5 may approve or reject this plan: Megan Bowen, Alex Wilber. Nothing was recorded.");
        Assert.Empty(Stored.Decisions);
        Assert.DoesNotContain(lee.Replies, r => r.To == Request.Thread);
    }

    [Fact]
    public async Task Approver_cannot_decide_on_a_plan_not_yet_submitted()
    {
        await world.CompletePlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");

        await megan.Send("approve");

        megan.ExpectReplyContaining("The plan for Contoso.Web 2.4 is a draft; decisions are taken once it is submitted.");
        Assert.Empty(Stored.Decisions);
    }

    [Fact]
    public async Task Plan_that_names_no_approvers_yet_says_nobody_can_decide()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");

        await dana.Send("approve");

        dana.ExpectReplyContaining("The plan names no approvers yet (section 5), so nobody can decide on it.");
    }

    [Fact]
    public async Task Edit_after_an_approval_tells_the_approvers_in_the_thread_to_review_again()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");
        await megan.Send("approve");

        await dana.Send("edit 3");
        await dana.Send("Payment provider freeze over the weekend");

        var revision = Stored.Revision;
        Assert.Equal(PlanState.InReview, Stored.State);
        Assert.Contains(dana.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Update
            && r.Heading == $"approval Contoso.Web 2.4 revision {revision}, in review");
        var told = Assert.Single(dana.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Reply);
        Assert.Equal($"notice Warning\nDana Owner changed the plan for Contoso.Web 2.4 after review; earlier decisions are stale. Please review revision {revision} again.\nmentions: Megan Bowen, Alex Wilber", told.Text);
    }

    [Fact]
    public async Task Edit_while_no_decision_counts_updates_the_request_without_calling_anyone_back()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4");

        await dana.Send("edit 3");
        await dana.Send("Payment provider freeze over the weekend");

        Assert.Contains(dana.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Update);
        Assert.DoesNotContain(dana.Replies, r => r.To == Request.Thread && r.Reply.Mode == DeliveryMode.Reply);
    }

    [Fact]
    public async Task Submitting_again_after_a_rejection_updates_the_request_and_asks_for_a_new_review_in_its_thread()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");
        await megan.Send("reject The window is too short");
        await dana.Send("edit 2");
        await dana.AnswerValidly("available-by", world.Now);
        var thread = Request;

        await dana.Send("submit");

        var revision = Stored.Revision;
        Assert.Equal(PlanState.InReview, Stored.State);
        Assert.Equal(thread, Request);
        var updated = Assert.Single(dana.Replies, r => r.To == thread.Thread && r.Reply.Mode == DeliveryMode.Update);
        Assert.Equal(thread.ActivityId, updated.Reply.UpdateActivityId);
        Assert.Equal($"approval Contoso.Web 2.4 revision {revision}, in review", updated.Heading);
        var told = Assert.Single(dana.Replies, r => r.To == thread.Thread && r.Reply.Mode == DeliveryMode.Reply);
        Assert.Equal($"notice Info\nDana Owner submitted revision {revision} of the plan again. Please review it.\nmentions: Megan Bowen, Alex Wilber", told.Text);
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
    }

    /// <summary>The one reply of the last turn that went to the conversation it came from, not to the release channel.</summary>
    private static DeliveredReply InOwnChat(ChatScript chat) =>
        Assert.Single(chat.Replies, r => r.To.ConversationId == chat.Conversation.ConversationId);
}
