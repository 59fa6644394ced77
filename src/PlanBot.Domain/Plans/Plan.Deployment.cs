using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Deployment;

namespace PlanBot.Domain.Plans;

/// <summary>
/// Deployment day: the approved plan runs the release. It starts (Deploying), its run sheet's steps
/// are ticked off, and it ends Deployed, Failed or Rolled back; once deployed, its success criteria
/// are checked one by one, and when every one passes the release is Done. Pipelines and people
/// report the same events; an event already recorded (a redelivery) changes nothing.
/// </summary>
public sealed partial record Plan
{
    // Null until deployment day, so plans stored before it keep their shape.

    /// <summary>What happened on deployment day, oldest first.</summary>
    public IReadOnlyList<DeploymentEvent>? Timeline { get; init; }

    /// <summary>The run sheet's steps reported done or in trouble, latest report per step.</summary>
    public IReadOnlyList<StepReport>? StepReports { get; init; }

    /// <summary>The success criteria checked after the deployment, latest check per criterion.</summary>
    public IReadOnlyList<CriterionCheck>? CriterionChecks { get; init; }

    // The derived facts below are methods, not properties: stored plans keep only what was recorded.

    /// <summary>True from the start of the deployment on: the plan is then the record of it.</summary>
    public bool IsInDeployment() => State is PlanState.Deploying or PlanState.Deployed or PlanState.Failed or PlanState.RolledBack or PlanState.Done;

    /// <summary>The delivery team named in section 6.</summary>
    public IReadOnlyList<PersonRef> DeliveryTeam() => AnswerTo("delivery-team")?.Value.People ?? [];

    /// <summary>The owner and the delivery team: the people who run the deployment and report on it.</summary>
    public bool IsDeploymentCrew(PersonRef person) => IsOwner(person) || DeliveryTeam().Any(p => p.SameAs(person));

    /// <summary>The run sheet: section 2's steps in order (a plan answered before run sheets were read: one step per line).</summary>
    public IReadOnlyList<RunStep> RunSheetSteps() =>
        AnswerTo("rollout-order")?.Value is { } value
            ? value.Steps ?? (RunSheet.Read(value.Text).Steps ?? value.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => new RunStep(l, [], [])).ToList())
            : [];

    /// <summary>Section 8's success criteria, one per line (or sentence-ending semicolon) of its answers.</summary>
    public IReadOnlyList<string> SuccessCriteria() =>
        PlanChecklist.In(Section.SuccessCriteria)
            .Select(q => AnswerTo(q.Id)?.Value.Text)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .SelectMany(t => t!.Split(['\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();

    /// <summary>Reports the deployment's stage. A person must be of the deployment crew; a pipeline (by = null) is trusted by its source.</summary>
    public Plan Report(DeploymentStage stage, PersonRef? by, string source, string? note, string? eventId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (eventId is not null && (Timeline ?? []).Any(e => e.EventId == eventId))
        {
            return this;
        }

        EnsureCrew(by, "report the deployment");
        var target = stage switch
        {
            DeploymentStage.Started => PlanState.Deploying,
            DeploymentStage.Deployed => PlanState.Deployed,
            DeploymentStage.Failed => PlanState.Failed,
            DeploymentStage.RolledBack => PlanState.RolledBack,
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Not a stage a deployment is reported at."),
        };
        if (State == target)
        {
            return this;
        }

        var allowed = target switch
        {
            PlanState.Deploying => State is PlanState.Approved or PlanState.Failed or PlanState.RolledBack,
            PlanState.Deployed or PlanState.Failed => State is PlanState.Approved or PlanState.Deploying,
            PlanState.RolledBack => State is PlanState.Deploying or PlanState.Deployed or PlanState.Failed,
            _ => false,
        };
        if (!allowed)
        {
            throw State is PlanState.Draft or PlanState.InReview or PlanState.Rejected or PlanState.Cancelled
                ? new PlanRuleException(PlanRule.NotApproved, $"The plan for {Title} is not approved; its deployment waits for the approval.")
                : new PlanRuleException(PlanRule.WrongStage, $"The deployment of {Title} is already {Stage(State)}; it cannot become {Stage(target)} from there.");
        }

        if (stage is DeploymentStage.Failed or DeploymentStage.RolledBack && string.IsNullOrWhiteSpace(note))
        {
            throw new PlanRuleException(PlanRule.ReasonRequired, "Say what went wrong, so the team and the record know.");
        }

        var entry = new DeploymentEvent(now, by, source, target, note?.Trim(), eventId);
        return this with
        {
            State = target,
            Timeline = [.. Timeline ?? [], entry],
            History = Append(now, by ?? Owner, $"Deployment {Stage(target)} ({source}){(note is null ? string.Empty : $": {note.Trim()}")}"),
        };
    }

    /// <summary>Ticks a step of the run sheet off as done, or reports a problem with it, while the deployment runs.</summary>
    public Plan ReportStep(int step, bool done, PersonRef by, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCrew(by, "report on the run sheet");
        if (State != PlanState.Deploying)
        {
            throw new PlanRuleException(PlanRule.WrongStage, $"The run sheet is worked through while the deployment runs; it is {Stage(State)}.");
        }

        var steps = RunSheetSteps();
        if (step < 1 || step > steps.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"The run sheet has {steps.Count} steps.");
        }

        var report = new StepReport(step, steps[step - 1].Component, done, by, now, note?.Trim());
        return this with { StepReports = [.. (StepReports ?? []).Where(r => r.Step != step), report] };
    }

    /// <summary>
    /// Checks a success criterion after the deployment. When every criterion passed, the release is
    /// Done; a failed one leaves the plan Deployed until someone decides to back out or it passes.
    /// </summary>
    public Plan Check(int criterion, bool passed, PersonRef by, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureCrew(by, "check the success criteria");
        if (State != PlanState.Deployed)
        {
            throw new PlanRuleException(PlanRule.WrongStage, $"Success criteria are checked once the release is deployed; it is {Stage(State)}.");
        }

        var criteria = SuccessCriteria();
        if (criterion < 1 || criterion > criteria.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(criterion), criterion, $"Section 8 gives {criteria.Count} criteria.");
        }

        var check = new CriterionCheck(criterion, criteria[criterion - 1], passed, by, now, note?.Trim());
        var checks = (CriterionChecks ?? []).Where(c => c.Criterion != criterion).Append(check).OrderBy(c => c.Criterion).ToList();
        var next = this with { CriterionChecks = checks };
        if (checks.Count == criteria.Count && checks.All(c => c.Passed))
        {
            return next with
            {
                State = PlanState.Done,
                Timeline = [.. Timeline ?? [], new DeploymentEvent(now, by, "chat", PlanState.Done, "Every success criterion passed.", null)],
                History = Append(now, by, "Every success criterion passed: the release is done"),
            };
        }

        return next;
    }

    /// <summary>How a deployment stage reads in a sentence.</summary>
    public static string Stage(PlanState state) => state switch
    {
        PlanState.Deploying => "deploying",
        PlanState.Deployed => "deployed",
        PlanState.Failed => "failed",
        PlanState.RolledBack => "rolled back",
        PlanState.Done => "done",
        PlanState.Approved => "approved and not started",
        _ => "not approved",
    };

    private void EnsureCrew(PersonRef? by, string what)
    {
        if (by is not null && !IsDeploymentCrew(by))
        {
            throw new PlanRuleException(PlanRule.DeploymentCrewOnly, $"Only the plan's owner and the delivery team named in section 6 may {what}.");
        }
    }
}
