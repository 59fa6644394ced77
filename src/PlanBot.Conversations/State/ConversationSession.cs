using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.State;

/// <summary>
/// Where one conversation stands: the question it is being asked, the activities it has consumed
/// and the replies it still owes. It is stored inside the plan the conversation works on, so an
/// answer, the new position, the consumed id and the replies are one conditional write.
/// </summary>
public sealed class ConversationSession
{
    public static readonly TimeSpan ConsumedRetention = TimeSpan.FromDays(1);

    public const int MaxConsumed = 200;

    /// <summary>False once the conversation switched to another plan; the position is kept for a return.</summary>
    public bool Attached { get; set; } = true;

    public string? Cursor { get; set; }

    /// <summary>Set while the conversation answers one section again (<c>edit &lt;section&gt;</c>).</summary>
    public int? EditingSection { get; set; }

    public List<string> Skipped { get; set; } = [];

    /// <summary>An assignee's personal chat: it answers its section and stops there.</summary>
    public bool AssignedOnly { get; set; }

    public List<ConsumedActivity> Consumed { get; set; } = [];

    public List<OwedReply> Outbox { get; set; } = [];

    public string? TimeZone { get; set; }

    /// <summary>A release whose plan is about to start, waiting for "baseline" or "fresh".</summary>
    public PendingStart? PendingStart { get; set; }

    public ConversationRef? Reference { get; set; }

    /// <summary>
    /// This conversation is an assignee's personal chat: it answers <paramref name="section"/> only,
    /// asking <paramref name="questionId"/> next.
    /// </summary>
    public void AnswerAssignedSection(int section, string questionId)
    {
        Attached = true;
        AssignedOnly = true;
        EditingSection = section;
        Cursor = questionId;
    }

    /// <summary>When this conversation last sent the bot something, if it still remembers.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? LastActive => Consumed.Count == 0 ? null : Consumed.Max(c => c.At);

    public bool HasConsumed(string activityId) => Consumed.Exists(c => c.Id == activityId);

    public void Consume(string activityId, DateTimeOffset now)
    {
        Consumed.RemoveAll(c => now - c.At > ConsumedRetention);
        Consumed.Add(new ConsumedActivity(activityId, now));
        if (Consumed.Count > MaxConsumed)
        {
            Consumed.RemoveRange(0, Consumed.Count - MaxConsumed);
        }
    }
}
