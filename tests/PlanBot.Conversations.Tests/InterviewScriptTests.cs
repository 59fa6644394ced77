using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests;

/// <summary>The interview from the first question to the summary, and how it copes with replies it cannot use.</summary>
public sealed class InterviewScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Full_interview_ends_with_the_plan_complete()
    {
        var chat = world.Chat();

        await chat.Send("plan Contoso.Web 2.4");
        chat.ExpectQuestion("features");
        chat.ExpectReplyContaining($"Started the deployment plan for Contoso.Web 2.4. It has {SectionInfo.All.Count} sections, {PlanChecklist.Count} questions");

        foreach (var question in PlanChecklist.Questions)
        {
            await chat.AnswerValidly(question.Id, world.Now);
            Assert.Equal(Engine.TurnStatus.Processed, chat.Outcome!.Status);
            if (question != PlanChecklist.Questions[^1])
            {
                chat.ExpectReplyContaining("note: Saved.");
            }
        }

        chat.ExpectReplyContaining("That was the last question: the plan for Contoso.Web 2.4 is 100% complete.");
        Assert.StartsWith($"summary 100% ({PlanChecklist.Count}/{PlanChecklist.Count}) of Contoso.Web 2.4, a draft", chat.LastReply, StringComparison.Ordinal);

        await chat.Send("status");
        Assert.StartsWith("summary 100%", Assert.Single(chat.Replies).Heading, StringComparison.Ordinal);
        Assert.DoesNotContain("missing:", chat.LastReply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_interview_stores_typed_answers_with_who_gave_them()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");

        await chat.AnswerUpTo(stopAt: null, world.Now);

        var plan = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan;
        Assert.Equal(PlanChecklist.Count, plan.Answers.Count);
        Assert.All(plan.Answers.Values, a => Assert.Equal(TestPeople.Dana, a.Provenance.AnsweredBy));
        Assert.Equal([TestPeople.Megan, TestPeople.Alex], plan.Approvers);
        Assert.Equal(SampleAnswers.DaysAhead(world.Now, 30), DateOnly.FromDateTime(plan.AnswerTo("available-by")!.Value.DateUtc!.Value.UtcDateTime));
        Assert.Equal(TimeSpan.FromHours(4), plan.AnswerTo("deployment-window")!.Value.WindowEndUtc - plan.AnswerTo("deployment-window")!.Value.WindowStartUtc);
        Assert.True(plan.AnswerTo("training")!.Value.Yes);
        Assert.False(plan.AnswerTo("support-ready")!.Value.Yes);
        Assert.Equal([TestPeople.Alex], plan.AnswerTo("delivery-team")!.Value.People);
    }

    [Fact]
    public async Task Date_that_cannot_be_read_is_asked_again_with_the_expected_form()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("available-by", world.Now);

        await chat.Send("next Tuesday");

        chat.ExpectQuestion("available-by");
        chat.ExpectReplyContaining("problem: I could not read \"next Tuesday\" as a date. Give a date such as 2027-03-15 or 15 Mar 2027.");
        Assert.Null(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("available-by"));

        await chat.AnswerValidly("available-by", world.Now);
        chat.ExpectQuestion("deployed-by");
    }

    [Fact]
    public async Task Date_in_the_past_is_asked_again_naming_today()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("available-by", world.Now);

        await chat.Send(SampleAnswers.Iso(SampleAnswers.DaysAhead(world.Now, -3)));

        chat.ExpectQuestion("available-by");
        chat.ExpectReplyContaining("is already past (today is");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_message_mid_interview_gets_a_hint_and_the_same_question(string text)
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("why", world.Now);

        await chat.Send(text);

        chat.ExpectQuestion("why");
        chat.ExpectReplyContaining("problem: I didn't get an answer. Type it, or `skip` to leave this question for later");
    }

    [Fact]
    public async Task Answer_over_the_limit_is_refused_naming_the_limit_and_changes_no_answer()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerValidly("features", world.Now);
        var before = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!;

        await chat.Send(new string('x', 3001));

        chat.ExpectQuestion("valuable-features");
        chat.ExpectReplyContaining("That answer is 3,001 characters long; the limit is 3,000.");
        var after = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!;
        Assert.Equal(before.Plan.Revision, after.Plan.Revision);
        Assert.Equal(before.Plan.Answers, after.Plan.Answers);
        Assert.Equal(before.Plan.History.Count, after.Plan.History.Count);
        Assert.Equal("valuable-features", after.Sessions[chat.Conversation.Key].Cursor);
    }

    [Fact]
    public async Task Answer_of_exactly_the_limit_is_saved()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");

        await chat.Send(new string('x', 3000));

        chat.ExpectQuestion("valuable-features");
        Assert.Equal(3000, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("features")!.Value.Text.Length);
    }

    [Fact]
    public async Task Bare_name_for_the_approvers_is_refused_with_the_forms_that_work()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("approvers", world.Now);

        await chat.Send("Megan");

        chat.ExpectQuestion("approvers");
        chat.ExpectReplyContaining("I can't tell who \"Megan\" is from a name alone.");
        chat.ExpectReplyContaining("@mention them");
    }

    [Fact]
    public async Task Skipped_question_is_listed_as_missing_when_the_interview_ends()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("risks", world.Now);

        await chat.Send("skip");
        chat.ExpectQuestion("end-users");
        chat.ExpectReplyContaining("note: Skipped; it stays open.");

        foreach (var question in PlanChecklist.Questions.SkipWhile(q => q.Id != "end-users"))
        {
            await chat.AnswerValidly(question.Id, world.Now);
        }

        chat.ExpectReplyContaining("That was the last open question. 1 question(s) are still open");
        Assert.Contains($"missing: 3. {PlanChecklist.Get("risks").Text}", chat.LastReply, StringComparison.Ordinal);
        Assert.Single(chat.LastReply.Split('\n'), line => line.StartsWith("missing:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Back_shows_the_previous_question_with_its_current_answer()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");
        chat.ExpectQuestion("valuable-features");

        await chat.Send("back");

        chat.ExpectQuestion("features");
        chat.ExpectReplyContaining("current: Checkout v2");

        await chat.Send("Checkout v2 and saved carts");
        chat.ExpectQuestion("valuable-features");
        Assert.Equal("Checkout v2 and saved carts", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("features")!.Value.Text);
    }

    [Fact]
    public async Task Skip_after_back_keeps_the_current_answer()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");
        await chat.Send("back");

        await chat.Send("skip");

        chat.ExpectQuestion("valuable-features");
        Assert.Equal("Checkout v2", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("features")!.Value.Text);
    }

    [Fact]
    public async Task Back_on_the_first_question_says_so()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");

        await chat.Send("back");

        chat.ExpectQuestion("features");
        chat.ExpectReplyContaining("This is the first question.");
    }

    [Fact]
    public async Task Interview_resumes_at_the_same_question_on_a_restarted_host()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");

        var restarted = chat.Via(world.NewHost());
        await restarted.Send("Saved carts");

        restarted.ExpectQuestion("components");
        Assert.Equal("Saved carts", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("valuable-features")!.Value.Text);
    }
}
