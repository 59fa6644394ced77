using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Ports;

namespace PlanBot.Storage.Cosmos;

public static class CosmosServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Cosmos DB store as <see cref="IConversationStore"/> and <see cref="ITenantStore"/>, with options from
    /// <c>Storage:Cosmos</c> (validated at start) and one <see cref="CosmosClient"/> for the host's
    /// lifetime. Call <see cref="CosmosConversationStore.InitializeAsync"/> once on start.
    /// </summary>
    /// <param name="configuration">The application's configuration root.</param>
    public static IServiceCollection AddCosmosConversationStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CosmosStoreOptions>().Bind(configuration.GetSection(CosmosStoreOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CosmosStoreOptions>, CosmosStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CosmosClientFactory.Create(sp.GetRequiredService<IOptions<CosmosStoreOptions>>().Value));
        services.TryAddSingleton(sp => new CosmosConversationStore(
            sp.GetRequiredService<CosmosClient>(),
            sp.GetRequiredService<IOptions<CosmosStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger<CosmosConversationStore>()));
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<CosmosConversationStore>());
        services.AddSingleton<ITenantStore>(sp => sp.GetRequiredService<CosmosConversationStore>());
        return services;
    }
}
