using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Gates;

/// <summary>A deployment asking about the plan of one release; <see cref="Request"/> is null for a question that records nothing.</summary>
public sealed record GateQuestion(string TenantId, string Product, string Version, GateRequest? Request);

/// <summary>The plan asked about (null when the release has none), and the request as the plan now holds it.</summary>
public sealed record GateAnswer(Plan? Plan, GateRequest? Request, bool FirstAsked);

/// <summary>
/// Answers deployments that ask about a release's plan, and records those that wait on it. A
/// request is recorded once, keyed by the system's own ids, so a redelivery changes nothing; the
/// first time, the plan's thread hears that a deployment waits and the approval card shows it. An
/// outcome already due (the plan decided before the deployment asked) is owed in the same write,
/// and this host's gate sender is woken to send it at once.
/// </summary>
public sealed class GateDesk(
    IConversationStore store,
    IReplyChannels channels,
    DeliveryLedger ledger,
    EngineOptions options,
    GateSignal signal,
    TimeProvider time,
    ILogger<GateDesk> logger)
{
    public async Task<GateAnswer> AskAsync(GateQuestion question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await FindAsync(question, cancellationToken);
            if (stored is null || question.Request is not { } asked)
            {
                return new GateAnswer(stored?.Document.Plan, null, false);
            }

            var now = time.GetUtcNow();
            var document = stored.Document;
            var existing = document.Gates?.Find(r => r.Id == asked.Id);
            if (existing is not null && !Merge(existing, asked))
            {
                return new GateAnswer(document.Plan, existing, false);
            }

            if (existing is null)
            {
                (document.Gates ??= []).Add(asked);
                var notices = new GateNotices(channels, ledger.Instance, logger.GateMessageUndeliverable);
                notices.Add(document, GateWording.Asked(asked, document.Plan), GateVerdicts.IsApproved(document.Plan) ? Tone.Success : Tone.Info, now);
            }

            GateSchedule.Refresh(document, now, options.OwedReplyGrace);
            try
            {
                await store.CommitAsync(new TurnCommit(null, [stored]), cancellationToken);
            }
            catch (ConcurrencyException) when (attempt < options.MaxCommitAttempts)
            {
                logger.GateConflict(document.Plan.Id, attempt);
                continue;
            }

            if (existing is null)
            {
                logger.GateRequestRecorded(GateWording.System(asked.System), asked.Id, document.Plan.Id);
            }

            signal.Wake(document.Plan.TenantId, document.Plan.Id);
            return new GateAnswer(document.Plan, existing ?? asked, existing is null);
        }
    }

    private async Task<Versioned<PlanDocument>?> FindAsync(GateQuestion question, CancellationToken cancellationToken)
    {
        foreach (var version in ReleaseVersions.Candidates(question.Version))
        {
            if (await store.FindPlanAsync(question.TenantId, question.Product, version, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// A request asked again before it was told: Azure Pipelines delivers a check again when it got
    /// no answer in time, with the same ids and perhaps a fresh token. Once told, it stays as it is.
    /// </summary>
    private static bool Merge(GateRequest existing, GateRequest asked)
    {
        if (existing.ReportedAt is not null || existing.Claim is not null)
        {
            return false;
        }

        var changed = false;
        if (asked.Callback && !existing.Callback)
        {
            existing.Callback = true;
            changed = true;
        }

        if (asked.Azure is { } azure && azure != existing.Azure)
        {
            existing.Azure = azure;
            changed = true;
        }

        return changed;
    }
}
