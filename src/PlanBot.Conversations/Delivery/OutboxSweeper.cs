using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Reminders;
using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Delivery;

/// <summary>
/// Records replies this host sent as sent, for sessions that had no later write to carry that
/// news (typically the last reply of a conversation). Runs off the turn path, a few seconds behind.
/// </summary>
public sealed class OutboxSweeper(IConversationStore store, DeliveryLedger ledger, EngineOptions options, TimeProvider time, ILogger<OutboxSweeper> logger)
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(3);

    /// <summary>Records what was sent before <see cref="Delay"/> ago; returns how many replies were settled.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = ledger.Unrecorded(time.GetUtcNow() - Delay);
        var settled = 0;
        foreach (var group in due.GroupBy(s => s.Location))
        {
            var ids = group.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            try
            {
                await RecordAsync(group.Key, ids, cancellationToken);
                ledger.Forget(ids);
                settled += ids.Count;
                logger.Recorded(ids.Count, group.Key.Conversation.Key);
            }
            catch (Exception failure) when (failure is ConcurrencyException or StoreUnavailableException)
            {
                logger.RecordFailed(failure, group.Key.Conversation.Key);
            }
        }

        return settled;
    }

    private async Task RecordAsync(ReplyLocation location, HashSet<string> ids, CancellationToken cancellationToken)
    {
        if (location.PlanId is { } planId)
        {
            var plan = await store.GetPlanAsync(location.Conversation.TenantId, planId, cancellationToken);
            if (plan is not null && Remove(plan.Document.Sessions.Values.Select(s => s.Outbox).Append(plan.Document.ReminderOutbox), ids))
            {
                // With its sent reminders recorded, the plan is next due at its next reminder, not at their take-over time.
                ReminderSchedule.Refresh(plan.Document, options);
                await store.CommitAsync(new TurnCommit(null, [plan]), cancellationToken);
            }

            return;
        }

        var snapshot = await store.LoadAsync(location.Conversation, cancellationToken);
        if (snapshot.Conversation is { } conversation && Remove([conversation.Document.Session.Outbox], ids))
        {
            await store.CommitAsync(new TurnCommit(conversation, []), cancellationToken);
        }
    }

    private static bool Remove(IEnumerable<List<OwedReply>> outboxes, HashSet<string> ids)
    {
        var removed = 0;
        foreach (var outbox in outboxes)
        {
            removed += outbox.RemoveAll(r => ids.Contains(r.Id));
        }

        return removed > 0;
    }
}
