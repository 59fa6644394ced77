using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>A reply is a command only when it has a command's shape; an answer that starts with a command word is still an answer.</summary>
public sealed class AnswerOrCommandScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Answer_that_starts_with_a_command_word_is_saved_as_an_answer()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");

        await chat.Send("show the new basket and the saved carts");

        chat.ExpectQuestion("valuable-features");
    }

    [Fact]
    public async Task Answer_naming_the_help_desk_is_saved_as_an_answer()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("support", world.Now);

        await chat.Send("Help desk, then the web team's second line");

        chat.ExpectQuestion("support-ready");
        Assert.Equal("Help desk, then the web team's second line", world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("support")?.Value.Text);
    }

    [Theory]
    [InlineData("status please")]
    [InlineData("Back office staff in every store")]
    public async Task Command_word_followed_by_more_words_is_an_answer(string text)
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("end-users", world.Now);

        await chat.Send(text);

        chat.ExpectQuestion("training");
        Assert.Equal(text, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.AnswerTo("end-users")!.Value.Text);
    }
}
