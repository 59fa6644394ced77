using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;

namespace PlanBot.Conversations.Reminders;

/// <summary>
/// Sends the reminders that fell due. Every host runs one; each due reminder goes out once. A
/// host claims a plan's due reminders with a conditional write of the plan that records them as
/// sent and holds them in the plan's reminder outbox; only the host whose write lands sends them,
/// and the others find the plan no longer due when they read it again. A host that dies between
/// its write and the send leaves them owed: after <see cref="EngineOptions.OwedReplyGrace"/> any
/// host takes them over, as turns do with owed replies.
/// </summary>
public sealed class ReminderWorker(
    IConversationStore store,
    IReplyChannels channels,
    DeliveryLedger ledger,
    EngineOptions options,
    TimeProvider time,
    ILogger<ReminderWorker> logger)
{
    /// <summary>Plans handled per round; the rest wait for the next round (a minute later by default).</summary>
    public const int BatchSize = 50;

    private const int MaxClaimAttempts = 5;

    /// <summary>Sends what is due now; returns how many reminders went out.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        try
        {
            var due = await store.ListDueRemindersAsync(time.GetUtcNow(), BatchSize, cancellationToken);
            foreach (var plan in due)
            {
                sent += await RemindAsync(plan, cancellationToken);
            }
        }
        catch (StoreUnavailableException unavailable)
        {
            logger.ReminderStoreUnavailable(unavailable);
        }

        return sent;
    }

    private async Task<int> RemindAsync(DueReminder due, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxClaimAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var stored = await store.GetPlanAsync(due.TenantId, due.PlanId, cancellationToken);
            if (stored is null || stored.Document.RemindAt is not { } remindAt || remindAt > now)
            {
                logger.ReminderTakenElsewhere(due.PlanId);
                return 0;
            }

            var document = stored.Document;
            var claimed = Claim(document, now);
            ReminderSchedule.Refresh(document, options);
            var ids = claimed.Select(c => c.Reply.Id).ToList();
            ledger.BeginSending(ids);
            try
            {
                await store.CommitAsync(new TurnCommit(null, [stored]), cancellationToken);
            }
            catch (ConcurrencyException)
            {
                // A turn or another host wrote the plan meanwhile: look again at the fresh copy.
                ledger.Abandon(ids);
                continue;
            }
            catch
            {
                ledger.Abandon(ids);
                throw;
            }

            return await SendAsync(document.Plan.Id, claimed, cancellationToken);
        }

        return 0;
    }

    /// <summary>Records the due reminders in the plan and returns what this host is now to send, and through which channel.</summary>
    private List<(OwedReply Reply, IReplyChannel Channel)> Claim(PlanDocument document, DateTimeOffset now)
    {
        var claimed = new List<(OwedReply, IReplyChannel)>();
        var outbox = document.ReminderOutbox;
        for (var i = 0; i < outbox.Count; i++)
        {
            var owed = outbox[i];
            var mine = owed.Instance == ledger.Instance;
            // A reminder for a channel this host does not serve is left to a host that does.
            if (!ledger.IsInFlight(owed.Id) && !ledger.IsSent(owed.Id) && (mine || now - owed.CommittedAt > options.OwedReplyGrace)
                && channels.For(owed.To!.Channel) is { } served)
            {
                outbox[i] = owed with { CommittedAt = now, Instance = ledger.Instance };
                claimed.Add((outbox[i], served));
            }
        }

        foreach (var subject in ReminderSchedule.Due(document, now, options))
        {
            var count = document.Reminders.TryGetValue(subject.Key, out var record) ? record.Count : 0;
            document.Reminders[subject.Key] = new ReminderRecord(count + 1, now);
            var message = ReminderMessages.For(document, subject, now);
            var channel = message is null ? null : channels.For(message.To.Channel);
            if (message is null || channel is null)
            {
                logger.ReminderUndeliverable(subject.Key, document.Plan.Id);
                continue;
            }

            var reply = new OwedReply(
                Guid.NewGuid().ToString("N"),
                channel.Render(message.View, message.To),
                now,
                ledger.Instance,
                ReplyToActivityId: null,
                To: message.To);
            outbox.Add(reply);
            claimed.Add((reply, channel));
        }

        return claimed;
    }

    private async Task<int> SendAsync(string planId, List<(OwedReply Reply, IReplyChannel Channel)> claimed, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var (reply, channel) in claimed)
        {
            var to = reply.To!;
            var location = new ReplyLocation(to, planId);
            try
            {
                await channel.SendAsync(to, reply, cancellationToken);
                ledger.MarkSent(reply.Id, location, time.GetUtcNow());
                logger.ReminderSent(reply.Id, planId);
                sent++;
            }
            catch (ReplyRejectedException rejected)
            {
                logger.ReplyRejected(rejected, reply.Id, to.Key);
                ledger.MarkSent(reply.Id, location, time.GetUtcNow());
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Stays in the plan's reminder outbox: sent again on a later round.
                logger.SendFailed(failure, reply.Id, to.Key);
                ledger.MarkFailed(reply.Id);
            }
        }

        return sent;
    }
}
