using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// What an assignment does around it: the owner's own interview stays where it was unless it was
/// inside the section handed out, and the release channel gets one progress summary, not one per
/// assignment, and none once the plan is in review.
/// </summary>
public sealed class AssignFollowUpScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Owner_handing_out_a_later_section_stays_on_the_question_they_were_on()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("why", world.Now);

        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        Assert.DoesNotContain(dana.Replies, r => r.To == dana.Conversation && r.Heading.StartsWith("question ", StringComparison.Ordinal));
        await dana.Send("A payment provider change");
        dana.ExpectQuestion("available-by");
        Assert.Equal("A payment provider change", world.PlanOf("Contoso.Web", "2.4").AnswerTo("why")!.Value.Text);
    }

    [Fact]
    public async Task Owner_editing_a_section_who_hands_it_out_is_not_moved_on()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo(null, world.Now);
        await dana.Send("edit 6");
        dana.ExpectQuestion("delivery-team");

        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        dana.ExpectReplyContaining("Assigned section 6, Delivery team, to Megan Bowen");
        dana.ExpectNoReplyContaining("Meanwhile");
    }

    [Fact]
    public async Task First_assignment_posts_the_short_summary_in_the_release_channel()
    {
        var dana = await Section6WithMeganAndAReleaseChannel();

        var posted = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
        Assert.EndsWith("owner Dana Owner", posted.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Second_assignment_posts_no_second_summary_in_the_release_channel()
    {
        var dana = await Section6WithMeganAndAReleaseChannel();
        var summary = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts[PostKeys.Summary];

        await dana.Send("assign 3 <at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));

        dana.ExpectReplyContaining("Assigned section 3, Risks and issues, to Alex Wilber");
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
        Assert.Equal(summary, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts[PostKeys.Summary]);
    }

    [Fact]
    public async Task Assignment_of_a_plan_sent_back_after_review_posts_no_summary_beside_the_request()
    {
        var dana = await world.SubmitPlan("Contoso.Web", "2.4");
        var megan = await world.OpenPlan(TestPeople.Megan, "Contoso.Web 2.4");
        await megan.Send("reject Risks need another look");

        await dana.Send("assign 3 <at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));

        dana.ExpectReplyContaining("Assigned section 3, Risks and issues, to Alex Wilber");
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
        Assert.False(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts.ContainsKey(PostKeys.Summary));
    }

    [Fact]
    public async Task Release_channel_summary_follows_the_owners_answers_as_a_short_summary()
    {
        var dana = await Section6WithMeganAndAReleaseChannel();

        await dana.Send("Checkout v2");

        var updated = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.Update);
        Assert.Equal(PlanningSteps.ReleaseChannelId, updated.To.ConversationId);
        var percent = world.PlanOf("Contoso.Web", "2.4").Completeness().Percent;
        Assert.StartsWith($"summary {percent}% (1/", updated.Heading, StringComparison.Ordinal);
        Assert.EndsWith("owner Dana Owner", updated.Heading, StringComparison.Ordinal);
    }

    /// <summary>Contoso.Web 2.4 just started, with a release channel, and section 6 handed to Megan; Dana's chat.</summary>
    private async Task<ChatScript> Section6WithMeganAndAReleaseChannel()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));
        return dana;
    }
}
