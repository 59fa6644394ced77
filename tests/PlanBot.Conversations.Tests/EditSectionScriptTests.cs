using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests;

/// <summary><c>edit &lt;section&gt;</c> re-asks one section, then the interview goes back to what is open.</summary>
public sealed class EditSectionScriptTests
{
    private readonly BotWorld world = new();

    private async Task<ChatScript> InterviewUpTo(string questionId)
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo(questionId, world.Now);
        return chat;
    }

    [Theory]
    [InlineData("edit 3")]
    [InlineData("edit risks")]
    [InlineData("edit Risks and issues")]
    public async Task Edit_asks_the_sections_question_then_returns_to_the_open_questions(string command)
    {
        var chat = await InterviewUpTo("deployment-window");

        await chat.Send(command);
        chat.ExpectQuestion("risks");
        chat.ExpectReplyContaining("note: Editing section 3, Risks and issues.");

        await chat.Send("Payment provider freeze in the window");
        chat.ExpectQuestion("deployment-window");
        chat.ExpectReplyContaining("note: Saved. Section 3 is done; back to the open questions.");
        Assert.Equal("Payment provider freeze in the window", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("risks")!.Value.Text);
    }

    [Fact]
    public async Task Edit_walks_every_question_of_the_section_showing_current_answers()
    {
        var chat = await InterviewUpTo("risks");

        await chat.Send("edit 1");
        chat.ExpectQuestion("features");
        chat.ExpectReplyContaining("current: Answer to features");

        await chat.Send("skip");
        chat.ExpectQuestion("valuable-features");
        await chat.Send("Saved carts");
        chat.ExpectQuestion("components");
        await chat.Send("skip");
        chat.ExpectQuestion("why");
        await chat.Send("skip");

        chat.ExpectQuestion("risks");
        var plan = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan;
        Assert.Equal("Answer to features", plan.AnswerTo("features")!.Value.Text);
        Assert.Equal("Saved carts", plan.AnswerTo("valuable-features")!.Value.Text);
    }

    [Fact]
    public async Task Edit_of_a_finished_plan_ends_with_the_summary_again()
    {
        var chat = await InterviewUpTo("done");
        await chat.AnswerValidly("done", world.Now);
        await chat.AnswerValidly("success-evidence", world.Now);
        foreach (var question in PlanChecklist.In(Section.Backout))
        {
            await chat.AnswerValidly(question.Id, world.Now);
        }

        await chat.Send("edit success");
        chat.ExpectQuestion("done");
        await chat.Send("When the smoke tests pass in every region");
        chat.ExpectQuestion("success-evidence");
        await chat.Send("skip");

        Assert.StartsWith("summary 100%", chat.LastReply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edit bananas", "There is no section \"bananas\".")]
    [InlineData("edit 10", "There is no section \"10\".")]
    [InlineData("edit", "Which section?")]
    public async Task Edit_of_an_unknown_section_lists_the_sections(string command, string problem)
    {
        var chat = await InterviewUpTo("why");

        await chat.Send(command);

        chat.ExpectReplyContaining(problem);
        foreach (var section in SectionInfo.All)
        {
            chat.ExpectReplyContaining($"{section.Number} {section.Title}");
        }

        Assert.Equal("why", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Sessions[chat.Conversation.Key].Cursor);
    }
}
