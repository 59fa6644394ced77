using Microsoft.Extensions.Logging;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// How a turn commits. One read of the conversation's pointer and active plan, the engine's
/// changes, then one conditional write that holds the new state, the id of the activity consumed
/// and the rendered replies owed. Replies are sent only after that write; a later write of the
/// same session (or the sweeper) records them as sent. A redelivered activity finds its id
/// consumed and changes nothing; a reply whose sender died goes out on the next turn.
/// </summary>
public sealed class TurnProcessor(
    IConversationStore store,
    PlanEngine engine,
    DeliveryLedger ledger,
    EngineOptions options,
    TimeProvider time,
    PostRegistry posts,
    ILogger<TurnProcessor> logger,
    TurnRateLimiter? rateLimiter = null)
{
    /// <summary>What someone over their own limit is told.</summary>
    public const string SlowDown = "You're sending me more than I can take in right now, so I did not act on that. Nothing of it was saved: wait a minute, then send it again.";

    /// <summary>What the sender of a change that would take a plan past <see cref="EngineOptions.MaxPlanBytes"/> is told.</summary>
    public const string PlanTooLarge = "That was not saved: it would make this plan larger than I can store. Nothing of your last message changed the plan. Shorten a long answer, or keep the detail in a document and give its link.";

    /// <summary>What someone is told when their whole organisation is over its limit.</summary>
    public const string TenantSlowDown = "Your organisation is sending me more than I can take in right now, so I did not act on that. Nothing of it was saved: wait a minute, then send it again.";

    public async Task<TurnOutcome> ProcessAsync(Turn turn, IReplyChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(channel);
        using var activity = PlanBotTelemetry.Source.StartActivity("planbot.turn");
        activity?.SetTag("planbot.channel", turn.Conversation.Channel);
        activity?.SetTag("planbot.turn.kind", turn.Kind.ToString());
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = rateLimiter?.Check(turn) is { } refusal
            ? await RefuseAsync(turn, channel, refusal, cancellationToken)
            : await RunAsync(turn, channel, cancellationToken);
        var status = outcome.Failed > 0 ? "reply_failed" : outcome.Status.ToString();
        activity?.SetTag("planbot.turn.outcome", status);
        PlanBotTelemetry.Turns.Add(1, new("outcome", status), new("channel", turn.Conversation.Channel));
        PlanBotTelemetry.TurnDuration.Record(
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new("outcome", status),
            new("channel", turn.Conversation.Channel));
        return outcome;
    }

    private async Task<TurnOutcome> RunAsync(Turn turn, IReplyChannel channel, CancellationToken cancellationToken)
    {
        var racing = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var prepared = await PrepareAsync(turn, channel, cancellationToken);
                if (prepared.Commit is null)
                {
                    return new TurnOutcome(TurnStatus.Redelivered, 0, 0, prepared.InvokeReply, prepared.InvokeView);
                }

                if (Oversized(prepared.Commit!) is { } oversized)
                {
                    logger.PlanTooLarge(turn.ActivityId, oversized.Plan, oversized.Bytes, options.MaxPlanBytes);
                    return await RefuseAsync(turn, channel, TurnStatus.PlanTooLarge, PlanTooLarge, tell: true, cancellationToken);
                }

                var ids = prepared.ToSend.Select(r => r.Id).ToList();
                ledger.BeginSending(ids);
                var commitTiming = PlanBotTelemetry.TimeStore("commit");
                try
                {
                    await store.CommitAsync(prepared.Commit!, cancellationToken);
                    commitTiming.Done("ok");
                }
                catch (ConcurrencyException)
                {
                    commitTiming.Done("conflict");
                    ledger.Abandon(ids);
                    if (attempt >= options.MaxCommitAttempts || racing.Elapsed >= options.CommitRetryBudget)
                    {
                        logger.CommitGaveUp(turn.ActivityId, attempt);
                        await TellAsync(channel, turn, "Several people changed this plan at the same moment and your message did not get through. Please send it again.", cancellationToken);
                        return TurnOutcome.Of(TurnStatus.Conflicted);
                    }

                    logger.CommitConflict(turn.ActivityId, attempt);
                    // Racing writers that all retry at once collide again: spread them out, more each time.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 << Math.Min(attempt, 5))), cancellationToken);
                    continue;
                }
                catch
                {
                    commitTiming.Done("failed");
                    ledger.Abandon(ids);
                    throw;
                }

                ledger.Forget(prepared.Recorded);
                return await SendAsync(prepared, channel, cancellationToken);
            }
        }
        catch (StoreUnavailableException unavailable)
        {
            logger.StoreUnavailable(unavailable, turn.ActivityId);
            await TellAsync(channel, turn, "I couldn't save that just now: my storage is not answering. Nothing of your last message was saved; please send it again in a minute.", cancellationToken);
            return TurnOutcome.Of(TurnStatus.StoreUnavailable);
        }
    }

    private async Task<PreparedTurn> PrepareAsync(Turn turn, IReplyChannel channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var loadTiming = PlanBotTelemetry.TimeStore("load");
        ConversationSnapshot snapshot;
        try
        {
            snapshot = await store.LoadAsync(turn.Conversation, cancellationToken);
            loadTiming.Done("ok");
        }
        catch
        {
            loadTiming.Done("failed");
            throw;
        }

        var conversation = snapshot.Conversation ?? new Versioned<ConversationDocument>(
            new ConversationDocument { Key = turn.Conversation.Key, TenantId = turn.Conversation.TenantId, Reference = turn.Conversation },
            null);
        var active = snapshot.ActivePlan is { } plan && plan.Document.Plan.TenantId == turn.Conversation.TenantId ? plan : null;
        var work = new TurnWork(turn, now, conversation, active);
        var startSession = work.Session;

        var recorded = startSession.Outbox.Where(r => ledger.IsSent(r.Id)).Select(r => r.Id).ToList();
        startSession.Outbox.RemoveAll(r => ledger.IsSent(r.Id));
        var owed = startSession.Outbox.Where(r => IsOwedNow(r, now)).ToList();
        startSession.Outbox.RemoveAll(owed.Contains);
        if (owed.Count > 0)
        {
            logger.ResendingOwed(owed.Count, turn.Conversation.Key);
        }

        var redelivered = startSession.HasConsumed(turn.ActivityId);
        if (redelivered)
        {
            logger.Redelivered(turn.ActivityId, turn.Conversation.Key);
            if (owed.Count == 0)
            {
                // Nothing to write or send. A retried card action still needs its synchronous answer:
                // work it out on the fresh documents and throw the changes away.
                RenderedReply? answer = null;
                if (turn.Kind == TurnKind.Action)
                {
                    await engine.HandleAsync(work, cancellationToken);
                    answer = work.InvokeResponse is { } view ? channel.Render(view, turn.Conversation) : null;
                }

                return new PreparedTurn(null, [], [], new ReplyLocation(turn.Conversation, null), true, answer, null, work.InvokeResponse);
            }
        }
        else
        {
            await engine.HandleAsync(work, cancellationToken);
        }

        var session = work.Session;
        var toSend = owed.Select(r => r with { CommittedAt = now, Instance = ledger.Instance }).ToList();
        toSend.AddRange(work.Replies.Select(view => new OwedReply(
            Guid.NewGuid().ToString("N"), channel.Render(view, turn.Conversation), now, ledger.Instance, turn.ActivityId)));
        var unstored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in work.Posts)
        {
            var reply = new OwedReply(Guid.NewGuid().ToString("N"), channel.Render(post.View, post.To), now, ledger.Instance, null, post.To, post.Mode, post.UpdateActivityId, post.PostKey, post.Recipient);
            toSend.Add(reply);
            if (post.Unstored)
            {
                unstored.Add(reply.Id);
            }
        }

        session.Outbox.AddRange(toSend.Where(r => !unstored.Contains(r.Id)));
        if (!redelivered)
        {
            session.Consume(turn.ActivityId, now);
        }

        if (turn.TimeZone is not null)
        {
            session.TimeZone = turn.TimeZone;
        }

        if (work.Active is not null)
        {
            work.Touch(work.Active);
        }
        else
        {
            work.ConversationChanged = true;
        }

        foreach (var touched in work.TouchedPlans)
        {
            touched.Document.PruneSessions(turn.Conversation.Key, now);
            Reminders.ReminderSchedule.Refresh(touched.Document, options);
            Gates.GateSchedule.Refresh(touched.Document, now, options.OwedReplyGrace);
        }

        var commit = new TurnCommit(work.ConversationChanged ? conversation : null, work.TouchedPlans.ToList());
        var location = new ReplyLocation(turn.Conversation, work.Active?.Document.Plan.Id);
        var invoke = work.InvokeResponse is { } response ? channel.Render(response, turn.Conversation) : null;
        return new PreparedTurn(commit, toSend, recorded, location, redelivered, invoke, work.Active?.Document.Plan, work.InvokeResponse);
    }

    private bool IsOwedNow(OwedReply reply, DateTimeOffset now) =>
        !ledger.IsInFlight(reply.Id)
        && (reply.Instance == ledger.Instance || now - reply.CommittedAt > options.OwedReplyGrace);

    private async Task<TurnOutcome> SendAsync(PreparedTurn prepared, IReplyChannel channel, CancellationToken cancellationToken)
    {
        var sent = 0;
        var status = prepared.Redelivered ? TurnStatus.Redelivered : TurnStatus.Processed;
        for (var i = 0; i < prepared.ToSend.Count; i++)
        {
            var reply = prepared.ToSend[i];
            try
            {
                var receipt = await channel.SendAsync(reply.To ?? prepared.Location.Conversation, reply, cancellationToken);
                ledger.MarkSent(reply.Id, prepared.Location, time.GetUtcNow());
                sent++;
                if (reply.PostKey is { } key && prepared.Plan is { } plan)
                {
                    await posts.RememberAsync(plan, key, reply, receipt, cancellationToken);
                }
            }
            catch (ReplyRejectedException rejected)
            {
                // Refused for good: record it as done so it does not hold back the replies after it.
                logger.ReplyRejected(rejected, reply.Id, (reply.To ?? prepared.Location.Conversation).Key);
                ledger.MarkSent(reply.Id, prepared.Location, time.GetUtcNow());
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Keep the order: what follows a failed reply stays owed with it.
                logger.SendFailed(failure, reply.Id, prepared.Location.Conversation.Key);
                foreach (var left in prepared.ToSend.Skip(i))
                {
                    ledger.MarkFailed(left.Id);
                }

                return new TurnOutcome(status, sent, prepared.ToSend.Count - sent, prepared.InvokeReply, prepared.InvokeView);
            }
        }

        return new TurnOutcome(status, sent, 0, prepared.InvokeReply, prepared.InvokeView);
    }

    /// <summary>
    /// A turn over a rate limit: nothing runs or is stored. A pressed card shows why in its place
    /// (that costs no send); otherwise the sender is told once a window, so a flood is not answered in kind.
    /// </summary>
    private Task<TurnOutcome> RefuseAsync(Turn turn, IReplyChannel channel, TurnRateLimiter.Refusal refusal, CancellationToken cancellationToken)
    {
        logger.RateLimited(turn.Conversation.Key, turn.ActivityId, refusal.Limit.ToString());
        var text = refusal.Limit == RateLimit.Tenant ? TenantSlowDown : SlowDown;
        return RefuseAsync(turn, channel, TurnStatus.RateLimited, text, refusal.Tell, cancellationToken);
    }

    /// <summary>A turn whose changes are not stored: a pressed card shows why in its place, a message is answered when <paramref name="tell"/>.</summary>
    private async Task<TurnOutcome> RefuseAsync(Turn turn, IReplyChannel channel, TurnStatus status, string text, bool tell, CancellationToken cancellationToken)
    {
        if (turn.Action is not null || turn.ReplacesCard)
        {
            var notice = new NoticeView(text, Tone.Problem);
            return new TurnOutcome(status, 0, 0, channel.Render(notice, turn.Conversation), notice);
        }

        if (tell)
        {
            await TellAsync(channel, turn, text, cancellationToken);
        }

        return TurnOutcome.Of(status);
    }

    /// <summary>The first plan of the commit that would be stored larger than a plan may be, with its size.</summary>
    private (string Plan, long Bytes)? Oversized(TurnCommit commit)
    {
        foreach (var plan in commit.Plans)
        {
            var bytes = StoredSize.Of(plan.Document);
            if (bytes > options.MaxPlanBytes)
            {
                return (plan.Document.Plan.Id, bytes);
            }
        }

        return null;
    }

    /// <summary>Says something that is not part of the conversation's stored state, such as "not saved".</summary>
    private async Task TellAsync(IReplyChannel channel, Turn turn, string text, CancellationToken cancellationToken)
    {
        var reply = new OwedReply(Guid.NewGuid().ToString("N"), channel.Render(new NoticeView(text, Tone.Problem), turn.Conversation), time.GetUtcNow(), ledger.Instance, turn.ActivityId);
        try
        {
            await channel.SendAsync(turn.Conversation, reply, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.SendFailed(failure, reply.Id, turn.Conversation.Key);
        }
    }

    private sealed record PreparedTurn(
        TurnCommit? Commit,
        List<OwedReply> ToSend,
        List<string> Recorded,
        ReplyLocation Location,
        bool Redelivered,
        RenderedReply? InvokeReply,
        Domain.Plans.Plan? Plan,
        View? InvokeView);
}
