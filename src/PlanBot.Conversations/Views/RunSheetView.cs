using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Views;

/// <summary>A step of the run sheet: the component, its nodes and what it waits for, and what was reported about it.</summary>
public sealed record RunSheetLine(int Number, string Component, IReadOnlyList<string> Nodes, IReadOnlyList<string> After, bool? Done, string? ReportedBy, DateTimeOffset? ReportedAt, string? Note);

/// <summary>
/// The run sheet in the plan's thread on deployment day: the steps in order with their nodes, who
/// delivers and supports the release and how to reach them, and what triggers a backout. While the
/// deployment runs (<see cref="Running"/>), the owner and the delivery team mark each step Done or Problem.
/// </summary>
public sealed record RunSheetView(
    string PlanId,
    string PlanTitle,
    string Stage,
    bool Running,
    IReadOnlyList<RunSheetLine> Steps,
    IReadOnlyList<PersonRef> DeliveryTeam,
    string? Contacts,
    string? Support,
    string? Escalation,
    string? BackoutTrigger) : View;
