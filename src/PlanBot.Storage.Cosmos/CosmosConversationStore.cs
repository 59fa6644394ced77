using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;
using PlanBot.Storage.Cosmos.Items;

namespace PlanBot.Storage.Cosmos;

/// <summary>
/// The Azure Cosmos DB store. A plan document is the unit of consistency: it holds the plan and the
/// session of every conversation working on it, so an answering turn is one point read of the plan
/// and one conditional replace of it. The conversation pointer ("the active plan here") is read
/// from this host's cache, which the plan itself confirms: its session for this conversation says
/// whether the conversation is still attached. Every write is conditional on the ETag read
/// (412 and 409 become <see cref="ConcurrencyException"/>); nothing shared is ever upserted blindly.
/// Documents go in and out as streams serialized with the shared <see cref="StateJsonContext"/>,
/// never through the SDK's serializer.
/// </summary>
public sealed partial class CosmosConversationStore : IConversationStore, IStoreInitializer
{
    /// <summary>Substatus of a 404 that means the database or container, not the item, is missing.</summary>
    private const int OwnerResourceNotFound = 1003;

    private const string ProbeId = "planbot-reachability-probe";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan SlowRequest = TimeSpan.FromSeconds(1);

    private readonly CosmosClient client;
    private readonly CosmosStoreOptions options;
    private readonly Container plans;
    private readonly Container conversations;
    private readonly Container tenants;
    private readonly PointerCache pointers;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly TimeSpan pointerTrust;
    private long requestCount;

    public CosmosConversationStore(CosmosClient client, CosmosStoreOptions options, TimeProvider? time = null, ILogger<CosmosConversationStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        CosmosStoreOptionsValidator.EnsureValid(options);
        this.client = client;
        this.options = options;
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<CosmosConversationStore>.Instance;
        plans = client.GetContainer(options.Database, CosmosContainers.Plans);
        conversations = client.GetContainer(options.Database, CosmosContainers.Conversations);
        tenants = client.GetContainer(options.Database, CosmosContainers.Tenants);
        pointers = new PointerCache(options.PointerCacheSize);
        // A pointer's time to live restarts only when it is written, and most turns write the plan
        // alone. Past half its life a cached copy is not trusted and the pointer is written again.
        pointerTrust = TimeSpan.FromSeconds(options.ConversationTtlSeconds / 2.0);
    }

    /// <summary>Requests this store has sent to Cosmos DB (reads, writes, query pages, probes), for tests and metrics.</summary>
    public long RequestCount => Interlocked.Read(ref requestCount);

    public async Task<ConversationSnapshot> LoadAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var key = conversation.Key;
        Versioned<PlanDocument>? seen = null;
        if (pointers.TryGet(key, out var cached) && cached.ActivePlanId is { } cachedPlanId && time.GetUtcNow() - cached.WrittenAt < pointerTrust)
        {
            // The common turn: one request. The plan confirms the cached pointer, because a switch to
            // another plan (on any host) marks this conversation's session in the old plan as detached.
            seen = await ReadPlanAsync(cached.TenantId, cachedPlanId, cancellationToken);
            if (seen is not null && seen.Document.Sessions.TryGetValue(key, out var session) && session.Attached)
            {
                return new ConversationSnapshot(new Versioned<ConversationDocument>(ItemCodec.Conversation(cached.Body), cached.ETag), seen);
            }

            logger.PointerStale(key);
        }

        var pointer = await ReadPointerAsync(key, refresh: true, cancellationToken);
        if (pointer?.Document.ActivePlanId is not { } planId)
        {
            return new ConversationSnapshot(pointer, null);
        }

