using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Ports;

namespace PlanBot.Storage.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SQLite store as <see cref="IConversationStore"/>, <see cref="ITenantStore"/> and
    /// <see cref="IStoreInitializer"/>, with options bound from <c>Storage:Sqlite</c> and validated at start-up.
    /// </summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SqliteStoreOptions>().BindConfiguration(SqliteStoreOptions.Section).ValidateOnStart()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{SqliteStoreOptions.Section}:Path must name the database file.")
            .Validate(o => o.BusyTimeoutMilliseconds >= 0, $"{SqliteStoreOptions.Section}:BusyTimeoutMilliseconds must not be negative.");
        services.TryAddSingleton(sp => new SqliteConversationStore(sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value));
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<SqliteConversationStore>());
        services.AddSingleton<ITenantStore>(sp => sp.GetRequiredService<SqliteConversationStore>());
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<SqliteConversationStore>());
        return services;
    }
}
