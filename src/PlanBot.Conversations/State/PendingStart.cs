namespace PlanBot.Conversations.State;

/// <summary>
/// A plan the user asked to start while an earlier plan of the product exists: it waits for the
/// choice between that baseline and a fresh start.
/// </summary>
public sealed record PendingStart(string Product, string Version, string BaselinePlanId, string BaselineTitle);
