namespace PlanBot.Host.Hosting;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><c>Sqlite</c> (the default, embedded) or <c>Cosmos</c>.</summary>
    public string Provider { get; set; } = "Sqlite";
}
