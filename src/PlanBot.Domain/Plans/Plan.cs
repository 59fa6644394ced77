using System.Text.Json.Serialization;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Plans;

/// <summary>
/// The deployment plan for one release (product + version) in one tenant. Immutable: every move
/// returns the next plan, or throws <see cref="PlanRuleException"/> when the rules forbid it, so a
/// move can be re-applied to fresher data after a concurrent write.
/// </summary>
public sealed partial record Plan
{
    public const string ApproversQuestion = "approvers";

    /// <summary>The most history events a plan keeps: the first, and the latest.</summary>
    public const int MaxHistory = 1000;

    /// <summary>The most decisions no longer counting that a plan keeps beside the live ones.</summary>
    public const int MaxStaleDecisions = 100;

    /// <summary>The event standing where older history events were left out.</summary>
    public const string OlderHistoryLeftOut = "Older history events were not kept";

    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string Product { get; init; }

    public required string Version { get; init; }

    public required PersonRef Owner { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public PlanState State { get; init; } = PlanState.Draft;

    /// <summary>Counts changes to the plan's content; a decision names the revision it approved.</summary>
    public int Revision { get; init; }

    public Quorum Quorum { get; init; } = Quorum.Any;

    public string? BaselinePlanId { get; init; }

    /// <summary>"Contoso.Web 2.4" when the plan started from that plan, for review notes and the diff.</summary>
    public string? BaselineTitle { get; init; }

    /// <summary>The baseline's version, to spot answers that still name the old release.</summary>
    public string? BaselineVersion { get; init; }

    public IReadOnlyDictionary<string, Answer> Answers { get; init; } = new Dictionary<string, Answer>();

    public IReadOnlyList<Decision> Decisions { get; init; } = [];

    public IReadOnlyList<PlanEvent> History { get; init; } = [];

    /// <summary>When the current revision went to the approvers (submitted, or edited while in review).</summary>
    public DateTimeOffset? InReviewSince { get; init; }

    /// <summary>Sections the owner handed to developers to answer.</summary>
    public IReadOnlyList<Assignment> Assignments { get; init; } = [];

    /// <summary>
    /// When the tenant lets plans go without a backout plan: section 9's unanswered questions then
    /// count neither as missing nor towards the total. Stored only when set.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool BackoutOptional { get; init; }

    public static Plan Start(string id, string tenantId, string product, string version, PersonRef owner, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(product);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(owner);
        return new Plan
        {
            Id = id,
            TenantId = tenantId,
            Product = product,
            Version = version,
            Owner = owner,
            CreatedAt = now,
            History = [new PlanEvent(now, owner, $"Started the plan for {product} {version}", 0)],
        };
    }

    public string Title => $"{Product} {Version}";

    public Answer? AnswerTo(string questionId) => Answers.TryGetValue(questionId, out var answer) ? answer : null;

    public IReadOnlyList<PersonRef> Approvers => AnswerTo(ApproversQuestion)?.Value.People ?? [];

    public bool IsOwner(PersonRef person) => Owner.SameAs(person);

    public bool IsApprover(PersonRef person) => Approvers.Any(a => a.SameAs(person));

    /// <summary>Records an answer; an edit after review started makes earlier decisions stale.</summary>
    public Plan WithAnswer(Answer answer, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(answer);
        EnsureEditable();
        var question = PlanChecklist.Get(answer.QuestionId);
        if (question.Id == ApproversQuestion && !IsOwner(answer.Provenance.AnsweredBy))
        {
            throw new PlanRuleException(PlanRule.OwnerOnly, $"Only the plan's owner, {Owner}, may change the approvers.");
        }

        var answers = new Dictionary<string, Answer>(Answers) { [answer.QuestionId] = answer };
        return Edited(answers, answer.Provenance.AnsweredBy, now, $"Answered \"{question.Text}\"");
    }

    /// <summary>Keeps a carried-over answer for this release: it counts as answered by whoever confirmed it.</summary>
    public Plan Confirm(string questionId, PersonRef by, string channel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        var answer = AnswerTo(questionId);
        if (answer is null || !answer.IsUnconfirmed)
        {
            return this;
        }

        var confirmed = answer with { Provenance = new Provenance(by, now, channel, CarriedOver: false, answer.Provenance.CarriedFromPlanId) };
        var question = PlanChecklist.Get(questionId);
        if (question.Id == ApproversQuestion && !IsOwner(by))
        {
            throw new PlanRuleException(PlanRule.OwnerOnly, $"Only the plan's owner, {Owner}, may change the approvers.");
        }

        EnsureEditable();
        var answers = new Dictionary<string, Answer>(Answers) { [questionId] = confirmed };
        return Edited(answers, by, now, $"Kept the carried-over answer to \"{question.Text}\"");
    }

    /// <summary>Removes an answer, so the question counts as missing again.</summary>
    public Plan WithoutAnswer(string questionId, PersonRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureEditable();
        var question = PlanChecklist.Get(questionId);
        if (!Answers.ContainsKey(questionId))
        {
            return this;
        }

        if (question.Id == ApproversQuestion && !IsOwner(by))
        {
            throw new PlanRuleException(PlanRule.OwnerOnly, $"Only the plan's owner, {Owner}, may change the approvers.");
        }

        var answers = new Dictionary<string, Answer>(Answers);
        answers.Remove(questionId);
        return Edited(answers, by, now, $"Removed the answer to \"{question.Text}\"");
    }

    public Completeness Completeness()
    {
        var missing = new List<Question>();
        var unconfirmed = new List<Question>();
        var total = 0;
        foreach (var question in PlanChecklist.Questions)
        {
            var answer = AnswerTo(question.Id);
            if (answer is null && IsOptional(question))
            {
                continue;
            }

            total++;
            if (answer is null)
            {
                missing.Add(question);
            }
            else if (answer.IsUnconfirmed)
            {
                unconfirmed.Add(question);
            }
        }

        var complete = SectionInfo.All
            .Select(s => s.Section)
            .Where(s => PlanChecklist.In(s).All(q => AnswerTo(q.Id) is { IsUnconfirmed: false }))
            .ToList();
        return new Completeness(total - missing.Count - unconfirmed.Count, total, missing, unconfirmed, complete);
    }

    /// <summary>A question a plan may go without: the backout plan's, where the tenant allows it.</summary>
    public bool IsOptional(Question question) => BackoutOptional && question.Section == Section.Backout;

    /// <summary>Sends a complete draft to its approvers.</summary>
    public Plan Submit(PersonRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOwner(by, "submit it");
        if (State is not (PlanState.Draft or PlanState.Rejected))
        {
            throw State == PlanState.Cancelled
                ? new PlanRuleException(PlanRule.Cancelled, "The plan is cancelled; reopen it before submitting.")
                : new PlanRuleException(PlanRule.AlreadySubmitted, $"The plan is already {(State == PlanState.Approved ? "approved" : "in review")}.");
        }

        var completeness = Completeness();
        if (!completeness.IsComplete)
        {
            var items = completeness.Missing.Concat(completeness.Unconfirmed).Select(q => q.Text);
            throw new PlanRuleException(PlanRule.Incomplete, $"The plan is not complete yet. Still open: {string.Join("; ", items)}");
        }

        if (Approvers.Count == 0)
        {
            throw new PlanRuleException(PlanRule.NoApprovers, "The plan names no approvers (section 5).");
        }

        return this with { State = PlanState.InReview, InReviewSince = now, History = Append(now, by, "Submitted the plan for approval") };
    }

    /// <summary>
    /// Records an approver's decision on the current revision. <paramref name="seenRevision"/> is the
    /// revision the approver was shown, when known: a decision on anything else is refused, so an
    /// approval never counts for content its approver did not see.
    /// </summary>
    public Plan Decide(PersonRef approver, Verdict verdict, string? reason, DateTimeOffset now, int? seenRevision = null, ApprovalPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(approver);
        policy ??= ApprovalPolicy.Default;
        if (!IsApprover(approver))
        {
            throw Approvers.Count == 0
                ? new PlanRuleException(PlanRule.NoApprovers, "The plan names no approvers yet (section 5), so nobody can decide on it.")
                : new PlanRuleException(PlanRule.NotAnApprover, $"Only the approvers named in section 5 may decide: {string.Join(", ", Approvers)}.");
        }

        if (State is not (PlanState.InReview or PlanState.Approved))
        {
            throw new PlanRuleException(PlanRule.NotInReview, $"The plan is {StateWord(State)}; only a plan in review takes decisions.");
        }

        if (seenRevision is { } seen && seen != Revision)
        {
            throw new PlanRuleException(PlanRule.RevisionChanged, $"The plan changed since this was shown to you (revision {seen} then, {Revision} now).");
        }

        if (verdict == Verdict.Reject && string.IsNullOrWhiteSpace(reason))
        {
            throw new PlanRuleException(PlanRule.ReasonRequired, "A rejection needs a reason.");
        }

        if (verdict == Verdict.Approve && !policy.OwnerMayApprove && IsOwner(approver))
        {
            throw new PlanRuleException(PlanRule.OwnApproval, $"{approver} owns the plan, and an owner's approval of their own plan does not count here; another approver must approve it.");
        }

        if (verdict == Verdict.Approve && !policy.ContributorsMayApprove && IsContributor(approver))
        {
            throw new PlanRuleException(PlanRule.ContributorApproval, $"{approver} answered part of the plan, and here the people who wrote a plan do not approve it; another approver must.");
        }

        var current = Decisions.LastOrDefault(d => !d.Stale && d.Approver.SameAs(approver) && d.Revision == Revision);
        if (current is not null && current.Verdict == verdict)
        {
            // A double click or a retried action: the decision already stands.
            return this;
        }

        var decisions = Decisions
            .Select(d => d.Approver.SameAs(approver) && !d.Stale ? d with { Stale = true } : d)
            .Append(new Decision(approver, verdict, now, Revision, reason?.Trim()))
            .ToList();
        // Stale decisions stay visible up to a limit; the history keeps every one of them too.
        var stale = decisions.Count(d => d.Stale);
        if (stale > MaxStaleDecisions)
        {
            var drop = decisions.Where(d => d.Stale).Take(stale - MaxStaleDecisions).ToHashSet();
            decisions.RemoveAll(drop.Contains);
        }

        var next = this with { Decisions = decisions };
        var state = verdict == Verdict.Reject ? PlanState.Rejected : next.ApprovalReached() ? PlanState.Approved : PlanState.InReview;
        var what = verdict == Verdict.Reject ? $"Rejected revision {Revision}: {reason?.Trim()}" : $"Approved revision {Revision}";
        return next with { State = state, History = Append(now, approver, what) };
    }

    /// <summary>True when <paramref name="person"/> gave, or confirmed, an answer of this plan.</summary>
    public bool IsContributor(PersonRef person) =>
        Answers.Values.Any(a => !a.IsUnconfirmed && a.Provenance.AnsweredBy.SameAs(person));

    /// <summary>
    /// Hands the plan to another owner. The owner may do it, and so may a release admin
    /// (<paramref name="byReleaseAdmin"/>), for a plan whose owner has left.
    /// </summary>
    public Plan HandOver(PersonRef newOwner, PersonRef by, bool byReleaseAdmin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newOwner);
        ArgumentNullException.ThrowIfNull(by);
        if (!byReleaseAdmin)
        {
            EnsureOwner(by, "hand it over");
        }

        return Owner.SameAs(newOwner)
            ? this
            : this with { Owner = newOwner, History = Append(now, by, $"Handed the plan over from {Owner} to {newOwner}") };
    }