        var active = seen is not null && seen.Document.Plan.Id == planId && seen.Document.Plan.TenantId == pointer.Document.TenantId
            ? seen
            : await ReadPlanAsync(pointer.Document.TenantId, planId, cancellationToken);
        return new ConversationSnapshot(pointer, active);
    }

    public async Task<Versioned<PlanDocument>?> FindPlanAsync(string tenantId, string product, string version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(product);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var found = await QueryAsync(PlanQueries.FindRelease(product, version), tenantId, maxItems: 1, "find plan", cancellationToken);
        if (found.Count == 0)
        {
            return null;
        }

        var item = found[0].Deserialize(ItemJsonContext.Default.PlanItem) ?? throw new InvalidDataException("A stored plan is empty.");
        return new Versioned<PlanDocument>(ItemCodec.Body(item), item.ETag);
    }

    public Task<Versioned<PlanDocument>?> GetPlanAsync(string tenantId, string planId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentNullException.ThrowIfNull(planId);
        return ItemKeys.IsUsableId(planId)
            ? ReadPlanAsync(tenantId, planId, cancellationToken)
            : Task.FromResult<Versioned<PlanDocument>?>(null);
    }

    public async Task<IReadOnlyList<Plan>> ListPlansAsync(string tenantId, string? product, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var found = await QueryAsync(PlanQueries.ListPlans(product), tenantId, maxItems: null, "list plans", cancellationToken);
        return found
            .Select(element => element.Deserialize(StateJsonContext.Default.Plan) ?? throw new InvalidDataException("A stored plan is empty."))
            .ToList();
    }

    /// <summary>
    /// The first <paramref name="skip"/> + <paramref name="take"/> plans of the list, the skipped ones
    /// dropped here: OFFSET costs as much on the server, and the local server runs no OFFSET.
    /// </summary>
    public async Task<IReadOnlyList<Plan>> ListPlansPageAsync(string tenantId, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var found = await QueryAsync(PlanQueries.ListPlans(null), tenantId, maxItems: skip + take, "list a page of plans", cancellationToken);
        return found
            .Skip(skip)
            .Take(take)
            .Select(element => element.Deserialize(StateJsonContext.Default.Plan) ?? throw new InvalidDataException("A stored plan is empty."))
            .ToList();
    }

    /// <summary>A projection in the tenant's partition (<see cref="PlanQueries.ListFeatureSets"/>).</summary>
    public async Task<IReadOnlyList<Plan>> ListFeatureSetsAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        var found = await QueryAsync(PlanQueries.ListFeatureSets(), tenantId, maxItems: null, "list feature sets", cancellationToken);
        return found
            .Select(element => element.Deserialize(StateJsonContext.Default.Plan) ?? throw new InvalidDataException("A stored plan is empty."))
            .ToList();
    }

    /// <summary>
    /// One of the two queries across tenants (partitions): plans carry <c>remindAt</c> only while a
    /// reminder waits, and it is indexed, so the fan-out reads just the due plans' ids.
    /// </summary>
    public Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        ListDueAsync(PlanQueries.DueReminders(now), "remindAt", max, (tenant, plan, at) => new DueReminder(tenant, plan, at), "list due reminders", cancellationToken);

    /// <summary>The other query across tenants, on <c>gateAt</c>, present only while something is owed to a waiting deployment.</summary>
    public Task<IReadOnlyList<DueGate>> ListDueGatesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        ListDueAsync(PlanQueries.DueGates(now), "gateAt", max, (tenant, plan, at) => new DueGate(tenant, plan, at), "list due gates", cancellationToken);

    private async Task<IReadOnlyList<T>> ListDueAsync<T>(QueryDefinition query, string field, int max, Func<string, string, DateTimeOffset, T> due, string what, CancellationToken cancellationToken)
    {
        var found = await QueryAsync(query, tenantId: null, maxItems: max, what, cancellationToken);
        return found
            .Select(e => (Tenant: e.GetProperty("tenantId").GetString()!, Plan: e.GetProperty("id").GetString()!, At: DateTimeOffset.Parse(e.GetProperty(field).GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)))
            .OrderBy(d => d.At)
            .Take(max)
            .Select(d => due(d.Tenant, d.Plan, d.At))
            .ToList();
    }

    /// <summary>
    /// Writes the plans, then the pointer. Cosmos DB has no transaction across partitions or
    /// containers (and TransactionalBatch, which spans one partition, is not what the pointer needs),
    /// so a commit of several documents is applied in that order and can stop part way: the plans
    /// written stay written. Plans go first because a plan nobody points at is harmless, and a
    /// pointer at a plan that was never written is not. A commit that switches plans first checks
    /// that the pointer is still the one read, so a stale pointer stops it before anything is written.
    /// </summary>
    public async Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Conversation is { } switching && commit.Plans.Count > 0)
        {
            await EnsurePointerUnchangedAsync(switching, cancellationToken);
        }

        foreach (var plan in commit.Plans)
        {
            await WritePlanAsync(plan, cancellationToken);
        }

        if (commit.Conversation is { } conversation)
        {
            await WritePointerAsync(conversation, cancellationToken);
        }
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        // A point read of an item that never exists: 1 RU, and proof of the endpoint, the credentials
        // and the container at once. Metadata calls would draw on the account's small control-plane budget.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout < ProbeTimeout ? options.RequestTimeout : ProbeTimeout);
        Interlocked.Increment(ref requestCount);
        try
        {
            using var response = await conversations.ReadItemStreamAsync(ProbeId, new PartitionKey(ProbeId), cancellationToken: timeout.Token);
            return response.StatusCode == HttpStatusCode.OK
                || (response.StatusCode == HttpStatusCode.NotFound && SubStatus(response) != OwnerResourceNotFound);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
