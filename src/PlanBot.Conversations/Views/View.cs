namespace PlanBot.Conversations.Views;

/// <summary>
/// What the engine wants shown, before any channel decides how. Renderers turn each view into an
/// Adaptive Card, Block Kit or text, so a view added once appears on every channel.
/// </summary>
public abstract record View;
