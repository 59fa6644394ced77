using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Reminders;

/// <summary>What a reminder is about.</summary>
public enum ReminderKind
{
    /// <summary>Something waiting since <see cref="ReminderSubject.Since"/>: reminded every <c>ReminderDelay</c>.</summary>
    Waiting,

    /// <summary>Decisions still missing as the deployment window nears: once, <c>WindowWarning</c> before it opens.</summary>
    WindowNear,

    /// <summary>Decisions still missing an hour before the window opens: once, more urgently.</summary>
    WindowImminent,

    /// <summary>The window opened without the plan approved: once, when it opens.</summary>
    WindowPassed,

    /// <summary>The window opened on an approved plan not yet being deployed: once, when it opens.</summary>
    WindowOpen,
}

/// <summary>
/// Something a reminder can be about: an assigned section still open (<see cref="Assignment"/> set),
/// the current revision waiting for its approvers, or the deployment window (<see cref="Kind"/>),
/// whose reminders fall due once, at <see cref="Since"/>.
/// </summary>
public sealed record ReminderSubject(string Key, DateTimeOffset Since, Assignment? Assignment, ReminderKind Kind = ReminderKind.Waiting);

/// <summary>
/// When reminders fall due. Reminder n about a subject is due <c>n × ReminderDelay</c> after it
/// started waiting, up to <c>MaxReminders</c>. A subject's key names the assignment (section and
/// when it was made) or the revision in review, so reassigning or resubmitting starts afresh. The
/// deployment window's reminders are due once each: <c>WindowWarning</c> and an hour before it opens
/// while decisions are missing, and when it opens (the plan not approved, or approved and not started).
/// </summary>
public static class ReminderSchedule
{
    /// <summary>How long before the window opens the last, urgent call for decisions goes out.</summary>
    public static readonly TimeSpan Imminent = TimeSpan.FromHours(1);

    public static IReadOnlyList<ReminderSubject> Subjects(PlanDocument document, EngineOptions? options = null)
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

        subjects.AddRange(WindowSubjects(plan, options ?? new EngineOptions()));
        return subjects;
    }

    private static IEnumerable<ReminderSubject> WindowSubjects(Plan plan, EngineOptions options)
    {
        if (options.WindowWarning <= TimeSpan.Zero || plan.AnswerTo("deployment-window")?.Value.WindowStartUtc is not { } opens)
        {
            yield break;
        }

        var window = opens.UtcTicks;
        if (plan.State == PlanState.InReview && plan.AwaitingDecision().Count > 0)
        {
            if (options.WindowWarning > Imminent)
            {
                yield return new ReminderSubject($"window-near:{window}:{plan.Revision}", opens - options.WindowWarning, null, ReminderKind.WindowNear);
            }

            yield return new ReminderSubject($"window-imminent:{window}:{plan.Revision}", opens - Imminent, null, ReminderKind.WindowImminent);
        }

        if (plan.State is PlanState.Draft or PlanState.InReview or PlanState.Rejected)
        {
            yield return new ReminderSubject($"window-passed:{window}", opens, null, ReminderKind.WindowPassed);
        }
        else if (plan.State == PlanState.Approved)
        {
            yield return new ReminderSubject($"window-open:{window}", opens, null, ReminderKind.WindowOpen);
        }
    }

    /// <summary>When the next reminder about <paramref name="subject"/> is due; null once the last was sent.</summary>
    public static DateTimeOffset? DueAt(ReminderSubject subject, PlanDocument document, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var sent = document.Reminders.TryGetValue(subject.Key, out var record) ? record.Count : 0;
        if (subject.Kind != ReminderKind.Waiting)
        {
            return sent > 0 ? null : subject.Since;
        }

        return sent >= options.MaxReminders ? null : subject.Since + (options.ReminderDelay * (sent + 1));
    }

    public static IReadOnlyList<ReminderSubject> Due(PlanDocument document, DateTimeOffset now, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Subjects(document, options).Where(s => DueAt(s, document, options) <= now).ToList();
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
        var subjects = Subjects(document, options);
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
