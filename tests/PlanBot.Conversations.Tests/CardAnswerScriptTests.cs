using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// A card's "Save answer" and "Skip" act on the card's own plan and question. Earlier question cards
/// stay in the chat and stay clickable, so the conversation's current question must not decide where
/// their answers go.
/// </summary>
public sealed class CardAnswerScriptTests
{
    private readonly BotWorld world = new();

    private Plan Plan(string product = "Contoso.Web", string version = "2.4") => world.PlanOf(product, version);

    private static string? Answer(Plan plan, string questionId) => plan.AnswerTo(questionId)?.Value.Text;

    private async Task<ChatScript> InterviewUpTo(string questionId, string product = "Contoso.Web")
    {
        var chat = world.Chat();
        await chat.Send($"plan {product} 2.4");
        await chat.AnswerUpTo(questionId, world.Now);
        return chat;
    }

    [Fact]
    public async Task An_earlier_card_answers_its_own_question_and_the_interview_stays_where_it_was()
    {
        var chat = await InterviewUpTo("available-by");
        var before = Plan();

        await chat.Press(new AnswerAction(before.Id, "features", "Checkout v3"));

        chat.ExpectQuestion("available-by");
        chat.ExpectReplyContaining("note: Saved to question 1 (\"What features must be deployed?\"). Back to the open question:");
        var after = Plan();
        Assert.Equal("Checkout v3", Answer(after, "features"));
        Assert.Null(Answer(after, "available-by"));
        Assert.Equal(before.Revision + 1, after.Revision);

        // The open question is still answered by the next typed reply.
        await chat.AnswerValidly("available-by", world.Now);
        chat.ExpectQuestion("deployed-by");
    }

    [Fact]
    public async Task An_earlier_card_is_read_as_its_own_questions_kind()
    {
        var chat = await InterviewUpTo("risks");
        var before = Plan();

        await chat.Press(new AnswerAction(before.Id, "available-by", "as soon as possible"));

        chat.ExpectQuestion("available-by");
        Assert.Contains("problem:", chat.LastReply, StringComparison.Ordinal);
        Assert.Equal(before.Revision, Plan().Revision);
        Assert.Equal(Answer(before, "available-by"), Answer(Plan(), "available-by"));

        // The refusal's card asks the earlier question again, and the conversation has not moved.
        await chat.Send("Payment provider freeze");
        Assert.Equal("Payment provider freeze", Answer(Plan(), "risks"));
    }

    [Fact]
    public async Task The_current_card_answers_and_moves_on_as_a_typed_answer_does()
    {
        var chat = await InterviewUpTo("components");

        await chat.Press(new AnswerAction(Plan().Id, "components", "web 3.0.1, api 2.2"));

        chat.ExpectQuestion("why");
        chat.ExpectReplyContaining("note: Saved.");
        Assert.Equal("web 3.0.1, api 2.2", Answer(Plan(), "components"));
    }

    [Fact]
    public async Task Skip_on_an_earlier_card_skips_nothing_and_keeps_the_open_question()
    {
        var chat = await InterviewUpTo("risks");
        var before = Plan();

        await chat.Press(new SkipAction(before.Id, "features"));

        chat.ExpectQuestion("risks");
        chat.ExpectReplyContaining("Nothing to skip: question 1 (\"What features must be deployed?\") is not the open question");
        Assert.Equal(before.Revision, Plan().Revision);
        Assert.Equal(Answer(before, "features"), Answer(Plan(), "features"));
    }

    [Fact]
    public async Task Skip_on_the_current_card_skips_the_open_question()
    {
        var chat = await InterviewUpTo("risks");

        await chat.Press(new SkipAction(Plan().Id, "risks"));

        chat.ExpectQuestion("end-users");
        chat.ExpectReplyContaining("note: Skipped; it stays open.");
    }

    [Fact]
    public async Task A_card_of_a_submitted_plan_is_refused_and_changes_nothing()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var chat = await world.CompletePlan("Contoso.Web", "2.4", new Dictionary<string, string> { ["approvers"] = "alex@contoso.com" });
        await chat.Send("submit");
        var before = Plan();
        Assert.Equal(PlanState.InReview, before.State);

