namespace PlanBot.Bench;

/// <summary>A bot under load in its own process: PlanBot's host or the peer on the Bot Framework SDK.</summary>
/// <param name="Name">As the report names it: <c>PlanBot</c> or <c>peer</c>.</param>
/// <param name="Storage">The store it keeps its state in, as the report names it.</param>
/// <param name="BaseUri">Where it listens (<c>http://127.0.0.1:&lt;port&gt;</c>): it takes activities at <c>/api/messages</c> and says it is ready at <c>/readyz</c>.</param>
/// <param name="HasListCommand">It answers <c>list</c> with the tenant's plans.</param>
internal sealed record BotProcess(string Name, string Storage, ChildProcess Process, Uri BaseUri, bool HasListCommand) : IAsyncDisposable
{
    public Uri Messages => new(BaseUri, "/api/messages");

    public Uri Ready => new(BaseUri, "/readyz");

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
