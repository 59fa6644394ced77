namespace PlanBot.Storage.Sqlite;

public sealed class SqliteStoreOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The database file; relative paths are under the host's content root.</summary>
    public string Path { get; set; } = "data/planbot.db";

    /// <summary>How long a write waits for another writer before the store reports itself unavailable.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
