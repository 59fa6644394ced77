using System.Globalization;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Drafting a section at a time: each section of the plan is one form holding all its questions.
/// "Save section" checks every answer at once and saves the section whole, or brings the form back
/// with each problem beside its answer and nothing lost; a saved section reads back how each answer
/// was understood, and the next open section follows. Carried-over answers are kept a section (or
/// an answer) at a time, or, in one go, wherever nothing was found wrong with them. The form's own
/// plan and section decide where its answers go, as with question cards.
/// </summary>
internal sealed class SectionFormFlow(IConversationStore store, EngineOptions options, PeopleLookup people, ApprovalFlow approval)
{
    /// <summary>The next section with a question this conversation should answer, after <paramref name="after"/>; null when none is left.</summary>
    public static Section? NextSection(Plan plan, ConversationSession session, Section? after)
    {
        var question = PlanChecklist.Questions
            .Where(q => after is null || q.Section > after)
            .FirstOrDefault(q => Interview.NeedsAsking(plan, session, q));
        return question?.Section;
    }

    /// <summary>The form for <paramref name="section"/>, positioned so a typed reply answers its first open question.</summary>
    public SectionFormView Show(TurnWork work, Plan plan, Section section, string? note = null)
    {
        var session = work.Session;
        var open = PlanChecklist.In(section).FirstOrDefault(q => plan.IsOpen(q.Id)) ?? PlanChecklist.In(section).First();
        session.Cursor = open.Id;
        return Form(work, plan, section, note);
    }

    /// <summary>The form for <paramref name="section"/>, to send elsewhere (an assignee's chat): this conversation's place is not touched.</summary>
    public SectionFormView FormFor(TurnWork work, Plan plan, Section section, string? note) => Form(work, plan, section, note);

    /// <summary>Replies with the next open section's form, or, when none is left, with the finished plan's summary.</summary>
    public void ShowNext(TurnWork work, Section? after, string? note = null)
    {
        var plan = work.Active!.Document.Plan;
        if (NextSection(plan, work.Session, after) is { } next)
        {
            work.Reply(Show(work, plan, next, note));
            return;
        }

        if (note is not null)
        {
            work.Reply(new NoticeView(note, Tone.Success));
        }

        Progress.Finish(work, plan);
    }