        await chat.Press(new AnswerAction(before.Id, "features", "Checkout v3"));

        chat.ExpectReplyContaining("That card is from before the plan for Contoso.Web 2.4 was submitted. To change an answer now, type `edit 1`. Nothing was saved.");
        var after = Plan();
        Assert.Equal(before.Revision, after.Revision);
        Assert.Equal(PlanState.InReview, after.State);
        Assert.Equal(Answer(before, "features"), Answer(after, "features"));
    }

    [Fact]
    public async Task A_card_of_a_cancelled_plan_is_refused_and_changes_nothing()
    {
        var chat = await InterviewUpTo("risks");
        var planId = Plan().Id;
        await chat.Send("cancel");

        await chat.Press(new AnswerAction(planId, "features", "Checkout v3"));

        chat.ExpectReplyContaining("That card belongs to the plan for Contoso.Web 2.4, and this conversation works on no plan now. Nothing was saved: `plan Contoso.Web 2.4` goes back to it.");
        Assert.Equal("Answer to features", Answer(Plan(), "features"));
        Assert.Equal(PlanState.Cancelled, Plan().State);
    }

    [Fact]
    public async Task A_card_of_another_plan_than_the_conversations_is_refused_and_changes_neither()
    {
        var chat = await InterviewUpTo("risks");
        var first = Plan();
        await chat.Send("plan Contoso.Api 1.0");
        chat.ExpectQuestion("features");

        await chat.Press(new AnswerAction(first.Id, "risks", "Payment provider freeze"));

        chat.ExpectQuestion("features");
        chat.ExpectReplyContaining("problem: That card belongs to the plan for Contoso.Web 2.4, and this conversation now works on the plan for Contoso.Api 1.0.");
        Assert.Null(Answer(Plan(), "risks"));
        Assert.Null(Answer(Plan("Contoso.Api", "1.0"), "risks"));
        Assert.Equal(first.Revision, Plan().Revision);
    }

    [Fact]
    public async Task A_card_of_a_plan_that_is_not_in_this_tenant_is_refused()
    {
        var other = world.Chat(tenant: "msteams:tenant-fabrikam");
        await other.Send("plan Fabrikam.Web 1.0");
        var foreign = world.Store.PlanOf("msteams:tenant-fabrikam", "Fabrikam.Web", "1.0")!.Plan;
        var chat = await InterviewUpTo("features");

        await chat.Press(new AnswerAction(foreign.Id, "features", "Checkout v3"));

        chat.ExpectReplyContaining("That card's plan does not exist here any more. Nothing was saved.");
        Assert.Empty(world.Store.PlanOf("msteams:tenant-fabrikam", "Fabrikam.Web", "1.0")!.Plan.Answers);
        Assert.Empty(Plan().Answers);
    }

    [Fact]
    public async Task A_card_whose_question_the_checklist_no_longer_has_is_refused()
    {
        var chat = await InterviewUpTo("risks");
        var before = Plan();

        await chat.Press(new AnswerAction(before.Id, "retired-question", "Anything"));

        chat.ExpectQuestion("risks");
        chat.ExpectReplyContaining("problem: That card asks a question the checklist no longer has. Nothing was saved.");
        Assert.Equal(before.Revision, Plan().Revision);
    }

    [Fact]
    public async Task An_assignee_card_outside_the_assigned_section_is_refused()
    {
        var owner = await InterviewUpTo("risks");
        await owner.Send("assign 6 <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));
        var megan = world.Chat(TestPeople.Megan, conversationId: Fakes.RecordingReplyChannel.DirectChatId(TestPeople.Megan));
        var before = Plan();

        await megan.Press(new AnswerAction(before.Id, "features", "Checkout v3"));

        megan.ExpectReplyContaining("You were asked section 6 of this plan; that card's question belongs to section 1. Nothing was saved.");
        Assert.Equal(Answer(before, "features"), Answer(Plan(), "features"));
    }
}
