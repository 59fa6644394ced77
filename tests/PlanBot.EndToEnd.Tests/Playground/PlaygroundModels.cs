// What the Agents Playground driver hands back to tests: the bot's messages as the emulated Teams
// client saw them, the calls the playground made to the bot, and the outcome of one turn.
using System.Text.Json.Nodes;

namespace PlanBot.EndToEnd.Tests.Playground;

/// <summary>An @mention in a message typed into the playground: <c>Text</c> must occur in the message text.</summary>
/// <param name="Id">The mentioned account's id (a user id or the bot id).</param>
/// <param name="Text">The mention markup, e.g. <c>&lt;at&gt;PlanBot&lt;/at&gt;</c>.</param>
public sealed record PlaygroundMention(string Id, string Text);

public sealed record BotAttachment(string ContentType, JsonNode? Content)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public bool IsAdaptiveCard => ContentType == AdaptiveCardContentType;
}

/// <summary>A message the bot posted, in its latest state (an update replaces text and attachments).</summary>
/// <param name="ConversationId">Where the emulated client shows it: a chat, a channel, or a channel post thread
/// (<c>channelId;messageid=...</c>).</param>
/// <param name="PostConversationId">Set when the bot started a new channel post: the thread's conversation id.</param>
/// <param name="MessageId">The id the bot got back from the Connector; updates and <c>replyToId</c> use it.</param>
/// <param name="Revision">0 as created, one more for each update.</param>
public sealed record BotMessage(
    string ConversationId,
    string? PostConversationId,
    string MessageId,
    string? Text,
    string? TextFormat,
    IReadOnlyList<BotAttachment> Attachments,
    string? AttachmentLayout,
    DateTimeOffset Timestamp,
    int Revision,
    JsonObject Raw)
{
    public IEnumerable<BotAttachment> AdaptiveCards => Attachments.Where(a => a.IsAdaptiveCard);

    public override string ToString() =>
        $"[{ConversationId} #{MessageId} r{Revision}] {Text}{(Attachments.Count > 0 ? $" (+{Attachments.Count} attachment(s): {string.Join(", ", Attachments.Select(a => a.ContentType))})" : string.Empty)}";
}

public enum BotMessageAction
{
    Created,
    Updated,
    Typing,
}

/// <summary>One frame of the playground's conversation stream.</summary>
/// <param name="Message">The message as carried by this frame; null for typing.</param>
public sealed record BotMessageEvent(BotMessageAction Action, string ConversationId, BotMessage? Message, DateTimeOffset ReceivedAt, JsonObject Raw);

/// <summary>One activity the playground delivered to the bot, with the bot's HTTP answer.</summary>
public sealed record PlaygroundBotCall(
    string? ConversationId,
    string? ActivityType,
    string? ActivityId,
    int StatusCode,
    JsonObject? Activity,
    JsonNode? ResponseBody,
    JsonObject Raw)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>A warning or error the playground logged, e.g. "Cannot connect to your app".</summary>
public sealed record PlaygroundProblem(string? ConversationId, string Level, string Text, JsonObject Raw);

/// <summary>Everything that happened from sending something to the bot until the turn went quiet.</summary>
public sealed class PlaygroundTurn
{
    internal PlaygroundTurn(
        IReadOnlyList<BotMessageEvent> events,
        IReadOnlyList<BotMessage> messages,
        IReadOnlyList<PlaygroundBotCall> botCalls,
        IReadOnlyList<PlaygroundProblem> problems,
        string? userMessageId,
        string? postConversationId)
    {
        Events = events;
        Messages = messages;
        BotCalls = botCalls;
        Problems = problems;
        UserMessageId = userMessageId;
        PostConversationId = postConversationId;
    }

    /// <summary>The conversation-stream frames seen during the turn, in order.</summary>
    public IReadOnlyList<BotMessageEvent> Events { get; }

    /// <summary>The messages the bot created or updated during the turn, in their state at the turn's end, in order of first appearance.</summary>
    public IReadOnlyList<BotMessage> Messages { get; }

    /// <summary>The messages the bot created during the turn (latest state).</summary>
    public IReadOnlyList<BotMessage> Created =>
        Messages.Where(m => Events.Any(e => e.Action == BotMessageAction.Created && e.Message?.MessageId == m.MessageId)).ToList();

    /// <summary>The texts of <see cref="Messages"/> that have text.</summary>
    public IReadOnlyList<string> Texts => Messages.Where(m => m.Text is not null).Select(m => m.Text!).ToList();

    public IReadOnlyList<PlaygroundBotCall> BotCalls { get; }

    public IReadOnlyList<PlaygroundProblem> Problems { get; }

    /// <summary>The playground's id for the user's message (from the messages API), when one was typed.</summary>
    public string? UserMessageId { get; }

    /// <summary>When the user started a new channel post: the thread's conversation id (<c>channelId;messageid=...</c>).</summary>
    public string? PostConversationId { get; }

    internal PlaygroundTurn WithUserMessage(string? userMessageId, string? postConversationId) =>
        new(Events, Messages, BotCalls, Problems, userMessageId, postConversationId);

    /// <summary>Throws unless every call to the bot was answered 2xx and the playground logged no problem.</summary>
    public PlaygroundTurn EnsureBotSucceeded()
    {
        var failures = BotCalls.Where(c => !c.Succeeded).Select(c => $"{c.ActivityType} {c.ActivityId} answered {c.StatusCode}: {c.ResponseBody?.ToJsonString()}")
            .Concat(Problems.Select(p => $"{p.Level}: {p.Text}"))
            .ToList();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("The bot's turn failed:\n" + string.Join('\n', failures));
        }

        return this;
    }

    public override string ToString() =>
        $"{BotCalls.Count} bot call(s) [{string.Join(", ", BotCalls.Select(c => $"{c.ActivityType}:{c.StatusCode}"))}], " +
        $"{Messages.Count} message(s):{string.Concat(Messages.Select(m => "\n  " + m))}" +
        string.Concat(Problems.Select(p => $"\n  {p.Level}: {p.Text}"));
}

/// <summary>The outcome of an invoke: what the playground answered (the bot's <c>{type, value}</c>) and the turn.</summary>
public sealed record PlaygroundInvokeResult(JsonNode? Response, PlaygroundTurn Turn);
