using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Delivery;

/// <summary>
/// Remembers where a new post about a plan landed (its thread and message id), so later turns can
/// update it in place. Only new threads need this, which are rare (a submission), so it is a write
/// of its own, conditional and retried like any other.
/// </summary>
public sealed class PostRegistry(IConversationStore store, TimeProvider time)
{
    public async Task RememberAsync(Plan plan, string key, OwedReply reply, DeliveryReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(receipt);
        if (reply.To is { } chat && reply.Mode == DeliveryMode.Direct && receipt.ConversationId is { } direct && PostKeys.AssignedSection(key) is { } section)
        {
            await AttachAssigneeAsync(plan, chat with { ConversationId = direct, Kind = Turns.ConversationKind.Personal }, section, receipt.ActivityId, cancellationToken);
            return;
        }

        if (reply.To is not { } to || receipt.ActivityId is not { } activityId)
        {
            return;
        }

        var thread = receipt.ConversationId is { } threadId && reply.Mode == DeliveryMode.NewThread ? to with { ConversationId = threadId, Thread = receipt.Thread } : to;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await store.GetPlanAsync(plan.TenantId, plan.Id, cancellationToken);
            if (stored is null)
            {
                return;
            }

            stored.Document.Posts[key] = new ChannelPost(thread, activityId, time.GetUtcNow());
            try
            {
                await store.CommitAsync(new TurnCommit(null, [stored]), cancellationToken);
                break;
            }
            catch (ConcurrencyException)
            {
                // Someone wrote the plan meanwhile: read it again and add the post to the fresh copy.
            }
        }

        if (reply.Mode == DeliveryMode.NewThread)
        {
            await AttachThreadAsync(plan, thread, cancellationToken);
        }
    }

    /// <summary>
    /// The assignee's personal chat works on this plan, positioned at the assigned section, so their
    /// replies there answer it (and carry their name). The chat is remembered with the assignment,
    /// so reminders go to it.
    /// </summary>
    private async Task AttachAssigneeAsync(Plan plan, Turns.ConversationRef chat, Section section, string? activityId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await store.GetPlanAsync(plan.TenantId, plan.Id, cancellationToken);
            if (stored is null)
            {
                return;
            }

            var session = stored.Document.Sessions.TryGetValue(chat.Key, out var existing) ? existing : new ConversationSession();
            session.Reference = chat;
            session.AnswerAssignedSection((int)section, PlanChecklist.In(section).First().Id);
            stored.Document.Sessions[chat.Key] = session;
            stored.Document.Posts[PostKeys.Assignment(section)] = new ChannelPost(chat, activityId ?? string.Empty, time.GetUtcNow());
            try
            {
                await store.CommitAsync(new TurnCommit(null, [stored]), cancellationToken);
                break;
            }
            catch (ConcurrencyException)
            {
                // The plan moved on meanwhile: position the session on the fresh copy.
            }
        }

        await AttachThreadAsync(plan, chat, cancellationToken);
    }

    /// <summary>The conversation works on this plan: @mentioning the bot there reaches it (status, approve…).</summary>
    private async Task AttachThreadAsync(Plan plan, Turns.ConversationRef thread, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var snapshot = await store.LoadAsync(thread, cancellationToken);
            var pointer = snapshot.Conversation ?? new Versioned<ConversationDocument>(
                new ConversationDocument { Key = thread.Key, TenantId = thread.TenantId, Reference = thread }, null);
            pointer.Document.ActivePlanId = plan.Id;
            try
            {
                await store.CommitAsync(new TurnCommit(pointer, []), cancellationToken);
                return;
            }
            catch (ConcurrencyException)
            {
                // A turn in the thread wrote its pointer meanwhile: apply to the fresh copy.
            }
        }
    }
}