    public async Task SaveAsync(TurnWork work, SaveSectionAction action, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, action.PlanId, action.Section, action.Revision, cancellationToken) is not { } section)
        {
            return;
        }

        var active = work.Active!;
        var before = active.Document.Plan;
        var zone = TimeZones.Resolve(work.Turn.TimeZone ?? work.Session.TimeZone, options.DefaultTimeZone);
        var context = new AnswerContext(work.Now, zone, [.. work.Turn.Mentions, .. action.Mentions ?? []]);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = new List<(Question Question, AnswerValue? Value)>();
        foreach (var question in PlanChecklist.In(section))
        {
            var text = action.Answers.GetValueOrDefault(question.Id)?.Trim() ?? string.Empty;
            var current = before.AnswerTo(question.Id);
            if (text.Length == 0 && !(question.Kind == AnswerKind.People && action.Mentions is { Count: > 0 }))
            {
                continue;
            }

            if (current is not null && text == TypedAnswers.Of(current.Value, zone))
            {
                // Left as it was: a carried-over answer is kept, any other stays as it is.
                read.Add((question, null));
                continue;
            }

            var result = AnswerReader.Read(question, text, context);
            if (result.IsValid)
            {
                read.Add((question, result.Value));
            }
            else
            {
                problems[question.Id] = result.Problem!;
            }
        }

        if (problems.Count > 0)
        {
            work.Answer(Form(work, before, section, problem: problems.Count == 1 ? "One answer needs another look; nothing was saved yet." : $"{problems.Count} answers need another look; nothing was saved yet.", entered: action.Answers, problems: problems));
            return;
        }

        var unresolved = new List<string>();
        var plan = before;
        foreach (var (question, value) in read)
        {
            if (value is null)
            {
                plan = plan.Confirm(question.Id, work.From, work.Turn.Conversation.Channel, work.Now);
                continue;
            }

            var answer = value;
            if (value.People is { } named)
            {
                (answer, var missing) = await people.ResolveAsync(work, value, named, cancellationToken);
                if (missing is not null)
                {
                    unresolved.Add(missing);
                }
            }

            plan = plan.WithAnswer(new Answer(question.Id, answer, new Provenance(work.From, work.Now, work.Turn.Conversation.Channel)), work.Now);
        }

        // "Save and submit" sends the plan only when this save completed it; otherwise the save is all
        // it does, and what comes next says what is still open.
        var submitting = action.Submit && !work.Session.AssignedOnly && plan.Completeness().IsComplete;
        Saved(work, before, plan, section, string.Join(' ', unresolved), showNext: !submitting);
        if (submitting)
        {
            try
            {
                await approval.SubmitAsync(work, cancellationToken);
            }
            catch (PlanRuleException refused)
            {
                // The section is saved whatever the submission says: only the submission is refused.
                work.Reply(new NoticeView(PlanWording.Refusal(refused, plan), Tone.Problem));
            }
        }
    }

    public async Task KeepSectionAsync(TurnWork work, KeepSectionAction action, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, action.PlanId, action.Section, null, cancellationToken) is not { } section)
        {
            return;
        }

        var before = work.Active!.Document.Plan;
        var plan = PlanChecklist.In(section)
            .Where(q => before.AnswerTo(q.Id) is { IsUnconfirmed: true })
            .Aggregate(before, (p, q) => p.Confirm(q.Id, work.From, work.Turn.Conversation.Channel, work.Now));
        Saved(work, before, plan, section, null);
    }

    public async Task KeepOrRemoveAnswerAsync(TurnWork work, string? planId, string questionId, bool keep, CancellationToken cancellationToken)
    {
        var question = PlanChecklist.Find(questionId);
        if (await TargetAsync(work, planId, question is null ? 0 : (int)question.Section, null, cancellationToken) is not { } section)
        {
            return;
        }

        var active = work.Active!;
        var before = active.Document.Plan;
        active.Document.Plan = keep
            ? before.Confirm(questionId, work.From, work.Turn.Conversation.Channel, work.Now)
            : before.WithoutAnswer(questionId, work.From, work.Now);
        work.Touch(active);
        PlanNotices.PlanChanged(work, active.Document, before);
        var done = keep ? $"Kept \"{question!.Text}\" for this release." : $"Removed the answer to \"{question!.Text}\"; give this release's answer, or leave it open.";
        work.Answer(Form(work, active.Document.Plan, section, done));
    }

    /// <summary>Keeps, in every section, the carried-over answers nothing was found wrong with; the rest are left to review.</summary>
    public async Task KeepUnflaggedAsync(TurnWork work, KeepUnflaggedAction action, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, action.PlanId, null, null, cancellationToken) is null)
        {
            return;
        }

        var active = work.Active!;
        var before = active.Document.Plan;
        var keep = before.Answers.Values.Where(a => a.IsUnconfirmed && Prompts.Flags(work, before, a).Count == 0).Select(a => a.QuestionId).ToList();
        active.Document.Plan = keep.Aggregate(before, (p, id) => p.Confirm(id, work.From, work.Turn.Conversation.Channel, work.Now));
        work.Touch(active);
        PlanNotices.PlanChanged(work, active.Document, before);
        var flagged = active.Document.Plan.Completeness().Unconfirmed.Count;
        var note = flagged == 0
            ? $"Kept {keep.Count} carried-over answer(s) for this release."
            : $"Kept {keep.Count} carried-over answer(s) for this release; {flagged} need a look first.";
        work.InvokeResponse = new NoticeView(note, Tone.Success);
        ShowNext(work, null, note);
    }

    public async Task OpenAsync(TurnWork work, OpenSectionAction action, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, action.PlanId, action.Section, null, cancellationToken, allowSubmitted: true) is { } section)
        {
            work.Answer(Show(work, work.Active!.Document.Plan, section));
        }
    }

    public async Task SubmitAsync(TurnWork work, SubmitPlanAction action, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, action.PlanId, null, null, cancellationToken) is not null)
        {
            await approval.SubmitAsync(work, cancellationToken);
            work.InvokeResponse = work.Replies.LastOrDefault();
        }
    }

    /// <summary>
    /// The section a form's action applies to: the card's own plan must be this conversation's, not
    /// submitted since (a form opened afterwards may still edit it) nor cancelled, and an assignee's
    /// chat answers only its section. Null, with the refusal said, when it cannot apply.
    /// </summary>
    private async Task<Section?> TargetAsync(TurnWork work, string? planId, int? section, int? revision, CancellationToken cancellationToken, bool allowSubmitted = false)
    {
        string? refusal = null;
        if (work.Active is not { } active || (planId is not null && active.Document.Plan.Id != planId))
        {
            var carded = planId is null ? null : (await store.GetPlanAsync(work.Turn.Conversation.TenantId, planId, cancellationToken))?.Document.Plan;
            refusal = carded is null
                ? "That form's plan does not exist here any more."
                : $"That form belongs to the plan for {carded.Title}, which is not the plan this conversation works on now: `plan {carded.Product} {carded.Version}` goes back to it.";
        }
        else if (section is int number && !Enum.IsDefined((Section)number))
        {
            refusal = "That form's section is not one of the plan's.";
        }
        else
        {
            var plan = active.Document.Plan;
            var session = work.Session;
            refusal = plan.State switch
            {
                PlanState.Cancelled => $"The plan for {plan.Title} is cancelled. `plan {plan.Product} {plan.Version}` reopens it.",
                PlanState.InReview or PlanState.Approved when !allowSubmitted && revision != plan.Revision =>
                    $"That form is from before the plan for {plan.Title} was submitted. `status` shows the plan; open a section there to change it.",
                _ when session.AssignedOnly && session.EditingSection is int assigned && section is int asked && assigned != asked =>
                    $"You were asked section {assigned} of this plan only.",
                _ => null,
            };
        }

        if (refusal is not null)
        {
            work.Answer(new NoticeView($"{refusal} Nothing was saved.", Tone.Problem));
            return null;
        }

        return section is int chosen ? (Section)chosen : Section.ScopeAndOverview;
    }

    /// <summary>After a section's answers were stored: the read-back in place of the form, then what comes next.</summary>
    private void Saved(TurnWork work, Plan before, Plan after, Section section, string? unresolved, bool showNext = true)
    {
        var active = work.Active!;
        active.Document.Plan = after;
        work.Touch(active);
        PlanNotices.PlanChanged(work, active.Document, before);
        var session = work.Session;
        foreach (var question in PlanChecklist.In(section).Where(q => after.IsOpen(q.Id)))
        {
            // Left empty: it stays open, and the interview goes on to the next section.
            if (!session.Skipped.Contains(question.Id))
            {
                session.Skipped.Add(question.Id);
            }
        }

        var info = SectionInfo.Of(section);
        var note = string.IsNullOrEmpty(unresolved) ? $"Saved section {info.Number}, {info.Title}." : $"Saved section {info.Number}, {info.Title}. {unresolved}";
        work.Answer(ReadBackOf(work, after, section, note));
        if (session.AssignedOnly)
        {
            FinishAssignment(work, after, section);
            return;
        }

        if (showNext)
        {
            ShowNext(work, section);
        }
    }

    /// <summary>An assignee's section saved: thanks when it is complete (and word to the owner), else its form again.</summary>
    private void FinishAssignment(TurnWork work, Plan plan, Section section)
    {
        var session = work.Session;
        var info = SectionInfo.Of(section);
        var open = plan.OpenQuestions(section);
        if (open.Count > 0)
        {
            session.Skipped.RemoveAll(id => PlanChecklist.Get(id).Section == section);
            work.Reply(Show(work, plan, section, $"{open.Count} question(s) of section {info.Number} are still open."));
            return;
        }

        session.Cursor = null;
        session.AssignedOnly = false;
        session.EditingSection = null;
        work.Reply(new NoticeView($"Thank you: that completes section {info.Number}, {info.Title}, of the plan for {plan.Title}.", Tone.Success));
        PlanNotices.TellOwner(work, plan, new NoticeView($"{work.From} completed section {info.Number}, {info.Title}, of the plan for {plan.Title}.", Tone.Success));
    }

    private SectionFormView Form(TurnWork work, Plan plan, Section section, string? note = null, string? problem = null, IReadOnlyDictionary<string, string>? entered = null, IReadOnlyDictionary<string, string>? problems = null)
    {
        var zone = TimeZones.Resolve(work.Turn.TimeZone ?? work.Session.TimeZone, options.DefaultTimeZone);
        var fields = PlanChecklist.In(section).Select(q =>
        {
            var answer = plan.AnswerTo(q.Id);
            return new FormField(
                q.Id,
                q.Text,
                q.Kind,
                q.Hint,
                entered?.GetValueOrDefault(q.Id) ?? (answer is null ? null : TypedAnswers.Of(answer.Value, zone)),
                answer?.Value.People,
                answer is null ? null : Understood(answer.Value),
                answer?.IsUnconfirmed ?? false,
                answer is { IsUnconfirmed: true } carried ? Prompts.Flags(work, plan, carried) : [],
                problems?.GetValueOrDefault(q.Id),
                q.Choices);
        }).ToList();
        var info = SectionInfo.Of(section);
        var canKeepUnflagged = plan.BaselinePlanId is not null
            && plan.Answers.Values.Any(a => a.IsUnconfirmed && Prompts.Flags(work, plan, a).Count == 0)
            && !work.Session.AssignedOnly;
        var completeness = plan.Completeness();
        var canSaveAndSubmit = plan.State is PlanState.Draft or PlanState.Rejected
            && plan.IsOwner(work.From)
            && !work.Session.AssignedOnly
            && completeness.Missing.Concat(completeness.Unconfirmed).All(q => q.Section == section);
        return new SectionFormView(plan.Id, plan.Title, info.Number, info.Title, SectionInfo.All.Count, fields, zone.Id, ReadBack: false, completeness.Percent, plan.Revision, note, problem, canKeepUnflagged, canSaveAndSubmit);
    }

    private SectionFormView ReadBackOf(TurnWork work, Plan plan, Section section, string note) =>
        Form(work, plan, section, note) with { ReadBack = true, CanKeepUnflagged = false, CanSaveAndSubmit = false };

    /// <summary>How an answer was understood, as the read-back shows it: a window with its length too.</summary>
    public static string Understood(AnswerValue value) =>
        value is { WindowStartUtc: { } start, WindowEndUtc: { } end }
            ? string.Create(CultureInfo.InvariantCulture, $"{value.Text}, {Length(end - start)}")
            : value.Text;

    private static string Length(TimeSpan span) => span switch
    {
        { TotalMinutes: < 60 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} minutes"),
        { Minutes: 0 } => string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? string.Empty : "s")}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min"),
    };
}
