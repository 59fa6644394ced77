using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Domain.Plans;

/// <summary>A section the owner handed to a developer to answer, and when.</summary>
public sealed record Assignment(Section Section, PersonRef Assignee, DateTimeOffset At);
