namespace PlanBot.Conversations.State;

/// <summary>
/// A view rendered for its channel: markdown text, and/or one card (<see cref="CardJson"/>, of
/// <see cref="CardContentType"/>). Stored rendered, so a reply owed after a crash goes out exactly
/// as it was committed.
/// </summary>
public sealed record RenderedReply(string? Text, string? CardContentType = null, string? CardJson = null, string? Summary = null);
