using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// The documents one turn reads and changes, and the views it owes. The engine mutates this; the
/// processor writes every touched document back in one commit.
/// </summary>
public sealed class TurnWork
{
    private readonly Dictionary<string, Versioned<PlanDocument>> touchedPlans = new(StringComparer.Ordinal);

    public TurnWork(Turn turn, DateTimeOffset now, Versioned<ConversationDocument> conversation, Versioned<PlanDocument>? active)
    {
        Turn = turn;
        Now = now;
        Conversation = conversation;
        Active = active;
    }

    public Turn Turn { get; }

    public DateTimeOffset Now { get; }

    public Versioned<ConversationDocument> Conversation { get; }

    public bool ConversationChanged { get; set; }

    public Versioned<PlanDocument>? Active { get; private set; }

    public List<View> Replies { get; } = [];

    /// <summary>Messages for other conversations or to update earlier posts, delivered after the commit.</summary>
    public List<PendingPost> Posts { get; } = [];

    /// <summary>The synchronous answer to a card action (Teams invoke), when the engine has one.</summary>
    public View? InvokeResponse { get; set; }

    public PersonRef From => Turn.From;

    public string Key => Turn.Conversation.Key;

    /// <summary>
    /// Where a direct message to someone of this turn's tenant goes: the channel opens (or finds) the
    /// personal chat with the recipient, so the conversation id is left for it to fill in.
    /// </summary>
    public ConversationRef PersonalChat => Turn.Conversation with { ConversationId = string.Empty, Kind = ConversationKind.Personal };

    public IEnumerable<Versioned<PlanDocument>> TouchedPlans => touchedPlans.Values;

    /// <summary>The session of this conversation: inside the active plan when there is one, else in the pointer.</summary>
    public ConversationSession Session
    {
        get
        {
            if (Active is null)
            {
                return Conversation.Document.Session;
            }

            var sessions = Active.Document.Sessions;
            if (!sessions.TryGetValue(Key, out var session))
            {
                session = new ConversationSession { Reference = Turn.Conversation };
                sessions[Key] = session;
            }

            return session;
        }
    }

    public void Reply(View view) => Replies.Add(view);

    /// <summary>
    /// Answers a pressed card: in its place where the channel does that (<see cref="Turn.ReplacesCard"/>),
    /// else as a reply.
    /// </summary>
    public void Answer(View view)
    {
        InvokeResponse = view;
        if (!Turn.ReplacesCard)
        {
            Reply(view);
        }
    }

    public void Post(View view, ConversationRef to, DeliveryMode mode, string? updateActivityId = null, string? postKey = null, PersonRef? recipient = null) =>
        Posts.Add(new PendingPost(view, to, mode, updateActivityId, postKey, recipient));

    /// <summary>
    /// Sends <paramref name="view"/> to <paramref name="recipient"/> in a personal chat after the
    /// commit, without keeping it in the stored outbox: for a secret shown once (a gate key), which
    /// must never be written to the store. If the send fails it is lost, not sent again.
    /// </summary>
    public void PostUnstored(View view, PersonRef recipient) =>
        Posts.Add(new PendingPost(view, PersonalChat, DeliveryMode.Direct, null, null, recipient, Unstored: true));

    public void Touch(Versioned<PlanDocument> plan) => touchedPlans[plan.Document.Plan.Id] = plan;

    /// <summary>
    /// The activities a conversation consumed follow it to the session it moves to, so a redelivery
    /// after a switch of plans is still recognised (and is not answered into the new plan).
    /// </summary>
    private static void CarryConsumed(ConversationSession from, ConversationSession to)
    {
        if (ReferenceEquals(from, to))
        {
            return;
        }

        foreach (var consumed in from.Consumed.Where(c => !to.HasConsumed(c.Id)))
        {
            to.Consumed.Add(consumed);
        }
    }

    /// <summary>Makes <paramref name="plan"/> this conversation's plan, leaving the old one's position intact.</summary>
    public void Attach(Versioned<PlanDocument> plan)
    {
        var previous = Session;
        if (Active is not null && Active.Document.Plan.Id != plan.Document.Plan.Id)
        {
            previous.Attached = false;
            Touch(Active);
        }

        Active = plan;
        Touch(plan);
        var session = Session;
        session.Attached = true;
        session.Reference = Turn.Conversation;
        session.TimeZone ??= previous.TimeZone;
        CarryConsumed(previous, session);
        if (Conversation.Document.ActivePlanId != plan.Document.Plan.Id)
        {
            Conversation.Document.ActivePlanId = plan.Document.Plan.Id;
            ConversationChanged = true;
        }
    }

    /// <summary>Stops working on the active plan in this conversation.</summary>
    public void Detach()
    {
        if (Active is null)
        {
            return;
        }

        var session = Session;
        session.Attached = false;
        session.Cursor = null;
        session.EditingSection = null;
        Touch(Active);
        Active = null;
        CarryConsumed(session, Conversation.Document.Session);
        Conversation.Document.ActivePlanId = null;
        ConversationChanged = true;
    }
}

/// <summary>A view to deliver somewhere other than as a reply in the turn's conversation.</summary>
public sealed record PendingPost(View View, ConversationRef To, DeliveryMode Mode, string? UpdateActivityId, string? PostKey, PersonRef? Recipient = null, bool Unstored = false);
