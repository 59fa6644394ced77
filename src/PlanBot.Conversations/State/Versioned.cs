namespace PlanBot.Conversations.State;

/// <summary>
/// A document with the version it was read at. Writing it back succeeds only if nobody wrote it
/// since; a null <see cref="ETag"/> means "create, and fail if it exists".
/// </summary>
public sealed record Versioned<T>(T Document, string? ETag)
    where T : class;
