using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Ports;

namespace PlanBot.Storage.Cosmos;

public static class CosmosServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Cosmos DB store as <see cref="IConversationStore"/>, <see cref="ITenantStore"/> and
    /// <see cref="IStoreInitializer"/>, with options bound from <c>Storage:Cosmos</c> and validated at
    /// start-up, and one <see cref="CosmosClient"/> for the host's lifetime.
    /// </summary>
    public static IServiceCollection AddCosmosStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CosmosStoreOptions>().BindConfiguration(CosmosStoreOptions.Section).ValidateOnStart();
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
        services.AddSingleton<IStoreInitializer>(sp => sp.GetRequiredService<CosmosConversationStore>());
        return services;
    }
}
