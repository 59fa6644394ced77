using System.Collections.Concurrent;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Slack.Delivery;

/// <summary>A view one turn posted: what it was, where it went, and the message Slack made of it.</summary>
public sealed record PostedView(View View, ConversationRef To, DeliveryReceipt Receipt);

/// <summary>
/// What one turn showed in Slack: the views <see cref="SlackReplyChannel"/> rendered for it and, of
/// those, the ones it posted and where. The engine hands a pressed card one view back (the turn's
/// outcome); a section's modal also needs the next section's form the turn posted as a reply, to
/// go on to it, and that message's ts, to replace it with its read-back later. It lives in the
/// turn's async flow, so turns running side by side never see each other's.
/// </summary>
public sealed class SlackTurnTrace
{
    private static readonly AsyncLocal<SlackTurnTrace?> CurrentTrace = new();
    private readonly ConcurrentDictionary<RenderedReply, View> rendered = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentQueue<PostedView> posted = new();

    private SlackTurnTrace()
    {
    }

    internal static SlackTurnTrace? Current => CurrentTrace.Value;

    /// <summary>What this turn posted, in order.</summary>
    public IReadOnlyList<PostedView> Posted => [.. posted];

    /// <summary>Starts tracing the calling async flow (the turn about to run); the flow that called it is not affected.</summary>
    public static SlackTurnTrace Start()
    {
        var trace = new SlackTurnTrace();
        CurrentTrace.Value = trace;
        return trace;
    }

    internal void Rendered(View view, RenderedReply reply) => rendered[reply] = view;

    /// <summary>
    /// Only replies rendered in this turn count: owed replies of earlier turns go out with it too, and a
    /// commit that lost a race renders its replies again, the lost ones never sent.
    /// </summary>
    internal void Sent(ConversationRef to, OwedReply reply, DeliveryReceipt receipt)
    {
        if (rendered.TryGetValue(reply.Reply, out var view))
        {
            posted.Enqueue(new PostedView(view, to, receipt));
        }
    }
}
