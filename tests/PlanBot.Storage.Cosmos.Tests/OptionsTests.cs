using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Ports;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>Configuration of <c>Storage:Cosmos</c>: what is refused, with which message, and what the host gets.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void The_defaults_are_the_production_ones()
    {
        var options = new CosmosStoreOptions();

        Assert.Equal("planbot", options.Database);
        Assert.False(options.CreateIfMissing);
        Assert.False(options.AcceptAnyServerCertificate);
        Assert.Equal(30 * 24 * 3600, options.ConversationTtlSeconds);
        Assert.Equal(ConnectionMode.Gateway, options.ConnectionMode);
    }

    [Theory]
    [InlineData(null, "Storage:Cosmos:Endpoint is not set")]
    [InlineData("planbot.documents.azure.com", "Storage:Cosmos:Endpoint \"planbot.documents.azure.com\" is not an absolute https URL")]
    [InlineData("http://planbot.documents.azure.com/", "Storage:Cosmos:Endpoint must use https")]
    public void A_missing_or_bad_endpoint_is_named(string? endpoint, string message)
    {
        var failures = CosmosStoreOptionsValidator.Check(new CosmosStoreOptions { Endpoint = endpoint });

        Assert.Contains(failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_key_is_named_in_one_go()
    {
        var failures = CosmosStoreOptionsValidator.Check(new CosmosStoreOptions
        {
            Endpoint = "https://planbot.documents.azure.com:443/",
            Key = "not base64!",
            ManagedIdentityClientId = "not-a-guid",
            Database = "a/b",
            ConversationTtlSeconds = 0,
            RequestTimeout = TimeSpan.Zero,
            ConnectionMode = (ConnectionMode)7,
        });

        Assert.Contains(failures, f => f.StartsWith("Storage:Cosmos:Key is not a valid account key", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Storage:Cosmos:Key and Storage:Cosmos:ManagedIdentityClientId are both set", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Storage:Cosmos:ManagedIdentityClientId \"not-a-guid\" is not a client id", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Storage:Cosmos:Database must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Storage:Cosmos:ConversationTtlSeconds must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Storage:Cosmos:RequestTimeout must be", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Storage:Cosmos:ConnectionMode must be", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://planbot.documents.azure.com:443/", false)]
    [InlineData("https://10.0.0.4:8081/", false)]
    [InlineData("https://127.0.0.1:8081/", true)]
    [InlineData("https://localhost:8081/", true)]
    [InlineData("https://[::1]:8081/", true)]
    public void Any_certificate_is_accepted_only_from_this_machine(string endpoint, bool allowed)
    {
        var failures = CosmosStoreOptionsValidator.Check(new CosmosStoreOptions { Endpoint = endpoint, AcceptAnyServerCertificate = true });

        Assert.Equal(!allowed, failures.Any(f => f.StartsWith("Storage:Cosmos:AcceptAnyServerCertificate is allowed only", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_managed_identity_without_a_key_is_a_valid_production_setting()
    {
        var options = new CosmosStoreOptions
        {
            Endpoint = "https://planbot.documents.azure.com:443/",
            ManagedIdentityClientId = "6f1c0de2-0000-4000-8000-000000000009",
            ConnectionMode = ConnectionMode.Direct,
        };

        Assert.Empty(CosmosStoreOptionsValidator.Check(options));
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(CosmosClientFactory.CredentialFor(options));
        Assert.IsType<Azure.Identity.DefaultAzureCredential>(CosmosClientFactory.CredentialFor(new CosmosStoreOptions()));
        using var client = CosmosClientFactory.Create(options);
        Assert.Equal(ConnectionMode.Direct, client.ClientOptions.ConnectionMode);
        Assert.False(client.ClientOptions.EnableContentResponseOnWrite);
    }

    [Fact]
    public void The_host_gets_one_client_and_the_store_as_its_conversation_store()
    {
        using var services = Services(new()
        {
            ["Storage:Cosmos:Endpoint"] = "https://127.0.0.1:8081/",
            ["Storage:Cosmos:Key"] = CosmosFixture.LocalKey,
            ["Storage:Cosmos:Database"] = "planbot-dev",
            ["Storage:Cosmos:CreateIfMissing"] = "true",
            ["Storage:Cosmos:LimitToEndpoint"] = "true",
            ["Storage:Cosmos:AcceptAnyServerCertificate"] = "true",
            ["Storage:Cosmos:ConversationTtlSeconds"] = "3600",
            ["Storage:Cosmos:RequestTimeout"] = "00:00:05",
        });

        var store = services.GetRequiredService<IConversationStore>();

        Assert.IsType<CosmosConversationStore>(store);
        Assert.Same(store, services.GetRequiredService<CosmosConversationStore>());
        Assert.Same(store, services.GetRequiredService<ITenantStore>());
        Assert.Same(store, services.GetRequiredService<IStoreInitializer>());
        Assert.Same(services.GetRequiredService<CosmosClient>(), services.GetRequiredService<CosmosClient>());
        var options = services.GetRequiredService<IOptions<CosmosStoreOptions>>().Value;
        Assert.Equal("planbot-dev", options.Database);
        Assert.Equal(3600, options.ConversationTtlSeconds);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
        Assert.True(options.CreateIfMissing);
    }

    [Fact]
    public void A_bad_configuration_stops_the_host_with_the_key_to_fix()
    {
        using var services = Services(new()
        {
            ["Storage:Cosmos:Endpoint"] = "https://planbot.documents.azure.com:443/",
            ["Storage:Cosmos:AcceptAnyServerCertificate"] = "true",
        });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IConversationStore>());

        Assert.Contains("Storage:Cosmos:AcceptAnyServerCertificate is allowed only", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        // The options are bound from the host's configuration, as the host registers it.
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCosmosStore().BuildServiceProvider();
    }
}
