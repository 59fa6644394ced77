using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Deployment;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>
/// Deployment day, in the plan's thread: the run sheet when the deployment starts (its steps marked
/// Done or Problem), the outcome (deployed, failed, rolled back) from people or pipelines, and after
/// a deployment section 8's success criteria as a checklist, until every one passed and the release
/// is done, or a failure brings out the backout plan and who decides.
/// </summary>
internal sealed class DeploymentFlow(IConversationStore store)
{
    public const string ChatSource = "chat";

    /// <summary><c>start deployment</c>, <c>deployed</c>, <c>failed &lt;reason&gt;</c>, <c>rolled back &lt;reason&gt;</c> typed by the owner or the delivery team.</summary>
    public void Report(TurnWork work, DeploymentStage stage, string? note) =>
        Apply(work, work.Active!, stage, ChatSource, note, eventId: null);

    /// <summary>A stage reported by a pipeline or another source outside chat; an event already recorded changes nothing.</summary>
    public static void Apply(TurnWork work, Versioned<PlanDocument> target, DeploymentStage stage, string source, string? note, string? eventId, bool byPerson = true)
    {
        var document = target.Document;
        var before = document.Plan;
        var after = before.Report(stage, byPerson ? work.From : null, source, note, eventId, work.Now);
        if (ReferenceEquals(after, before))
        {
            // A person is told; a pipeline's redelivered or repeated event passes without a word in the thread.
            if (byPerson)
            {
                work.Reply(new NoticeView($"The deployment of {before.Title} is already {Plan.Stage(before.State)}.", Tone.Info));
            }

            return;
        }

        document.Plan = after;
        work.Touch(target);
        var who = byPerson ? work.From.ToString() : source;
        var said = $"{who}: the deployment of {after.Title} is {Plan.Stage(after.State)}{(string.IsNullOrWhiteSpace(note) ? "." : $": {note.Trim()}.")}";
        var tone = after.State switch
        {
            PlanState.Failed or PlanState.RolledBack => Tone.Warning,
            PlanState.Deployed => Tone.Success,
            _ => Tone.Info,
        };
        ToThread(work, document, new NoticeView(said, tone));
        UpdateApprovalCard(work, document);
        switch (after.State)
        {
            case PlanState.Deploying:
                Post(work, document, PostKeys.RunSheet, RunSheet(after));
                break;
            case PlanState.Deployed:
                Post(work, document, PostKeys.RunSheet, RunSheet(after));
                Post(work, document, PostKeys.SuccessChecks, Checklist(after));
                break;
            case PlanState.Failed:
                Post(work, document, PostKeys.RunSheet, RunSheet(after));
                ToThread(work, document, Backout(after, "The deployment failed."));
                break;
        }

        if (!IsThread(work, document))
        {
            work.Reply(new NoticeView(said, tone));
        }
    }

