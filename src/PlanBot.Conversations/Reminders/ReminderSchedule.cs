using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Reminders;

/// <summary>
/// Something a reminder can be about, waiting since <see cref="Since"/>: an assigned section still
/// open (<see cref="Assignment"/> set), or the current revision waiting for its approvers.
/// </summary>
public sealed record ReminderSubject(string Key, DateTimeOffset Since, Assignment? Assignment);

/// <summary>
/// When reminders fall due. Reminder n about a subject is due <c>n × ReminderDelay</c> after it
/// started waiting, up to <c>MaxReminders</c>. A subject's key names the assignment (section and
/// when it was made) or the revision in review, so reassigning or resubmitting starts afresh.
/// </summary>
public static class ReminderSchedule
{
    public static IReadOnlyList<ReminderSubject> Subjects(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var plan = document.Plan;
        var subjects = plan.OpenAssignments()
            .Select(a => new ReminderSubject($"assign:{(int)a.Section}:{a.At.UtcTicks}", a.At, a))
            .ToList();
        // Plans submitted before the time of review was recorded count from their approval request.
        var inReviewSince = plan.InReviewSince
            ?? (document.Posts.TryGetValue(PostKeys.Approval, out var request) ? request.At : null);
        if (inReviewSince is { } since && plan.AwaitingDecision().Count > 0)
        {
            subjects.Add(new ReminderSubject($"approval:{plan.Revision}", since, null));
        }

        return subjects;
    }

    /// <summary>When the next reminder about <paramref name="subject"/> is due; null once the last was sent.</summary>
    public static DateTimeOffset? DueAt(ReminderSubject subject, PlanDocument document, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var sent = document.Reminders.TryGetValue(subject.Key, out var record) ? record.Count : 0;
        return sent >= options.MaxReminders ? null : subject.Since + (options.ReminderDelay * (sent + 1));
    }

    public static IReadOnlyList<ReminderSubject> Due(PlanDocument document, DateTimeOffset now, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Subjects(document).Where(s => DueAt(s, document, options) <= now).ToList();
    }

    /// <summary>
    /// Forgets reminders about what no longer waits and sets <see cref="PlanDocument.RemindAt"/>: the
    /// next due reminder, or the moment an unsent claimed reminder may be taken over by another host.
    /// Called before every write of a plan whose content or reminders changed.
    /// </summary>
    public static void Refresh(PlanDocument document, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var subjects = Subjects(document);
        foreach (var stale in document.Reminders.Keys.Where(k => !subjects.Any(s => s.Key == k)).ToList())
        {
            document.Reminders.Remove(stale);
        }

        var next = subjects.Select(s => DueAt(s, document, options)).Where(d => d is not null).Min();
        if (document.ReminderOutbox.Count > 0)
        {
            var takeOver = document.ReminderOutbox.Min(r => r.CommittedAt) + options.OwedReplyGrace;
            next = next is { } due && due < takeOver ? due : takeOver;
        }

        document.RemindAt = next;
    }
}
