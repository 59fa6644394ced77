using Microsoft.Azure.Cosmos;

namespace PlanBot.Storage.Cosmos;

/// <summary>
/// The two containers and why they are cut as they are (docs/STORAGE.md has the long form).
/// <list type="bullet">
/// <item><c>plans</c>, partition key <c>/tenantId</c>: a plan is read by id within its tenant (a
/// point read), the plans of a product are listed within one tenant (a single-partition query), and
/// the unique key <c>/releaseKey</c> makes "one plan per release per tenant" the server's rule, so
/// two people starting the same release at once get one plan and one 409.</item>
/// <item><c>conversations</c>, partition key <c>/id</c>: the pointer of one conversation, read by id;
/// time to live on (default -1, each item carries its own <c>ttl</c>) so abandoned conversations go away.</item>
/// <item><c>tenants</c>, partition key <c>/id</c>: one small settings document per tenant, read by id.</item>
/// </list>
/// The unique key and the partition keys cannot be changed on an existing container.
/// </summary>
public static class CosmosContainers
{
    public const string Plans = "plans";
    public const string Conversations = "conversations";
    public const string Tenants = "tenants";
    public const string PlansPartitionKey = "/tenantId";
    public const string ConversationsPartitionKey = "/id";
    public const string TenantsPartitionKey = "/id";
    public const string ReleaseUniqueKey = "/releaseKey";

    /// <summary>What the plan queries filter and sort on; <c>/remindAt/?</c> serves the reminder worker, <c>/gateAt/?</c> the gate sender.</summary>
    public static readonly string[] PlansIndexedPaths = ["/releaseKey/?", "/productKey/?", "/createdAt/?", "/remindAt/?", "/gateAt/?"];

    /// <summary>
    /// Indexes only what the queries filter and sort on: a plan's body (sessions, history, outboxes)
    /// is large and never queried, and every indexed property adds to the RU cost of each write.
    /// </summary>
    public static ContainerProperties PlansDefinition()
    {
        var properties = new ContainerProperties(Plans, PlansPartitionKey)
        {
            PartitionKeyDefinitionVersion = PartitionKeyDefinitionVersion.V2,
            UniqueKeyPolicy = new UniqueKeyPolicy { UniqueKeys = { new UniqueKey { Paths = { ReleaseUniqueKey } } } },
        };
        properties.IndexingPolicy.IncludedPaths.Clear();
        foreach (var path in PlansIndexedPaths)
        {
            properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        return properties;
    }

    /// <summary>Pointers are only ever read by id: nothing to index.</summary>
    public static ContainerProperties ConversationsDefinition()
    {
        var properties = new ContainerProperties(Conversations, ConversationsPartitionKey)
        {
            PartitionKeyDefinitionVersion = PartitionKeyDefinitionVersion.V2,
            DefaultTimeToLive = -1,
        };
        properties.IndexingPolicy.IncludedPaths.Clear();
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        return properties;
    }

    /// <summary>Tenant settings are only ever read by id: nothing to index.</summary>
    public static ContainerProperties TenantsDefinition()
    {
        var properties = new ContainerProperties(Tenants, TenantsPartitionKey) { PartitionKeyDefinitionVersion = PartitionKeyDefinitionVersion.V2 };
        properties.IndexingPolicy.IncludedPaths.Clear();
        properties.IndexingPolicy.ExcludedPaths.Add(new ExcludedPath { Path = "/*" });
        return properties;
    }

    /// <summary>What is wrong with an existing container for PlanBot, or null when it fits.</summary>
    public static string? Problem(ContainerProperties actual, string database)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var expected = actual.Id switch
        {
            Plans => PlansDefinition(),
            Tenants => TenantsDefinition(),
            _ => ConversationsDefinition(),
        };
        if (actual.PartitionKeyPath != expected.PartitionKeyPath)
        {
            return $"Container {database}/{actual.Id} is partitioned by {actual.PartitionKeyPath ?? "(none)"}; PlanBot needs {expected.PartitionKeyPath}. Recreate it (see docs/STORAGE.md).";
        }

        if (actual.Id == Plans && !actual.UniqueKeyPolicy.UniqueKeys.Any(k => k.Paths.Count == 1 && k.Paths[0] == ReleaseUniqueKey))
        {
            return $"Container {database}/{Plans} has no unique key {ReleaseUniqueKey}, so two plans could exist for one release. Recreate it with the unique key (see docs/STORAGE.md).";
        }

        if (actual.Id == Conversations && actual.DefaultTimeToLive is null)
        {
            return $"Container {database}/{Conversations} has time to live off, so conversation pointers would never expire. Set its default time to live to -1 (on, per item).";
        }

        return null;
    }
}