    /// <summary>A stage a pipeline reported through the events endpoint, said in the plan's thread as the pipeline's.</summary>
    public async Task PipelineAsync(TurnWork work, PipelineEventAction reported, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, reported.PlanId, cancellationToken) is { } target)
        {
            Apply(work, target, reported.Stage, reported.Source, reported.Note, reported.EventId, byPerson: false);
        }
    }

    /// <summary><c>step &lt;n&gt; done|problem [note]</c>, or Done / Problem on the run sheet card.</summary>
    public async Task StepAsync(TurnWork work, StepAction action, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, action.PlanId, cancellationToken) is not { } target)
        {
            return;
        }

        var document = target.Document;
        if (action.Step < 1 || action.Step > document.Plan.RunSheetSteps().Count)
        {
            work.Answer(new NoticeView($"The run sheet has {document.Plan.RunSheetSteps().Count} steps; there is no step {action.Step}.", Tone.Problem));
            return;
        }

        document.Plan = document.Plan.ReportStep(action.Step, action.Done, work.From, action.Note, work.Now);
        work.Touch(target);
        var step = document.Plan.RunSheetSteps()[action.Step - 1];
        var report = action.Done
            ? $"{work.From}: step {action.Step}, {step.Component}, is done{Note(action.Note)}"
            : $"{work.From}: a problem with step {action.Step}, {step.Component}{Note(action.Note)}";
        work.Answer(RunSheet(document.Plan));
        Post(work, document, PostKeys.RunSheet, RunSheet(document.Plan));
        ToThread(work, document, new NoticeView(report, action.Done ? Tone.Success : Tone.Warning));
    }

    /// <summary><c>check &lt;n&gt; pass|fail [note]</c>, or Pass / Fail on the success checklist.</summary>
    public async Task CheckAsync(TurnWork work, CheckAction action, CancellationToken cancellationToken)
    {
        if (await TargetAsync(work, action.PlanId, cancellationToken) is not { } target)
        {
            return;
        }

        var document = target.Document;
        var criteria = document.Plan.SuccessCriteria();
        if (action.Criterion < 1 || action.Criterion > criteria.Count)
        {
            work.Answer(new NoticeView($"Section 8 gives {criteria.Count} success criteria; there is no criterion {action.Criterion}.", Tone.Problem));
            return;
        }

        document.Plan = document.Plan.Check(action.Criterion, action.Passed, work.From, action.Note, work.Now);
        work.Touch(target);
        var plan = document.Plan;
        work.Answer(Checklist(plan));
        Post(work, document, PostKeys.SuccessChecks, Checklist(plan));
        if (plan.State == PlanState.Done)
        {
            ToThread(work, document, new NoticeView($"Every success criterion of {plan.Title} passed: the release is done.", Tone.Success));
            UpdateApprovalCard(work, document);
        }
        else if (!action.Passed)
        {
            ToThread(work, document, Backout(plan, $"{work.From}: \"{criteria[action.Criterion - 1]}\" failed{Note(action.Note)}"));
        }
    }

    /// <summary>The run sheet of <paramref name="plan"/>, as it stands.</summary>
    public static RunSheetView RunSheet(Plan plan)
    {
        var reports = plan.StepReports ?? [];
        var steps = plan.RunSheetSteps().Select((s, i) =>
        {
            var report = reports.FirstOrDefault(r => r.Step == i + 1);
            return new RunSheetLine(i + 1, s.Component, s.Nodes, s.After, report?.Done, report?.By.ToString(), report?.At, report?.Note);
        }).ToList();
        return new RunSheetView(
            plan.Id,
            plan.Title,
            Plan.Stage(plan.State),
            plan.State == PlanState.Deploying,
            steps,
            plan.DeliveryTeam(),
            plan.AnswerTo("delivery-contacts")?.Value.Text,
            plan.AnswerTo("support")?.Value.Text,
            plan.AnswerTo("escalation")?.Value.Text,
            BackoutTrigger(plan));
    }

    public static SuccessChecklistView Checklist(Plan plan)
    {
        var checks = plan.CriterionChecks ?? [];
        var lines = plan.SuccessCriteria().Select((c, i) =>
        {
            var check = checks.FirstOrDefault(x => x.Criterion == i + 1);
            return new CriterionLine(i + 1, c, check?.Passed, check?.By.ToString(), check?.At, check?.Note);
        }).ToList();
        return new SuccessChecklistView(plan.Id, plan.Title, Plan.Stage(plan.State), plan.State == PlanState.Deployed, lines, [plan.Owner, .. plan.DeliveryTeam()]);
    }

    /// <summary>What triggers a backout, from the backout plan where the plan has one.</summary>
    private static string? BackoutTrigger(Plan plan) => plan.AnswerTo(PlanChecklist.BackoutTriggers)?.Value.Text;

    /// <summary>After a failure: the backout plan's trigger and steps, and who decides, @mentioned.</summary>
    private static NoticeView Backout(Plan plan, string what)
    {
        var trigger = BackoutTrigger(plan);
        var steps = plan.AnswerTo(PlanChecklist.BackoutSteps)?.Value.Text;
        var deciders = plan.AnswerTo(PlanChecklist.BackoutDecider)?.Value.People ?? [plan.Owner];
        var text = trigger is null && steps is null
            ? $"{what} The plan has no backout plan: its escalation procedure is \"{plan.AnswerTo("escalation")?.Value.Text ?? "not given"}\". Type `rolled back <reason>` once the previous release runs again."
            : $"{what} Backout trigger: {trigger ?? "not given"}. Backout steps: {steps ?? "not given"}. Who decides to back out is asked to decide; type `rolled back <reason>` once the previous release runs again.";
        return new NoticeView(text, Tone.Warning, deciders);
    }

    private static string Note(string? note) => string.IsNullOrWhiteSpace(note) ? "." : $": {note.Trim()}.";

    /// <summary>Posts <paramref name="view"/> in the plan's thread under <paramref name="key"/>, or updates it there in place.</summary>
    private static void Post(TurnWork work, PlanDocument document, string key, View view)
    {
        if (document.Posts.TryGetValue(key, out var post))
        {
            work.Post(view, post.Thread, DeliveryMode.Update, post.ActivityId);
        }
        else if (document.Posts.TryGetValue(PostKeys.Approval, out var request))
        {
            work.Post(view, request.Thread, DeliveryMode.Reply, postKey: key);
        }
        else
        {
            work.Reply(view);
        }
    }

    private static void ToThread(TurnWork work, PlanDocument document, NoticeView notice)
    {
        if (document.Posts.TryGetValue(PostKeys.Approval, out var request))
        {
            work.Post(notice, request.Thread, DeliveryMode.Reply);
        }
        else
        {
            work.Reply(notice);
        }
    }

    private static bool IsThread(TurnWork work, PlanDocument document) =>
        document.Posts.TryGetValue(PostKeys.Approval, out var request) && request.Thread.ConversationId == work.Turn.Conversation.ConversationId;

    private static void UpdateApprovalCard(TurnWork work, PlanDocument document)
    {
        if (document.Posts.TryGetValue(PostKeys.Approval, out var request))
        {
            work.Post(ApprovalViews.Build(document.Plan, forApprover: false, now: work.Now), request.Thread, DeliveryMode.Update, request.ActivityId);
        }
    }

    private async Task<Versioned<PlanDocument>?> TargetAsync(TurnWork work, string? planId, CancellationToken cancellationToken)
    {
        var target = planId is null || work.Active?.Document.Plan.Id == planId
            ? work.Active
            : await store.GetPlanAsync(work.Turn.Conversation.TenantId, planId, cancellationToken);
        if (target is null)
        {
            work.Answer(new NoticeView("That plan does not exist here any more.", Tone.Problem));
        }

        return target;
    }
}