    /// <summary>Hands a section to a developer, who is asked its questions directly.</summary>
    public Plan Assign(Section section, PersonRef assignee, PersonRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assignee);
        ArgumentNullException.ThrowIfNull(by);
        EnsureEditable();
        EnsureOwner(by, "assign sections");
        if (section == Section.Approvers)
        {
            throw new PlanRuleException(PlanRule.ApproversStayWithOwner, "Section 5, the approvers, stays with the plan's owner.");
        }

        var assignments = Assignments.Where(a => a.Section != section).Append(new Assignment(section, assignee, now)).ToList();
        return this with
        {
            Assignments = assignments,
            History = Append(now, by, $"Assigned section {(int)section}, {SectionInfo.Of(section).Title}, to {assignee}"),
        };
    }

    public Plan WithQuorum(Quorum quorum, PersonRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOwner(by, "set the quorum");
        return quorum == Quorum ? this : this with { Quorum = quorum, History = Append(now, by, $"Set the quorum to {quorum}") };
    }

    public Plan Cancel(PersonRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOwner(by, "cancel it");
        if (State == PlanState.Cancelled)
        {
            return this;
        }

        return this with { State = PlanState.Cancelled, History = Append(now, by, "Cancelled the plan") };
    }

    /// <summary>Brings a cancelled plan back as a draft, with every answer it had.</summary>
    public Plan Reopen(PersonRef by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOwner(by, "reopen it");
        if (State != PlanState.Cancelled)
        {
            return this;
        }

        return this with { State = PlanState.Draft, History = Append(now, by, "Reopened the plan") };
    }

    /// <summary>While in review: the approvers who have not yet decided on the current revision.</summary>
    public IReadOnlyList<PersonRef> AwaitingDecision() =>
        State != PlanState.InReview
            ? []
            : Approvers.Where(a => !Decisions.Any(d => !d.Stale && d.Revision == Revision && d.Approver.SameAs(a))).ToList();

    /// <summary>Unanswered, or carried over and not confirmed: the question still needs someone's answer.</summary>
    public bool IsOpen(string questionId) => AnswerTo(questionId) is null or { IsUnconfirmed: true };

    /// <summary>The questions of <paramref name="section"/> still open, in checklist order.</summary>
    public IReadOnlyList<Question> OpenQuestions(Section section) => PlanChecklist.In(section).Where(q => IsOpen(q.Id)).ToList();

    /// <summary>The assigned sections with questions still open.</summary>
    public IReadOnlyList<Assignment> OpenAssignments() =>
        State is not (PlanState.Draft or PlanState.Rejected)
            ? []
            : Assignments.Where(a => PlanChecklist.In(a.Section).Any(q => IsOpen(q.Id))).ToList();

    private bool ApprovalReached()
    {
        var approvals = Decisions.Where(d => !d.Stale && d.Revision == Revision && d.Verdict == Verdict.Approve).ToList();
        return Quorum == Quorum.Any
            ? approvals.Count > 0
            : Approvers.All(a => approvals.Any(d => d.Approver.SameAs(a)));
    }

    private Plan Edited(Dictionary<string, Answer> answers, PersonRef by, DateTimeOffset now, string what)
    {
        var revision = Revision + 1;
        var decisionsWereLive = Decisions.Any(d => !d.Stale);
        var state = State switch
        {
            PlanState.Rejected => PlanState.Draft,
            PlanState.Approved => PlanState.InReview,
            _ => State,
        };
        var history = Append(now, by, what, revision);
        if (decisionsWereLive)
        {
            history = [.. history, new PlanEvent(now, by, "Earlier decisions are stale after this change", revision)];
        }

        return this with
        {
            Answers = answers,
            Revision = revision,
            State = state,
            InReviewSince = state == PlanState.InReview ? now : InReviewSince,
            Decisions = decisionsWereLive ? Decisions.Select(d => d with { Stale = true }).ToList() : Decisions,
            History = history,
        };
    }

    private static string StateWord(PlanState state) => state switch
    {
        PlanState.Draft => "a draft",
        PlanState.Rejected => "rejected",
        PlanState.Cancelled => "cancelled",
        _ => Stage(state),
    };

    private void EnsureEditable()
    {
        if (State == PlanState.Cancelled)
        {
            throw new PlanRuleException(PlanRule.Cancelled, $"The plan for {Title} is cancelled; reopen it to change it.");
        }

        if (IsInDeployment())
        {
            throw new PlanRuleException(PlanRule.InDeployment, $"The plan for {Title} is the record of a deployment that has started; it no longer changes.");
        }
    }

    private void EnsureOwner(PersonRef by, string what)
    {
        if (!IsOwner(by))
        {
            throw new PlanRuleException(PlanRule.OwnerOnly, $"Only the plan's owner, {Owner}, may {what}.");
        }
    }

    /// <summary>
    /// The history with one more event. It keeps its first event (the start) and the latest ones, at
    /// most <see cref="MaxHistory"/> in all, so a plan edited for years still fits one stored item; an
    /// event says where older ones were left out.
    /// </summary>
    private List<PlanEvent> Append(DateTimeOffset now, PersonRef by, string what, int? revision = null)
    {
        List<PlanEvent> history = [.. History, new PlanEvent(now, by, what, revision ?? Revision)];
        if (history.Count <= MaxHistory)
        {
            return history;
        }

        var kept = history.Skip(history.Count - (MaxHistory - 2)).SkipWhile(e => e.What == OlderHistoryLeftOut).ToList();
        return [history[0], new PlanEvent(kept[0].At, kept[0].By, OlderHistoryLeftOut, kept[0].Revision), .. kept];
    }
}
