namespace PlanBot.Domain.Deployment;

/// <summary>One line of the run sheet: a component, the node(s) it goes to, and the components it comes after.</summary>
public sealed record RunStep(string Component, IReadOnlyList<string> Nodes, IReadOnlyList<string> After);
