using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Contributors (OpenUP: developers draft parts of the plan): the owner hands a section to a
/// developer, who is asked its questions in a personal chat; their answers carry their name, and
/// the plan's summary in the release channel follows as the section completes.
/// </summary>
public sealed class AssignScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Assignee_is_asked_the_sections_first_question_in_a_personal_chat()
    {
        var dana = await OwnerAtDeliveryTeamAsync();

        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        dana.ExpectReplyContaining("Assigned section 6, Delivery team, to Megan Bowen; I've asked them its questions in a personal chat.");
        var direct = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Equal(TestPeople.Megan, direct.Reply.Recipient);
        Assert.Equal("form section 6 Delivery team of Contoso.Web 2.4 (asks delivery-team)", direct.Heading);
        Assert.Contains("note: Dana Owner asked you to answer section 6, Delivery team, of the deployment plan for Contoso.Web 2.4.", direct.Text, StringComparison.Ordinal);
        var plan = world.PlanOf("Contoso.Web", "2.4");
        var assignment = Assert.Single(plan.Assignments);
        Assert.Equal(Section.DeliveryTeam, assignment.Section);
        Assert.Equal(TestPeople.Megan, assignment.Assignee);
    }

    [Fact]
    public async Task Owner_handing_out_the_section_they_were_on_moves_on_and_is_told_what_is_waiting()
    {
        var dana = await OwnerAtDeliveryTeamAsync();

        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        dana.ExpectReplyContaining("If it is still open in 1 day, I'll remind them.");
        // The owner's next message answers section 7, not the section just handed out.
        var asked = Assert.Single(dana.Replies, r => r.To == dana.Conversation && r.Heading.StartsWith("question ", StringComparison.Ordinal));
        Assert.StartsWith("question support (", asked.Heading, StringComparison.Ordinal);
        Assert.Contains("note: Meanwhile, the next open question for you:", asked.Text, StringComparison.Ordinal);
        await dana.Send(SampleAnswers.For(PlanChecklist.Get("support"), world.Now).Text);
        foreach (var question in PlanChecklist.Questions.Where(q => q.Section > Section.DeliveryTeam).Skip(1))
        {
            await dana.AnswerValidly(question.Id, world.Now);
        }

        dana.ExpectReplyContaining("2 question(s) are still open");
        dana.ExpectReplyContaining("Waiting on section 6 (Megan Bowen); they are reminded if it stays open.");
        Assert.Null(world.PlanOf("Contoso.Web", "2.4").AnswerTo("delivery-team"));
    }

    [Fact]
    public async Task Assignees_answers_in_their_chat_carry_their_name_and_stop_at_the_end_of_the_section()
    {
        var dana = await OwnerAtDeliveryTeamAsync();
        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));
        var megan = MegansChat();

        await megan.Send("<at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));

        megan.ExpectQuestion("delivery-contacts");
        await megan.Send("On-call rota in the web-release channel, phone +44 20 7946 0000");

        megan.ExpectReplyContaining("Thank you: that completes section 6, Delivery team, of the plan for Contoso.Web 2.4.");
        // She was asked for her section only, not walked on into section 7.
        Assert.DoesNotContain(megan.Replies, r => r.Heading.StartsWith("question ", StringComparison.Ordinal));
        var plan = world.PlanOf("Contoso.Web", "2.4");
        Assert.Equal(TestPeople.Megan, plan.AnswerTo("delivery-team")!.Provenance.AnsweredBy);
        Assert.Equal([TestPeople.Alex], plan.AnswerTo("delivery-team")!.Value.People);
        Assert.Equal(TestPeople.Megan, plan.AnswerTo("delivery-contacts")!.Provenance.AnsweredBy);
        Assert.Equal("On-call rota in the web-release channel, phone +44 20 7946 0000", plan.AnswerTo("delivery-contacts")!.Value.Text);
        Assert.All(
            plan.Answers.Values.Where(a => PlanChecklist.Get(a.QuestionId).Section != Section.DeliveryTeam),
            a => Assert.Equal(TestPeople.Dana, a.Provenance.AnsweredBy));
        Assert.Null(plan.AnswerTo("support"));

        await dana.Send("show");
        dana.ExpectReplyContaining("  delivery-contacts: On-call rota in the web-release channel, phone +44 20 7946 0000 [by Megan Bowen]");
    }

    [Fact]
    public async Task Release_channel_summary_is_posted_on_assignment_and_updated_as_the_section_completes()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await OwnerAtDeliveryTeamAsync();

        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        var posted = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
        Assert.Equal(PlanningSteps.ReleaseChannelId, posted.To.ConversationId);
        Assert.Equal(PostKeys.Summary, posted.Reply.PostKey);
        Assert.StartsWith("summary ", posted.Heading, StringComparison.Ordinal);
        Assert.Contains("section 6 Delivery team (with Megan Bowen)\n", posted.Text, StringComparison.Ordinal);
        var remembered = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts[PostKeys.Summary];

        var megan = MegansChat();
        await megan.Send("<at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Alex));

        var halfway = Assert.Single(megan.Replies, r => r.Reply.Mode == DeliveryMode.Update);
        Assert.Equal(remembered.ActivityId, halfway.Reply.UpdateActivityId);
        Assert.Equal(PlanningSteps.ReleaseChannelId, halfway.To.ConversationId);
        Assert.Contains("section 6 Delivery team (with Megan Bowen)\n", halfway.Text, StringComparison.Ordinal);

        await megan.Send("On-call rota in the web-release channel");

        // The same post, updated in place: the section now shows complete.
        var done = Assert.Single(megan.Replies, r => r.Reply.Mode == DeliveryMode.Update);
        Assert.Equal(remembered.ActivityId, done.Reply.UpdateActivityId);
        Assert.Contains("section 6 Delivery team (complete)\n", done.Text, StringComparison.Ordinal);
        var percent = world.PlanOf("Contoso.Web", "2.4").Completeness().Percent;
        Assert.StartsWith($"summary {percent}% ", done.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_release_channel_no_summary_is_posted()
    {
        var dana = await OwnerAtDeliveryTeamAsync();

        await dana.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.NewThread);
        Assert.Single(world.PlanOf("Contoso.Web", "2.4").Assignments);
        Assert.False(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Posts.ContainsKey(PostKeys.Summary));
    }

    [Fact]
    public async Task Assignee_named_by_email_is_found_among_the_release_channels_members()
    {
        world.People.Join(TestPeople.Alex, TestPeople.Megan);
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = await OwnerAtDeliveryTeamAsync();

        await dana.Send("assign delivery megan@contoso.com");

        var direct = Assert.Single(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Equal(TestPeople.Megan.Id, direct.Reply.Recipient!.Id);
        Assert.Equal(TestPeople.Megan.Id, Assert.Single(world.PlanOf("Contoso.Web", "2.4").Assignments).Assignee.Id);
    }

    [Fact]
    public async Task Assignee_named_by_email_who_cannot_be_found_is_refused()
    {
        var dana = await OwnerAtDeliveryTeamAsync();

        await dana.Send("assign 6 megan@contoso.com");

        dana.ExpectReplyContaining("I can't find megan@contoso.com to write to them. @mention them instead (`assign 6 @name`)");
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Empty(world.PlanOf("Contoso.Web", "2.4").Assignments);
    }

    [Fact]
    public async Task Approvers_section_cannot_be_assigned()
    {
        var dana = await OwnerAtDeliveryTeamAsync();

        await dana.Send("assign 5 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        dana.ExpectReplyContaining("Section 5, the approvers, stays with the plan's owner.");
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Empty(world.PlanOf("Contoso.Web", "2.4").Assignments);
    }

    [Fact]
    public async Task Only_the_owner_may_assign_sections()
    {
        await OwnerAtDeliveryTeamAsync();
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");

        await alex.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        alex.ExpectReplyContaining("Only the plan's owner, Dana Owner, may assign sections.");
        Assert.DoesNotContain(alex.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Empty(world.PlanOf("Contoso.Web", "2.4").Assignments);
    }

    /// <summary>Dana has answered sections 1 to 5 of Contoso.Web 2.4; the delivery team is next.</summary>
    private async Task<ChatScript> OwnerAtDeliveryTeamAsync()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("delivery-team", world.Now);
        return dana;
    }

    /// <summary>
    /// Megan's personal chat with the bot, as the assignment's delivery attached it to the plan: the
    /// conversation the stored assignee session was positioned for.
    /// </summary>
    private ChatScript MegansChat()
    {
        var document = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!;
        var session = Assert.Single(document.Sessions.Values, s => s.AssignedOnly);
        Assert.Equal("delivery-team", session.Cursor);
        var chat = session.Reference ?? throw new Xunit.Sdk.XunitException("The assignee's session has no conversation.");
        return world.Chat(TestPeople.Megan, conversationId: chat.ConversationId);
    }
}
