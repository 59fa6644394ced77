using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>
/// A conversation as a script: <c>await chat.Send("plan Contoso.Web 2.4"); chat.ExpectQuestion("features");</c>.
/// Each <see cref="Send"/> is one inbound activity; the Expect methods look at the replies that
/// activity's turn delivered.
/// </summary>
public sealed class ChatScript
{
    private readonly BotWorld world;
    private Turn? lastTurn;

    public ChatScript(BotWorld world, BotHost bot, PersonRef user, ConversationRef conversation)
    {
        this.world = world;
        Bot = bot;
        User = user;
        Conversation = conversation;
    }

    public BotHost Bot { get; }

    public PersonRef User { get; }

    public ConversationRef Conversation { get; }

    /// <summary>The sender belongs to another organisation (a Slack Connect channel's guest), on every turn when set.</summary>
    public bool FromOutside { get; set; }

    /// <summary>The sender's IANA zone, sent with every turn when set.</summary>
    public string? TimeZone { get; set; }

    public RecordingReplyChannel Channel { get; } = new();

    /// <summary>What the last turn delivered, in order.</summary>
    public IReadOnlyList<DeliveredReply> Replies { get; private set; } = [];

    public TurnOutcome? Outcome { get; private set; }

    public string LastReply => Replies.Count > 0 ? Replies[^1].Text : throw new Xunit.Sdk.XunitException("The last turn delivered no reply.");

    /// <summary>The same person in the same conversation, reaching another host.</summary>
    public ChatScript Via(BotHost other) => new(world, other, User, Conversation) { TimeZone = TimeZone, lastTurn = lastTurn };

    public Task<TurnOutcome> Send(string text, params Mention[] mentions)
    {
        var id = world.NextActivityId();
        return Deliver(new Turn(TurnKind.Message, id, Conversation, User, text, mentions, TimeZone, FromOutside: FromOutside));
    }

    /// <summary>Presses a button on a card in this conversation, as the channel adapters read it.</summary>
    public Task<TurnOutcome> Press(TurnAction action) =>
        Deliver(new Turn(TurnKind.Action, world.NextActivityId(), Conversation, User, string.Empty, [], TimeZone, action, FromOutside));

    /// <summary>Delivers the last activity again, with the same id, as Teams and Slack retries do.</summary>
    public Task<TurnOutcome> Redeliver() =>
        Deliver(lastTurn ?? throw new InvalidOperationException("Nothing was sent yet."));

    /// <summary>
    /// The question the bot waits for a typed answer to, from its question card or its section form,
    /// and whether the answer it has now was carried over and not confirmed.
    /// </summary>
    public (string QuestionId, bool CarriedOver) Asked
    {
        get
        {
            Assert.NotEmpty(Replies);
            var reply = Replies[^1];
            if (reply.Heading.StartsWith("question ", StringComparison.Ordinal))
            {
                return (reply.Heading.Split(' ')[1], reply.Text.Contains("(carried over, not confirmed)", StringComparison.Ordinal));
            }

            var asks = System.Text.RegularExpressions.Regex.Match(reply.Heading, @"\(asks (?<id>[a-z\-]+)\)$");
            Assert.True(asks.Success, $"The last reply asks nothing:\n{reply.Text}");
            var id = asks.Groups["id"].Value;
            var line = reply.Text.Split('\n').Single(l => l.StartsWith($"field {id}: ", StringComparison.Ordinal));
            return (id, line.Contains("[carried over]", StringComparison.Ordinal));
        }
    }

    /// <summary>The bot waits for an answer to <paramref name="questionId"/>: its question card, or the form of its section asking it first.</summary>
    public void ExpectQuestion(string questionId)
    {
        Assert.NotEmpty(Replies);
        var heading = Replies[^1].Heading;
        Assert.True(
            heading.StartsWith($"question {questionId} (", StringComparison.Ordinal)
            || (heading.StartsWith("form section ", StringComparison.Ordinal) && heading.EndsWith($"(asks {questionId})", StringComparison.Ordinal)),
            $"Expected the bot to ask {questionId}; its last reply was:\n{Replies[^1].Text}");
    }

    public void ExpectReplyContaining(string text) =>
        Assert.True(
            Replies.Any(r => r.Text.Contains(text, StringComparison.Ordinal)),
            $"No reply contains \"{text}\". Replies:\n{string.Join("\n---\n", Replies.Select(r => r.Text))}");

    public void ExpectNoReplyContaining(string text) =>
        Assert.DoesNotContain(Replies, r => r.Text.Contains(text, StringComparison.Ordinal));

    public void ExpectNoReply() => Assert.Empty(Replies);

    /// <summary>The headings of the last turn's replies, in order: <c>["notice Success", "summary 100% ..."]</c>.</summary>
    public IReadOnlyList<string> Headings => Replies.Select(r => r.Heading).ToList();

    private async Task<TurnOutcome> Deliver(Turn turn)
    {
        lastTurn = turn;
        var before = Channel.Sent.Count;
        Outcome = await Bot.Processor.ProcessAsync(turn, Channel, CancellationToken.None);
        Replies = Channel.Sent.Skip(before).ToList();
        return Outcome;
    }
}
