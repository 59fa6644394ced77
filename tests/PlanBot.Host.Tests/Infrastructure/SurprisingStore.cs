using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.Host.Tests.Infrastructure;

/// <summary>
/// The host's store, except that once armed, the next call of one of the named reads (a plan, a
/// conversation, the due reminders or gates) throws an exception no store is expected to throw (a bug, a
/// driver surprise).
/// </summary>
public sealed class SurprisingStore(IConversationStore inner) : IConversationStore
{
    private readonly Lock gate = new();
    private string[] armed = [];

    /// <summary>Times a read threw.</summary>
    public int Thrown { get; private set; }

    public void ThrowOnce(params string[] methods)
    {
        lock (gate)
        {
            armed = methods;
        }
    }

    public Task<ConversationSnapshot> LoadAsync(ConversationRef conversation, CancellationToken cancellationToken)
    {
        Surprise(nameof(LoadAsync));
        return inner.LoadAsync(conversation, cancellationToken);
    }

    public Task<Versioned<PlanDocument>?> GetPlanAsync(string tenantId, string planId, CancellationToken cancellationToken)
    {
        Surprise(nameof(GetPlanAsync));
        return inner.GetPlanAsync(tenantId, planId, cancellationToken);
    }

    public Task<IReadOnlyList<DueReminder>> ListDueRemindersAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        Surprise(nameof(ListDueRemindersAsync));
        return inner.ListDueRemindersAsync(now, max, cancellationToken);
    }

    public Task<IReadOnlyList<DueGate>> ListDueGatesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        Surprise(nameof(ListDueGatesAsync));
        return inner.ListDueGatesAsync(now, max, cancellationToken);
    }

    public Task<Versioned<PlanDocument>?> FindPlanAsync(string tenantId, string product, string version, CancellationToken cancellationToken) =>
        inner.FindPlanAsync(tenantId, product, version, cancellationToken);

    public Task<IReadOnlyList<Plan>> ListPlansAsync(string tenantId, string? product, CancellationToken cancellationToken) =>
        inner.ListPlansAsync(tenantId, product, cancellationToken);

    public Task<IReadOnlyList<Plan>> ListPlansPageAsync(string tenantId, int skip, int take, CancellationToken cancellationToken) =>
        inner.ListPlansPageAsync(tenantId, skip, take, cancellationToken);

    public Task<IReadOnlyList<Plan>> ListFeatureSetsAsync(string tenantId, CancellationToken cancellationToken) =>
        inner.ListFeatureSetsAsync(tenantId, cancellationToken);

    public Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken) => inner.CommitAsync(commit, cancellationToken);

    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => inner.IsReachableAsync(cancellationToken);

    private void Surprise(string method)
    {
        lock (gate)
        {
            if (!armed.Contains(method))
            {
                return;
            }

            armed = [];
            Thrown++;
        }

        throw new InvalidOperationException("A surprise from the store.");
    }
}
