using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Delivery;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Turns;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Inbound;

/// <summary>
/// Section forms in Slack. A section's message (or the plan's summary) opens the section as a modal;
/// a slash command whose answer is a section's form opens it at once, while its trigger is good. Save
/// section runs the turn while Slack waits (<see cref="SlackOptions.ModalWait"/>), so the engine's
/// answer decides the response: each problem under its input, nothing saved; or the next section in
/// the same modal; or the modal closes. The saved section's read-back replaces the message the modal
/// was opened from, and the Keep buttons' answers replace their message too. Turns still run on the
/// queue, in their conversation's order; an answer that comes too late is shown in the conversation.
/// </summary>
public sealed class SlackSectionForms(
    SlackTurnRunner runner,
    SlackTurnMapper mapper,
    SlackModals modals,
    SlackWebApiClient api,
    SlackReplyChannel channel,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSectionForms> logger)
{
    /// <summary>
    /// A click on Fill in section N (or Change this section): a modal opens at once, while the trigger is
    /// good, and the section's form, as the engine shows it then, fills it when its turn has run.
    /// </summary>
    public SlackWork Open(InteractionPayload payload, BlockAction action, string planId, int section, int? revision, string conversationId, string? channelName)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);

        // Only the section's own message turns into its read-back; the summary's buttons leave the summary
        // as it is, and the read-back is posted after it.
        var origin = action.BlockId == SlackIds.SectionBlock ? payload.Container?.MessageTs ?? payload.Message?.Ts : null;
        return new SlackWork(SlackAck.Empty, async cancellationToken =>
        {
            var opened = await modals.OpenAsync(payload, "section", SectionModal.Opening(section), $"I could not open the form. `/plan edit {section}` answers the section in the chat instead.", cancellationToken);
            if (opened?.Id is not { } viewId)
            {
                return null;
            }

            var open = new OpenSectionAction(planId, section);
            if (!runner.Enqueue("action", conversationId, ct => mapper.FromActionAsync(payload, conversationId, channelName, open, replacesCard: true, ct), (result, ct) =>
            {
                var target = new SectionModalTarget(revision ?? 0, conversationId, channelName, origin);
                return FillAsync(viewId, opened.Hash, section, result, target, revision is null, ct);
            }))
            {
                await FillAsync(viewId, opened.Hash, section, null, null, false, cancellationToken);
            }

            return null;
        });
    }

    /// <summary>After a slash command: when its answer was a section's form and the trigger is still good, the form opens as a modal.</summary>
    public async Task OpenAfterCommandAsync(SlackTurnResult? result, SlashCommand command, long received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (result is null || command.TriggerId is not { Length: > 0 } trigger || NextForm(result, after: null) is not { } posted)
        {
            return;
        }

        var form = (SectionFormView)posted.View;
        if (time.GetElapsedTime(received) > options.Value.ModalWait)
        {
            logger.SectionModalSkipped(form.SectionNumber, "the trigger is too old");
            return;
        }

        var modal = SectionModal.Build(form, new SectionModalTarget(form.Revision, posted.To.ConversationId, command.ChannelName, posted.Receipt.ActivityId));
        try
        {
            await api.OpenViewAsync(trigger, modal, cancellationToken);
        }
        catch (Exception failure) when (SlackModals.IsSlackFailure(failure, cancellationToken))
        {
            // The section's message has its Fill in button: nothing is lost.
            logger.SectionModalSkipped(form.SectionNumber, failure.Message);
        }
    }

    /// <summary>Save section: the turn runs while Slack waits, and the engine's answer is the response.</summary>
    public SlackWork Submit(InteractionPayload payload, InteractionView view)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(view);
        if (SectionSubmission.Read(view) is not { } submission)
        {
            logger.InteractionIgnored("view_submission", "a section modal without its plan, section or conversation");
            return SlackWork.Done;
        }

        var received = time.GetTimestamp();
        var pending = new PendingAnswer(time);
        return new SlackWork(SlackAck.Empty, async cancellationToken =>
        {
            if (!runner.Enqueue("submission", submission.ConversationId, ct => mapper.FromSectionSubmissionAsync(payload, submission, ct), (result, ct) => AnsweredAsync(payload, result, submission, pending, received, ct)))
            {
                return SlackAck.Errors(FirstInput(submission.Section), SlackInbound.BusyText);
            }

            return await pending.WaitAsync(options.Value.ModalWait - time.GetElapsedTime(received), cancellationToken) ?? SlackAck.Empty;
        }, AnswersAfterContinuing: true);
    }

    /// <summary>A button whose answer is the section's form again (Keep section, Keep, Remove): shown in place of its message.</summary>
    public SlackWork InPlace(InteractionPayload payload, BlockAction action, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        var origin = payload.Container?.MessageTs ?? payload.Message?.Ts;
        return new SlackWork(SlackAck.Empty, _ => Task.FromResult(
            runner.Enqueue("action", conversationId, ct => mapper.FromBlockActionAsync(payload, action, replacesCard: true, ct), (result, ct) => ShowAsync(result, origin, ct))
                ? null
                : SlackAck.Busy));
    }

    /// <summary>The opened modal filled with the section's form, or with why it could not be (the engine's refusal).</summary>
    private async Task FillAsync(string viewId, string? hash, int section, SlackTurnResult? result, SectionModalTarget? target, bool fresh, CancellationToken cancellationToken)
    {
        var modal = (result?.Outcome.InvokeView, target) switch
        {
            // An old message's button stays bound to the revision it showed; a fresh one takes the plan as it is now.
            (SectionFormView { ReadBack: false } form, { } bound) => SectionModal.Build(form, fresh ? bound with { Revision = form.Revision } : bound),
            (NoticeView notice, _) => SectionModal.Notice(section, notice),
            _ => SectionModal.Notice(section, new NoticeView(string.Create(CultureInfo.InvariantCulture, $"I could not open section {section} just now. Try again in a minute, or answer it in the chat with `/plan edit {section}`."), Tone.Problem)),
        };
        try
        {
            await api.UpdateViewAsync(viewId, modal, hash, cancellationToken);
        }
        catch (Exception failure) when (SlackModals.IsSlackFailure(failure, cancellationToken))
        {
            // Closed meanwhile, most likely; the section's message still has its button.
            logger.ModalFailed(failure, "section");
        }
    }

    /// <summary>
    /// After Save section: the answer the modal waits for, if it still waits; then the read-back in place
    /// of the message the modal came from, and whatever the modal could not show, in the conversation.
    /// </summary>
    private async Task AnsweredAsync(InteractionPayload payload, SlackTurnResult? result, SectionSubmission submission, PendingAnswer pending, long received, CancellationToken cancellationToken)
    {
        var answer = result?.Outcome.InvokeView;
        SlackAck ack;
        var shownInModal = false;
        switch (answer)
        {
            case null when result is null:
                // The turn failed before the engine saw it (Slack or the store unreachable): nothing was
                // saved, so the modal stays open with everything entered, to save again.
                ack = SlackAck.Errors(FirstInput(submission.Section), CouldNotSave);
                shownInModal = true;
                break;
            case SectionFormView { ReadBack: false } form when SectionModal.Errors(form) is { Count: > 0 } problems:
                ack = SlackAck.Errors(problems);
                shownInModal = true;
                break;
            case SectionFormView { ReadBack: true } saved when NextForm(result!, after: saved.SectionNumber) is { } next:
                var following = (SectionFormView)next.View;
                ack = SlackAck.Update(SectionModal.Build(following, new SectionModalTarget(following.Revision, next.To.ConversationId, submission.ChannelName, next.Receipt.ActivityId)));
                break;
            case NoticeView notice:
                ack = SlackAck.Update(SectionModal.Notice(submission.Section, notice));
                shownInModal = true;
                break;
            default:
                ack = SlackAck.Empty;
                break;
        }

        if (!pending.TrySet(ack))
        {
            logger.ModalAnswerLate(time.GetElapsedTime(received).TotalMilliseconds);
            if (result is null)
            {
                await modals.TellAsync(payload, CouldNotSave, cancellationToken);
                return;
            }

            shownInModal = false;
        }

        if (!shownInModal)
        {
            await ShowAsync(result, submission.MessageTs, cancellationToken);
        }
    }

    /// <summary>
    /// The engine's answer to a pressed form shown in Slack: a form (or its read-back) in place of the
    /// message it came from, a notice (a refusal) posted in the conversation, so the message it refuses stays.
    /// </summary>
    private async Task ShowAsync(SlackTurnResult? result, string? messageTs, CancellationToken cancellationToken)
    {
        if (result is not { Outcome.InvokeView: { } view })
        {
            return;
        }

        var where = result.Turn.Conversation;
        var update = view is SectionFormView && messageTs is not null;
        var reply = new OwedReply(Guid.NewGuid().ToString("N"), channel.Render(view, where), time.GetUtcNow(), "slack", result.Turn.ActivityId, where, update ? DeliveryMode.Update : DeliveryMode.Reply, update ? messageTs : null);
        try
        {
            await channel.SendAsync(where, reply, cancellationToken);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.ActionAnswerFailed(failure, where.ConversationId);
        }
    }

    private const string CouldNotSave = "I could not save this section just now; nothing was saved. Try Save section again in a minute.";

    /// <summary>The input block under which a problem of the whole section shows: its first question's.</summary>
    private static string FirstInput(int section)
    {
        var first = PlanChecklist.In((Section)section).First();
        return SectionModal.ErrorBlockId(first.Id, first.Kind);
    }

    /// <summary>The form of another section the turn posted in its own conversation: where the modal goes on to.</summary>
    private static PostedView? NextForm(SlackTurnResult result, int? after) =>
        result.Trace.Posted.LastOrDefault(p =>
            p.View is SectionFormView { ReadBack: false } form
            && form.SectionNumber != after
            && p.To.ConversationId == result.Turn.Conversation.ConversationId
            && p.Receipt.ActivityId is not null);
}
