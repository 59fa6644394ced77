using System.Globalization;
using System.Text.Json;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>
/// A store that behaves like the real ones: documents are kept as JSON in the shared stored shape
/// and every read hands out a fresh copy; versions are integers used as ETags; writes are
/// conditional and a commit applies all of its documents or none. It counts the requests it serves
/// and can be told to lose a race or to be down.
/// </summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly Lock gate;
    private readonly Dictionary<string, StoredPlan> plans;
    private readonly Dictionary<string, StoredConversation> conversations;
    private int reads;
    private int writes;
    private int conflictsToInject;
    private Func<Task>? beforeNextCommit;

    public InMemoryConversationStore()
        : this(new Lock(), new(StringComparer.Ordinal), new(StringComparer.Ordinal))
    {
    }

    private InMemoryConversationStore(Lock gate, Dictionary<string, StoredPlan> plans, Dictionary<string, StoredConversation> conversations)
    {
        this.gate = gate;
        this.plans = plans;
        this.conversations = conversations;
    }

    /// <summary>Read requests served (or refused while down).</summary>
    public int Reads => Volatile.Read(ref reads);

    /// <summary>Commit requests served (or refused while down), each one round trip however many documents it holds.</summary>
    public int Writes => Volatile.Read(ref writes);

    /// <summary>How long each request takes, as a round trip to a real store would; none by default.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Every request fails as if the store did not answer.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Reads work; every commit fails as if the store did not answer.</summary>
    public bool WritesUnavailable { get; set; }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref reads, 0);
        Interlocked.Exchange(ref writes, 0);
    }

    /// <summary>
    /// A second store over the same documents, as a restarted host opens the same database; its
    /// counters, latency and faults are its own.
    /// </summary>
    public InMemoryConversationStore Reopen() => new(gate, plans, conversations);

    /// <summary>The next <paramref name="count"/> commits fail with a conflict and write nothing.</summary>
    public void InjectConflicts(int count) => Interlocked.Exchange(ref conflictsToInject, count);

    /// <summary>Runs <paramref name="action"/> (say, another user's whole turn) just before the next commit is applied.</summary>
    public void BeforeNextCommit(Func<Task> action) => Interlocked.Exchange(ref beforeNextCommit, action);

    public async Task<ConversationSnapshot> LoadAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await ReadRequestAsync(cancellationToken);
        lock (gate)
        {
            if (!conversations.TryGetValue(conversation.Key, out var pointer))
            {
                return new ConversationSnapshot(null, null);
            }

            var plan = pointer.ActivePlanId is { } id && plans.TryGetValue(id, out var stored) ? stored.Read() : null;
            return new ConversationSnapshot(pointer.Read(), plan);
        }
    }

    public async Task<Versioned<PlanDocument>?> FindPlanAsync(string tenantId, string product, string version, CancellationToken cancellationToken)
    {
        await ReadRequestAsync(cancellationToken);
        lock (gate)
        {
            return plans.Values.FirstOrDefault(p => p.IsRelease(tenantId, Key(product), Key(version)))?.Read();
        }
    }

    public async Task<Versioned<PlanDocument>?> GetPlanAsync(string tenantId, string planId, CancellationToken cancellationToken)
    {
        await ReadRequestAsync(cancellationToken);
        lock (gate)
        {
            return plans.TryGetValue(planId, out var stored) && stored.TenantId == tenantId ? stored.Read() : null;
        }
    }

    public async Task<IReadOnlyList<Plan>> ListPlansPageAsync(string tenantId, int skip, int take, CancellationToken cancellationToken) =>
        (await ListPlansAsync(tenantId, null, cancellationToken)).Skip(skip).Take(take).ToList();

    public async Task<IReadOnlyList<Plan>> ListPlansAsync(string tenantId, string? product, CancellationToken cancellationToken)
    {
        await ReadRequestAsync(cancellationToken);
        lock (gate)
        {
            return plans.Values
                .Where(p => p.TenantId == tenantId && (product is null || p.ProductKey == Key(product)))
                .OrderByDescending(p => p.CreatedAt)
                .Select(p => p.Read().Document.Plan)
                .ToList();
        }
    }

    /// <summary>Only what the contract promises, so the engine cannot come to rely on more.</summary>
    public async Task<IReadOnlyList<Plan>> ListFeatureSetsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var plans = await ListPlansAsync(tenantId, null, cancellationToken);
        return plans
            .Select(p => p with
            {
                Answers = p.Answers.Where(a => Domain.Reuse.SimilarPlans.Questions.Contains(a.Key)).ToDictionary(),
                History = [],
                Decisions = [],
                Assignments = [],
            })
            .ToList();
    }

    public Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        ListDueAsync(p => p.RemindAt, now, max, (tenant, plan, at) => new DueReminder(tenant, plan, at), cancellationToken);

    public Task<IReadOnlyList<DueGate>> ListDueGatesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        ListDueAsync(p => p.GateAt, now, max, (tenant, plan, at) => new DueGate(tenant, plan, at), cancellationToken);

    public async Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (Interlocked.Exchange(ref beforeNextCommit, null) is { } interleaved)
        {
            await interleaved();
        }

        Interlocked.Increment(ref writes);
        await RoundTripAsync();
        if (Unavailable || WritesUnavailable)
        {
            throw new StoreUnavailableException("The in-memory store is down.");
        }

        if (Interlocked.Decrement(ref conflictsToInject) >= 0)
        {
            throw new ConcurrencyException("Injected conflict.");
        }

        lock (gate)
        {
            // Check every document first, so a commit is applied whole or not at all.
            var planRows = commit.Plans.Select(CheckPlan).ToList();
            var conversationRow = commit.Conversation is { } conversation ? CheckConversation(conversation) : null;
            foreach (var row in planRows)
            {
                plans[row.Id] = row;
            }

            if (conversationRow is not null)
            {
                conversations[conversationRow.Key] = conversationRow;
            }
        }
    }

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(!Unavailable);

    /// <summary>Puts a plan in place as if an earlier turn had written it (not counted).</summary>
    public void Seed(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (gate)
        {
            plans[document.Plan.Id] = StoredPlan.From(document, 1);
        }
    }

    /// <summary>Puts a conversation pointer in place as if an earlier turn had written it (not counted).</summary>
    public void Seed(ConversationDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (gate)
        {
            conversations[document.Key] = StoredConversation.From(document, 1);
        }
    }

    /// <summary>A fresh copy of a stored plan, for assertions (not counted).</summary>
    public PlanDocument? PlanOf(string tenantId, string product, string version)
    {
        lock (gate)
        {
            return plans.Values.FirstOrDefault(p => p.IsRelease(tenantId, Key(product), Key(version)))?.Read().Document;
        }
    }

    /// <summary>A fresh copy of a stored conversation pointer, for assertions (not counted).</summary>
    public ConversationDocument? ConversationOf(string key)
    {
        lock (gate)
        {
            return conversations.TryGetValue(key, out var stored) ? stored.Read().Document : null;
        }
    }

    public int PlanCount
    {
        get
        {
            lock (gate)
            {
                return plans.Count;
            }
        }
    }

    /// <summary>Everything stored with its version, as text: equal dumps mean nothing was written.</summary>
    public string Dump()
    {
        lock (gate)
        {
            var lines = plans.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => $"plan {p.Id} v{p.Version} {p.Json}")
                .Concat(conversations.Values.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"conversation {c.Key} v{c.Version} {c.Json}"));
            return string.Join('\n', lines);
        }
    }

    private async Task ReadRequestAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        await RoundTripAsync();
        cancellationToken.ThrowIfCancellationRequested();
        if (Unavailable)
        {
            throw new StoreUnavailableException("The in-memory store is down.");
        }
    }

    private async Task RoundTripAsync()
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency);
        }
        else
        {
            await Task.Yield();
        }
    }

    private StoredPlan CheckPlan(Versioned<PlanDocument> written)
    {
        var plan = written.Document.Plan;
        var exists = plans.TryGetValue(plan.Id, out var current);
        if (written.ETag is null)
        {
            if (exists)
            {
                throw new ConcurrencyException($"Plan {plan.Id} already exists.");
            }

            if (plans.Values.Any(p => p.IsRelease(plan.TenantId, Key(plan.Product), Key(plan.Version))))
            {
                throw new ConcurrencyException($"A plan for {plan.Title} already exists in {plan.TenantId}.");
            }

            return StoredPlan.From(written.Document, 1);
        }

        if (!exists || Tag(current!.Version) != written.ETag)
        {
            throw new ConcurrencyException($"Plan {plan.Id} changed since it was read.");
        }

        // Real stores find the plan to replace by its tenant and id: one that names another tenant replaces nothing.
        if (current.TenantId != plan.TenantId)
        {
            throw new ConcurrencyException($"Plan {plan.Id} is not a plan of {plan.TenantId}.");
        }

        return StoredPlan.From(written.Document, current.Version + 1);
    }

    private StoredConversation CheckConversation(Versioned<ConversationDocument> written)
    {
        var key = written.Document.Key;
        var exists = conversations.TryGetValue(key, out var current);
        if (written.ETag is null)
        {
            return exists ? throw new ConcurrencyException($"Conversation {key} already exists.") : StoredConversation.From(written.Document, 1);
        }

        if (!exists || Tag(current!.Version) != written.ETag)
        {
            throw new ConcurrencyException($"Conversation {key} changed since it was read.");
        }

        return StoredConversation.From(written.Document, current.Version + 1);
    }

    private async Task<IReadOnlyList<T>> ListDueAsync<T>(Func<StoredPlan, DateTimeOffset?> at, DateTimeOffset now, int max, Func<string, string, DateTimeOffset, T> due, CancellationToken cancellationToken)
    {
        await ReadRequestAsync(cancellationToken);
        lock (gate)
        {
            return plans.Values
                .Where(p => at(p) <= now)
                .OrderBy(at)
                .Take(max)
                .Select(p => due(p.TenantId, p.Id, at(p)!.Value))
                .ToList();
        }
    }

    private static string Key(string name) => name.Trim().ToLowerInvariant();

    private static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record StoredPlan(string Id, string TenantId, string ProductKey, string VersionKey, DateTimeOffset CreatedAt, DateTimeOffset? RemindAt, DateTimeOffset? GateAt, long Version, string Json)
    {
        public static StoredPlan From(PlanDocument document, long version)
        {
            var plan = document.Plan;
            return new StoredPlan(plan.Id, plan.TenantId, Key(plan.Product), Key(plan.Version), plan.CreatedAt, document.RemindAt, document.GateAt, version,
                JsonSerializer.Serialize(document, StateJsonContext.Default.PlanDocument));
        }

        public bool IsRelease(string tenantId, string productKey, string versionKey) =>
            TenantId == tenantId && ProductKey == productKey && VersionKey == versionKey;

        public Versioned<PlanDocument> Read() =>
            new(JsonSerializer.Deserialize(Json, StateJsonContext.Default.PlanDocument)!, Tag(Version));
    }

    private sealed record StoredConversation(string Key, string TenantId, string? ActivePlanId, long Version, string Json)
    {
        public static StoredConversation From(ConversationDocument document, long version) =>
            new(document.Key, document.TenantId, document.ActivePlanId, version,
                JsonSerializer.Serialize(document, StateJsonContext.Default.ConversationDocument));

        public Versioned<ConversationDocument> Read() =>
            new(JsonSerializer.Deserialize(Json, StateJsonContext.Default.ConversationDocument)!, Tag(Version));
    }
}
