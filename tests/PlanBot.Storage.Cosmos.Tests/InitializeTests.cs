using Microsoft.Azure.Cosmos;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>Start-up: containers made in development, checked everywhere.</summary>
[Collection(CosmosCollection.Name)]
public sealed class InitializeTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task CreateIfMissing_makes_the_containers_as_PlanBot_needs_them_and_is_safe_to_repeat()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());

        await host.Store.InitializeAsync(None);

        var plans = (await host.Plans.ReadContainerAsync()).Resource;
        var conversations = (await host.Conversations.ReadContainerAsync()).Resource;
        var tenants = (await host.Tenants.ReadContainerAsync()).Resource;
        Assert.Equal("/tenantId", plans.PartitionKeyPath);
        Assert.Equal("/releaseKey", Assert.Single(Assert.Single(plans.UniqueKeyPolicy.UniqueKeys).Paths));
        Assert.Equal(["/releaseKey/?", "/productKey/?", "/createdAt/?", "/remindAt/?", "/gateAt/?"], plans.IndexingPolicy.IncludedPaths.Select(p => p.Path));
        Assert.Contains(plans.IndexingPolicy.ExcludedPaths, p => p.Path == "/*");
        Assert.Equal("/id", conversations.PartitionKeyPath);
        Assert.Equal(-1, conversations.DefaultTimeToLive);
        Assert.Empty(conversations.IndexingPolicy.IncludedPaths);
        Assert.Equal("/id", tenants.PartitionKeyPath);
        Assert.True(await host.Store.IsReachableAsync(None));
    }

    [Fact]
    public async Task Without_CreateIfMissing_a_missing_container_is_named_at_start_and_the_store_is_not_ready()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase(), o => o.CreateIfMissing = false, initialize: false);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.InitializeAsync(None));

        Assert.Contains($"{host.Options.Database}/plans does not exist", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Cosmos:CreateIfMissing", refused.Message, StringComparison.Ordinal);
        Assert.False(await host.Store.IsReachableAsync(None));
    }

    [Fact]
    public async Task A_plans_container_without_the_release_unique_key_is_refused_at_start()
    {
        var database = CosmosFixture.NewDatabase();
        var host = await cosmos.OpenAsync(database, o => o.CreateIfMissing = false, initialize: false);
        Database created = await host.Client.CreateDatabaseAsync(database);
        await created.CreateContainerAsync(new ContainerProperties(CosmosContainers.Plans, "/tenantId"));
        await created.CreateContainerAsync(CosmosContainers.ConversationsDefinition());
        await created.CreateContainerAsync(CosmosContainers.TenantsDefinition());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.InitializeAsync(None));

        Assert.Contains("has no unique key /releaseKey", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_conversations_container_partitioned_otherwise_is_refused_at_start()
    {
        var database = CosmosFixture.NewDatabase();
        var host = await cosmos.OpenAsync(database, o => o.CreateIfMissing = false, initialize: false);
        Database created = await host.Client.CreateDatabaseAsync(database);
        await created.CreateContainerAsync(CosmosContainers.PlansDefinition());
        await created.CreateContainerAsync(new ContainerProperties(CosmosContainers.Conversations, "/tenantId") { DefaultTimeToLive = -1 });
        await created.CreateContainerAsync(CosmosContainers.TenantsDefinition());

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.InitializeAsync(None));

        Assert.Contains("is partitioned by /tenantId; PlanBot needs /id", refused.Message, StringComparison.Ordinal);
    }
}
