using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Gates;

/// <summary>
/// Tells waiting deployments their outcome, and delivers the messages about them, once, whichever
/// host does it. Like reminders: a host claims what is owed with a conditional write of the plan and
/// only the host whose write lands sends; a claim older than <see cref="EngineOptions.OwedReplyGrace"/>
/// is taken over, and then what the plan says at that moment is sent, not what was claimed. After
/// sending, a second write records the result: told (the Azure token dropped), to try again later
/// (waiting longer after each failure), or never to be told (the system stopped waiting). Messages
/// this host committed a moment ago are its own to send without another claim.
/// </summary>
public sealed class GateWorker(
    IConversationStore store,
    IGateCallbacks callbacks,
    IReplyChannels channels,
    DeliveryLedger ledger,
    EngineOptions options,
    GateOptions gates,
    TimeProvider time,
    ILogger<GateWorker> logger)
{
    /// <summary>Plans looked at per scan; the rest wait for the next.</summary>
    public const int BatchSize = 50;

    private const int MaxAttempts = 5;

    private readonly ConcurrentDictionary<string, byte> inFlight = new(StringComparer.Ordinal);

    /// <summary>Handles the plans woken on this host and those the store says are due; returns how many outcomes were told.</summary>
    public async Task<int> RunOnceAsync(IReadOnlyList<(string TenantId, string PlanId)> woken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(woken);
        var told = 0;
        try
        {
            var due = await store.ListDueGatesAsync(time.GetUtcNow(), BatchSize, cancellationToken);
            foreach (var (tenantId, planId) in woken.Concat(due.Select(d => (d.TenantId, d.PlanId))).Distinct())
            {
                told += await ProcessAsync(tenantId, planId, cancellationToken);
            }
        }
        catch (StoreUnavailableException unavailable)
        {
            logger.GateStoreUnavailable(unavailable);
        }

        return told;
    }

    private async Task<int> ProcessAsync(string tenantId, string planId, CancellationToken cancellationToken)
    {
        var told = 0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var stored = await store.GetPlanAsync(tenantId, planId, cancellationToken);
            if (stored is null)
            {
                return told;
            }

            var document = stored.Document;
            var before = document.GateAt;
            var (jobs, claimed) = Claim(document, now);
            GateSchedule.Refresh(document, now, options.OwedReplyGrace);
            if (jobs.Count == 0)
            {
                // Nothing of ours to do; a due time left behind in the past is put right so the scans stop finding the plan.
                if (before != document.GateAt && before <= now)
                {
                    await TryCommitAsync(stored, cancellationToken);
                }

                return told;
            }

            if (claimed && !await TryCommitAsync(stored, cancellationToken))
            {
                logger.GateConflict(planId, attempt);
                continue;
            }

            var results = await SendAsync(document, jobs, cancellationToken);
            told += results.Count(r => r.Report?.Result == GateReport.Told);
            var owedMore = await RecordAsync(tenantId, planId, results, cancellationToken);
            if (!owedMore)
            {
                return told;
            }

            // Recording owed this host messages (the outcome told, in the thread): send them now.
        }

        return told;
    }

    /// <summary>What this host is to send now, and whether claiming it needs a write (anything but its own fresh messages).</summary>
    private (List<Job> Jobs, bool Claimed) Claim(PlanDocument document, DateTimeOffset now)
    {
        var jobs = new List<Job>();
        var claimed = false;
        foreach (var request in document.Gates ?? [])
        {
            if (!request.Waiting || inFlight.ContainsKey(Key(document, request.Id)))
            {
                continue;
            }

            if (request.Claim is { } claim)
            {
                if (claim.Instance != ledger.Instance && now - claim.At <= options.OwedReplyGrace)
                {
                    continue;
                }

                // Its host died (or this host's record of it failed): what the plan says now is what is sent.
                request.Claim = null;
                request.Outcome = GateSchedule.Owed(request.Outcome, document.Plan, now);
                claimed = true;
            }

            if (request.Outcome is not { } due || request.RetryAt > now)
            {
                continue;
            }

            request.Claim = new GateClaim(ledger.Instance, now);
            jobs.Add(new Job(request.Id, Clone(request), due, null));
            claimed = true;
        }

        var outbox = document.GateOutbox ?? [];
        for (var i = 0; i < outbox.Count; i++)
        {
            var message = outbox[i];
            if (inFlight.ContainsKey(message.Id))
            {
                continue;
            }

            var fresh = now - message.CommittedAt <= options.OwedReplyGrace;
            if (message.Instance == ledger.Instance && fresh)
            {
                jobs.Add(new Job(message.Id, null, null, message));
            }
            else if (!fresh)
            {
                outbox[i] = message with { CommittedAt = now, Instance = ledger.Instance };
                jobs.Add(new Job(message.Id, null, null, outbox[i]));
                claimed = true;
            }
        }

        return (jobs, claimed);
    }

    private async Task<List<Result>> SendAsync(PlanDocument document, List<Job> jobs, CancellationToken cancellationToken)
    {
        var results = new List<Result>();
        foreach (var job in jobs)
        {
            var key = Key(document, job.Id);
            inFlight[key] = 0;
            try
            {
                results.Add(job.Message is { } message
                    ? new Result(job, null, await DeliverAsync(document, message, cancellationToken))
                    : new Result(job, await ReportAsync(document, job.Request!, job.Outcome!, cancellationToken), false));
            }
            finally
            {
                inFlight.TryRemove(key, out _);
            }
        }

        return results;
    }

    private async Task<GateReportResult> ReportAsync(PlanDocument document, GateRequest request, GateOutcome outcome, CancellationToken cancellationToken)
    {
        var system = GateWording.System(request.System);
        GateReportResult result;
        try
        {
            result = await callbacks.ReportAsync(request, outcome, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = new GateReportResult(GateReport.TryAgain, failure.Message);
        }

        PlanBotTelemetry.CountGateReport(request.System, result.Result);
        switch (result.Result)
        {
            case GateReport.Told:
                logger.GateReported(system, request.Id, document.Plan.Id, outcome.Approved);
                break;
            case GateReport.Gone:
                logger.GateReportGone(system, request.Id, document.Plan.Id, result.Detail);
                break;
            default:
                logger.GateReportFailed(system, request.Id, document.Plan.Id, request.Failures + 1, result.Detail);
                break;
        }

        return result;
    }

    /// <summary>True when the message is done with: delivered, or refused for good.</summary>
    private async Task<bool> DeliverAsync(PlanDocument document, OwedReply message, CancellationToken cancellationToken)
    {
        var to = message.To!;
        if (channels.For(to.Channel) is not { } channel)
        {
            logger.GateMessageUndeliverable(document.Plan.Id, to.Channel);
            return false;
        }

        try
        {
            await channel.SendAsync(to, message, cancellationToken);
            return true;
        }
        catch (ReplyRejectedException rejected)
        {
            logger.ReplyRejected(rejected, message.Id, to.Key);
            return true;
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.SendFailed(failure, message.Id, to.Key);
            return false;
        }
    }

    /// <summary>Records what was sent on a fresh copy of the plan; true when that owed this host new messages to send.</summary>
    private async Task<bool> RecordAsync(string tenantId, string planId, List<Result> results, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= options.MaxCommitAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var stored = await store.GetPlanAsync(tenantId, planId, cancellationToken);
            if (stored is null)
            {
                return false;
            }

            var document = stored.Document;
            var owedMore = false;
            foreach (var result in results)
            {
                if (result.Job.Message is { } message)
                {
                    if (result.Delivered)
                    {
                        document.GateOutbox?.RemoveAll(m => m.Id == message.Id);
                    }

                    continue;
                }

                if (document.Gates?.Find(r => r.Id == result.Job.Id) is { } request && Settle(request, result, now))
                {
                    var notices = new GateNotices(channels, ledger.Instance, logger.GateMessageUndeliverable);
                    owedMore |= notices.Add(document, GateWording.Reported(request), request.NotReported is not null ? Tone.Warning : request.Outcome!.Approved ? Tone.Success : Tone.Warning, now).Count > 0;
                }
            }

            GateSchedule.Refresh(document, now, options.OwedReplyGrace);
            if (await TryCommitAsync(stored, cancellationToken))
            {
                return owedMore;
            }

            logger.GateConflict(planId, attempt);
        }

        return false;
    }

    /// <summary>Applies one attempt's result to the stored request; true when the request is settled (told, or never to be).</summary>
    private bool Settle(GateRequest request, Result result, DateTimeOffset now)
    {
        if (request.Claim?.Instance != ledger.Instance || request.ReportedAt is not null)
        {
            return false;
        }

        request.Claim = null;
        var report = result.Report!;
        switch (report.Result)
        {
            case GateReport.Told:
                request.Outcome = result.Job.Outcome;
                request.ReportedAt = now;
                request.LastError = null;
                break;
            case GateReport.Gone:
                request.ReportedAt = now;
                request.NotReported = report.Detail ?? "it no longer waits.";
                break;
            default:
                request.Failures++;
                request.LastError = report.Detail;
                if (request.Failures >= gates.MaxFailures)
                {
                    request.ReportedAt = now;
                    request.NotReported = $"{request.Failures} attempts failed (last: {report.Detail}). Approve or reject the deployment there by hand.";
                    break;
                }

                var wait = gates.RetryDelay * Math.Pow(2, Math.Min(request.Failures - 1, 16));
                request.RetryAt = now + (wait < gates.MaxRetryDelay ? wait : gates.MaxRetryDelay);
                return false;
        }

        // Told or never to be: the job access token is not needed again.
        request.RetryAt = null;
        if (request.Azure is { AuthToken: not null } azure)
        {
            request.Azure = azure with { AuthToken = null };
        }

        return true;
    }

    private async Task<bool> TryCommitAsync(Versioned<PlanDocument> stored, CancellationToken cancellationToken)
    {
        try
        {
            await store.CommitAsync(new TurnCommit(null, [stored]), cancellationToken);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }

    private static string Key(PlanDocument document, string id) => $"{document.Plan.TenantId}|{document.Plan.Id}|{id}";

    /// <summary>A copy of the request as claimed, for the sender; the stored one changes with the plan.</summary>
    private static GateRequest Clone(GateRequest request) => new()
    {
        Id = request.Id,
        System = request.System,
        Environment = request.Environment,
        Run = request.Run,
        RunUrl = request.RunUrl,
        RequestedAt = request.RequestedAt,
        Callback = request.Callback,
        Azure = request.Azure,
        GitHub = request.GitHub,
        Outcome = request.Outcome,
        Failures = request.Failures,
    };

    private sealed record Job(string Id, GateRequest? Request, GateOutcome? Outcome, OwedReply? Message);

    private sealed record Result(Job Job, GateReportResult? Report, bool Delivered);
}
