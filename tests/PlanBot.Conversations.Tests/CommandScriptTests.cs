using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>The commands around the interview: help, status, show, cancel and reopening, and talk before any plan.</summary>
public sealed class CommandScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Help_lists_every_command()
    {
        var chat = world.Chat();

        await chat.Send("help");

        Assert.Equal("help", Assert.Single(chat.Replies).Heading);
        foreach (var usage in new[] { "plan <product> <version>", "status", "show", "edit <section>", "skip", "back", "cancel", "list [page]", "help" })
        {
            chat.ExpectReplyContaining($"- {usage}: ");
        }
    }

    [Fact]
    public async Task Help_mid_interview_does_not_move_the_interview()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("help");

        await chat.Send("Checkout v2");

        chat.ExpectQuestion("valuable-features");
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("What features must be deployed?")]
    public async Task Text_before_any_plan_gets_the_start_hint(string text)
    {
        var chat = world.Chat();

        await chat.Send(text);

        chat.ExpectReplyContaining("I'm not working on a plan in this conversation yet. Start a plan with `plan <product> <version>`, for example `plan Contoso.Web 2.4`.");
        Assert.Equal(0, world.Store.PlanCount);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("show")]
    [InlineData("skip")]
    [InlineData("edit 3")]
    public async Task Plan_command_before_any_plan_gets_the_start_hint(string command)
    {
        var chat = world.Chat();

        await chat.Send(command);

        chat.ExpectReplyContaining("Start a plan with `plan <product> <version>`");
    }

    [Fact]
    public async Task Plan_without_product_and_version_says_what_it_needs()
    {
        var chat = world.Chat();

        await chat.Send("plan");

        chat.ExpectReplyContaining("Tell me the product and the version: `plan <product> <version>`");
        Assert.Equal(0, world.Store.PlanCount);
    }

    [Fact]
    public async Task Status_shows_how_complete_the_plan_is_and_what_is_missing()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");

        await chat.Send("status");

        Assert.StartsWith($"summary {100 / PlanChecklist.Count}% (1/{PlanChecklist.Count}) of Contoso.Web 2.4", chat.LastReply, StringComparison.Ordinal);
        chat.ExpectReplyContaining($"missing: 1. {PlanChecklist.Get("valuable-features").Text}");
        chat.ExpectNoReplyContaining($"missing: 1. {PlanChecklist.Get("features").Text}");
    }

    [Fact]
    public async Task Show_lists_every_section_with_its_answers_and_who_gave_them()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");

        await chat.Send("show");

        Assert.Contains(", in full", Assert.Single(chat.Replies).Heading, StringComparison.Ordinal);
        foreach (var section in SectionInfo.All)
        {
            chat.ExpectReplyContaining($"section {section.Number} {section.Title}");
        }

        chat.ExpectReplyContaining("features: Checkout v2 [by Dana Owner]");
        chat.ExpectReplyContaining("risks: (no answer)");
    }

    [Fact]
    public async Task Cancel_then_plan_reopens_the_plan_with_its_answers()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("available-by", world.Now);

        await chat.Send("cancel");
        chat.ExpectReplyContaining("Cancelled the plan for Contoso.Web 2.4. Nothing is deleted: `plan Contoso.Web 2.4` reopens it with every answer.");
        Assert.Equal(PlanState.Cancelled, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.State);

        await chat.Send("Some answer");
        chat.ExpectReplyContaining("I'm not working on a plan in this conversation yet.");

        await chat.Send("plan Contoso.Web 2.4");
        chat.ExpectReplyContaining($"Reopened the plan for Contoso.Web 2.4 ({4 * 100 / PlanChecklist.Count}% complete, a draft).");
        chat.ExpectQuestion("available-by");
        var plan = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan;
        Assert.Equal(PlanState.Draft, plan.State);
        Assert.Equal(4, plan.Answers.Count);
    }

    [Fact]
    public async Task Cancel_by_someone_other_than_the_owner_is_refused()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");

        await alex.Send("cancel");

        alex.ExpectReplyContaining("Only the plan's owner, Dana Owner, may cancel it.");
        alex.ExpectQuestion("features");
        Assert.Equal(PlanState.Draft, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.State);
    }
}
