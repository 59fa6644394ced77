using PlanBot.Cards.Actions;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>What pressing a card's button did: the turn's outcome (with the card it answered with) and what it delivered.</summary>
public sealed record CardPress(TurnOutcome Outcome, IReadOnlyList<DeliveredReply> Replies)
{
    /// <summary>The test rendering of the card the press answered with.</summary>
    public string Card => Outcome.InvokeReply?.Text ?? throw new Xunit.Sdk.XunitException("The press was answered with no card.");

    public string Text => string.Join("\n---\n", Replies.Select(r => r.Text));
}

/// <summary>Card buttons pressed in a script's conversation by verb and data, read as Teams and Slack read them into an action turn.</summary>
public static class CardPresses
{
    public static async Task<CardPress> Press(this BotWorld world, ChatScript chat, string verb, params (string Key, string Value)[] data)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(chat);
        // The same reader of card data the Teams and Slack adapters use.
        var action = CardActions.Read(verb, data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
        var turn = new Turn(TurnKind.Action, world.NextActivityId(), chat.Conversation, chat.User, string.Empty, [], chat.TimeZone, action);
        var before = chat.Channel.Sent.Count;
        var outcome = await chat.Bot.Processor.ProcessAsync(turn, chat.Channel, CancellationToken.None);
        return new CardPress(outcome, chat.Channel.Sent.Skip(before).ToList());
    }
}
