using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Ports;

/// <summary>What a turn reads: the conversation's pointer and, when it has one, its active plan.</summary>
public sealed record ConversationSnapshot(Versioned<ConversationDocument>? Conversation, Versioned<PlanDocument>? ActivePlan);

/// <summary>A plan with a reminder due, as the reminder worker finds it.</summary>
public sealed record DueReminder(string TenantId, string PlanId, DateTimeOffset DueAt);

/// <summary>A plan with gate work due (an outcome or a message owed), as the gate sender finds it.</summary>
public sealed record DueGate(string TenantId, string PlanId, DateTimeOffset DueAt);

/// <summary>Everything one turn writes, applied all-or-nothing where the store can, plans first otherwise.</summary>
public sealed record TurnCommit(Versioned<ConversationDocument>? Conversation, IReadOnlyList<Versioned<PlanDocument>> Plans);

/// <summary>
/// Storage of plans and conversation state. Every write is conditional on the version read;
/// a lost race raises <see cref="ConcurrencyException"/> and the turn is re-run on fresh data.
/// </summary>
public interface IConversationStore
{
    /// <summary>The pointer and the active plan of a conversation; typically one store round trip.</summary>
    Task<ConversationSnapshot> LoadAsync(ConversationRef conversation, CancellationToken cancellationToken);

    /// <summary>The plan of one release in one tenant; product and version compare case-insensitively.</summary>
    Task<Versioned<PlanDocument>?> FindPlanAsync(string tenantId, string product, string version, CancellationToken cancellationToken);

    Task<Versioned<PlanDocument>?> GetPlanAsync(string tenantId, string planId, CancellationToken cancellationToken);

    /// <summary>The plans of a tenant, optionally of one product, newest first.</summary>
    Task<IReadOnlyList<Plan>> ListPlansAsync(string tenantId, string? product, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a tenant's plans, newest first: at most <paramref name="take"/> of them after the
    /// first <paramref name="skip"/>. What <c>list</c> and <c>pending</c> read, a page at a time,
    /// instead of every plan of the tenant.
    /// </summary>
    Task<IReadOnlyList<Plan>> ListPlansPageAsync(string tenantId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// The plans of a tenant as the similar-products search reads them: id, product, version, state,
    /// owner, creation time and the answers naming the features and components
    /// (<see cref="Domain.Reuse.SimilarPlans.Questions"/>); a store may return more of each plan. Much less than
    /// whole plans to read for every new product's first plan.
    /// </summary>
    Task<IReadOnlyList<Plan>> ListFeatureSetsAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>
    /// Plans of every tenant whose <see cref="PlanDocument.RemindAt"/> is at or before
    /// <paramref name="now"/>, earliest first, at most <paramref name="max"/>. Read from an index: the
    /// reminder worker asks every minute.
    /// </summary>
    Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Plans of every tenant whose <see cref="PlanDocument.GateAt"/> is at or before
    /// <paramref name="now"/>, earliest first, at most <paramref name="max"/>. Read from an index:
    /// the gate sender asks every few seconds.
    /// </summary>
    Task<IReadOnlyList<DueGate>> ListDueGatesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken);

    /// <summary>True when the store answers; feeds the readiness probe.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
