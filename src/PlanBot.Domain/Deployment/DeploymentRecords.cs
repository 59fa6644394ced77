using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;

namespace PlanBot.Domain.Deployment;

/// <summary>A stage a deployment is reported at, by a pipeline or a person.</summary>
public enum DeploymentStage
{
    Started,
    Deployed,
    Failed,
    RolledBack,
}

/// <summary>
/// One change of a deployment's stage: when, who (null for a pipeline), from where ("chat",
/// "azure-devops", "github", "api"), the state reached, why, and the event's id at its source, which
/// makes a redelivered event change nothing.
/// </summary>
public sealed record DeploymentEvent(DateTimeOffset At, PersonRef? By, string Source, PlanState State, string? Note, string? EventId);

/// <summary>A step of the run sheet reported done, or in trouble (<see cref="Done"/> false), by whom and when.</summary>
public sealed record StepReport(int Step, string Component, bool Done, PersonRef By, DateTimeOffset At, string? Note);

/// <summary>A success criterion checked after the deployment: passed or failed, by whom and when, with a note.</summary>
public sealed record CriterionCheck(int Criterion, string Text, bool Passed, PersonRef By, DateTimeOffset At, string? Note);
