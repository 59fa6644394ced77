using PlanBot.Domain.Answers;

namespace PlanBot.Domain.Plans;

/// <summary>One line of the plan's audit trail; appended, never rewritten.</summary>
public sealed record PlanEvent(DateTimeOffset At, PersonRef By, string What, int Revision);
