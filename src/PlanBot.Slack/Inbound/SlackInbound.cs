using System.Globalization;
using Microsoft.Extensions.Logging;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Delivery;
using PlanBot.Slack.Events;
using PlanBot.Slack.Home;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.Rendering;
using PlanBot.Slack.Turns;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Inbound;

/// <summary>
/// What PlanBot does with each Slack request, the same over HTTP and Socket Mode: the answer Slack
/// gets at once, and the quick step after it (open a modal, queue the turn). Turns themselves run
/// later on the <see cref="SlackWorkQueue"/>.
/// </summary>
public sealed class SlackInbound(
    RecentEvents recent,
    SlackInstallations installations,
    SlackTenancy tenancy,
    SlackTurnMapper mapper,
    SlackTurnRunner runner,
    SlackModals modals,
    SlackSectionForms sections,
    SlackHome home,
    TimeProvider time,
    ILogger<SlackInbound> logger)
{
    public const string BusyText = "I'm busy right now and could not take that in. Please try again in a minute.";

    /// <summary>An Events API envelope; <paramref name="retry"/> is <c>X-Slack-Retry-Num</c> (or the Socket Mode retry attempt).</summary>
    public SlackWork Event(EventEnvelope envelope, string? retry)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        switch (envelope.Type)
        {
            case "url_verification":
                return new SlackWork(SlackAck.Challenge(envelope.Challenge ?? string.Empty));
            case "app_rate_limited":
                logger.AppRateLimited(envelope.TeamId);
                return SlackWork.Done;
            case "event_callback" when envelope.Event is { } inner:
                return Callback(envelope, inner, retry);
            default:
                logger.EventIgnored(envelope.Type ?? "(none)", null);
                return SlackWork.Done;
        }
    }

    /// <summary>A slash command: answered at once with an empty 200, run as the chat command it stands for.</summary>
    public SlackWork Command(SlashCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.ChannelId) || string.IsNullOrWhiteSpace(command.UserId))
        {
            return new SlackWork(SlackAck.Ephemeral("That command came without a channel or a user; I cannot act on it."));
        }

        var received = time.GetTimestamp();
        return new SlackWork(SlackAck.Empty, _ => Task.FromResult(
            runner.Enqueue("command", command.ChannelId, ct => mapper.FromCommandAsync(command, ct), (result, ct) => sections.OpenAfterCommandAsync(result, command, received, ct))
                ? null
                : SlackAck.Ephemeral(BusyText)));
    }

    /// <summary>An interactivity payload: <c>block_actions</c> or <c>view_submission</c>.</summary>
    public SlackWork Interaction(InteractionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.Type switch
        {
            "block_actions" => BlockActions(payload),
            "view_submission" => ViewSubmission(payload),
            _ => Ignored(payload.Type ?? "(none)", null),
        };
    }

    private SlackWork Callback(EventEnvelope envelope, SlackEvent inner, string? retry)
    {
        var tenant = tenancy.TenantFor(envelope.TeamId, envelope.EnterpriseId);
        switch (inner.Type)
        {
            case "app_uninstalled":
            case "tokens_revoked" when inner.Tokens?.Bot is { Count: > 0 }:
                return Removed(envelope, inner.Type, tenant);
            case "app_mention" or "message" when IsToTheBot(envelope, inner):
                var eventId = string.IsNullOrWhiteSpace(envelope.EventId) ? $"{inner.Channel}:{inner.Ts}" : envelope.EventId;
                if (!recent.TryAdd(eventId))
                {
                    logger.DuplicateEvent(eventId, retry);
                    return SlackWork.Done;
                }

                var key = SlackConversationId.Id(inner.Channel!, inner.ThreadTs);
                return new SlackWork(SlackAck.Empty, _ =>
                {
                    if (Enqueue("event", key, ct => mapper.FromEventAsync(envelope, ct)))
                    {
                        return Task.FromResult<SlackAck?>(null);
                    }

                    recent.Remove(eventId);
                    return Task.FromResult<SlackAck?>(SlackAck.Busy);
                });
            case "app_home_opened" when inner.Tab == "home" && !string.IsNullOrWhiteSpace(inner.User):
                // Published after the acknowledgement: Slack wants the 200 within 3 seconds.
                return new SlackWork(SlackAck.Empty, async ct =>
                {
                    await home.PublishAsync(tenant, inner.User!, ct);
                    return null;
                });
            default:
                logger.EventIgnored(inner.Type ?? "(none)", inner.Subtype);
                return SlackWork.Done;
        }
    }

    /// <summary>
    /// Mentions in channels, and direct messages; never the bot's own messages, edits, joins or any
    /// other subtype.
    /// </summary>
    private static bool IsToTheBot(EventEnvelope envelope, SlackEvent inner)
    {
        if (inner.Subtype is not null || inner.BotId is not null || string.IsNullOrWhiteSpace(inner.User) || string.IsNullOrWhiteSpace(inner.Channel))
        {
            return false;
        }

        if (inner.User == envelope.BotUserId)
        {
            return false;
        }

        return inner.Type == "app_mention" || inner.ChannelType == "im";
    }

    /// <summary>
    /// The app was uninstalled or its bot token revoked: stop posting at once (in memory), and let the
    /// engine record the removal, so the team's release channels go stale for every host.
    /// </summary>
    private SlackWork Removed(EventEnvelope envelope, string what, string tenant)
    {
        installations.MarkRemoved(tenant, time.GetUtcNow());
        logger.AppRemoved(what, tenant);
        var team = envelope.TeamId ?? envelope.EnterpriseId ?? "unknown";
        var eventId = string.IsNullOrWhiteSpace(envelope.EventId) ? $"{what}:{team}" : envelope.EventId;
        if (!recent.TryAdd(eventId))
        {
            return SlackWork.Done;
        }

        var where = new ConversationRef(SlackTenancy.Channel, tenant, team, ConversationKind.Channel, TeamId: envelope.TeamId);
        var turn = new Turn(TurnKind.Removed, eventId, where, new PersonRef(string.Empty, "Slack"), string.Empty, []);
        return new SlackWork(SlackAck.Empty, _ => Task.FromResult<SlackAck?>(Enqueue("event", team, _ => Task.FromResult(turn)) ? null : SlackAck.Busy));
    }

    private SlackWork BlockActions(InteractionPayload payload)
    {
        var action = payload.Actions?.FirstOrDefault();
        if (action?.ActionId == SlackIds.HomeOpenPlan)
        {
            // The Home tab is no conversation: its buttons carry no channel, only the plan to open.
            return string.IsNullOrWhiteSpace(action.Value) || string.IsNullOrEmpty(payload.TriggerId)
                ? Ignored("block_actions", "home button without plan or trigger")
                : new SlackWork(SlackAck.Empty, async ct =>
                {
                    await home.OpenPlanAsync(tenancy.TenantFor(payload.Team?.Id, payload.Enterprise?.Id), payload.TriggerId!, action.Value!, ct);
                    return null;
                });
        }

        if (string.IsNullOrWhiteSpace(action?.ActionId) || string.IsNullOrWhiteSpace(payload.User?.Id) || string.IsNullOrWhiteSpace(payload.Container?.ChannelId ?? payload.Channel?.Id))
        {
            return Ignored("block_actions", action?.ActionId ?? "no action");
        }

        var (conversationId, channelName) = SlackTurnMapper.ActionConversationId(payload, action.ActionId);
        var data = FlatJson.Read(action.Value);
        switch (action.ActionId)
        {
            case SlackIds.Reject when data.TryGetValue(CardDataKeys.PlanId, out var planId) && data.TryGetValue(CardDataKeys.Revision, out var revision) && !string.IsNullOrWhiteSpace(planId) && !string.IsNullOrWhiteSpace(revision):
                // views.open first: the trigger id is good for 3 seconds, once.
                return new SlackWork(SlackAck.Empty, ct => OpenModalAsync(payload, "reject", RejectModal.Build(planId, revision, conversationId, channelName), "I could not open the form for your reason. Type `reject <reason>` to me instead.", ct));
            case SlackIds.AnswerForm when data.TryGetValue(CardDataKeys.PlanId, out var planId) && data.TryGetValue(CardDataKeys.QuestionId, out var questionId) && !string.IsNullOrWhiteSpace(planId) && !string.IsNullOrWhiteSpace(questionId):
                return new SlackWork(SlackAck.Empty, ct => OpenModalAsync(payload, "answer", AnswerModal.Build(planId, questionId, conversationId, channelName), "I could not open the form. Type your answer to me instead.", ct));
            case SlackIds.OpenSection when data.TryGetValue(CardDataKeys.PlanId, out var planId) && !string.IsNullOrWhiteSpace(planId) && Number(data, CardDataKeys.Section) is int section:
                return sections.Open(payload, action, planId, section, Number(data, CardDataKeys.Revision), conversationId, channelName);
            case SlackIds.KeepSection or SlackIds.KeepAnswer or SlackIds.RemoveAnswer:
                return sections.InPlace(payload, action, conversationId);
            default:
                return new SlackWork(SlackAck.Empty, _ => Task.FromResult(
                    Enqueue("action", conversationId, ct => mapper.FromBlockActionAsync(payload, action, replacesCard: false, ct)) ? null : SlackAck.Busy));
        }
    }

    private SlackWork ViewSubmission(InteractionPayload payload)
    {
        var view = payload.View;
        if (view is null || payload.User?.Id is null)
        {
            return Ignored("view_submission", "no view");
        }

        var metadata = FlatJson.Read(view.PrivateMetadata);
        if (!metadata.TryGetValue(SlackIds.ConversationMetadata, out var conversationId) || !SlackConversationId.IsWellFormed(conversationId))
        {
            return Ignored("view_submission", view.CallbackId);
        }

        metadata.TryGetValue(SlackIds.ChannelNameMetadata, out var channelName);
        switch (view.CallbackId)
        {
            case SlackIds.RejectModal when metadata.TryGetValue(CardDataKeys.PlanId, out var planId) && metadata.TryGetValue(CardDataKeys.Revision, out var revision):
                var reason = view.State?.Read(SlackIds.ReasonInput, SlackIds.ReasonInput);
                if (string.IsNullOrWhiteSpace(reason))
                {
                    return new SlackWork(SlackAck.Errors(SlackIds.ReasonInput, "Give the reason for rejecting the plan."));
                }

                var rejected = int.TryParse(revision, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
                return Submit(payload, conversationId, channelName, new DecideAction(planId, rejected, Verdict.Reject, reason.Trim()), SlackIds.ReasonInput);
            case SlackIds.AnswerModal when metadata.TryGetValue(CardDataKeys.PlanId, out var planId) && metadata.TryGetValue(CardDataKeys.QuestionId, out var questionId):
                var answer = view.State?.Read(SlackIds.AnswerInput, SlackIds.AnswerInput);
                if (string.IsNullOrWhiteSpace(answer))
                {
                    return new SlackWork(SlackAck.Errors(SlackIds.AnswerInput, "Type an answer, or close this and type `skip`."));
                }

                return Submit(payload, conversationId, channelName, new AnswerAction(planId, questionId, answer.Trim()), SlackIds.AnswerInput);
            case SlackIds.SectionModal:
                return sections.Submit(payload, view);
            default:
                return Ignored("view_submission", view.CallbackId);
        }
    }

    private SlackWork Submit(InteractionPayload payload, string conversationId, string? channelName, TurnAction action, string inputBlock) =>
        new(SlackAck.Empty, _ => Task.FromResult(
            Enqueue("submission", conversationId, ct => mapper.FromActionAsync(payload, conversationId, channelName, action, replacesCard: false, ct))
                ? null
                : SlackAck.Errors(inputBlock, BusyText)));

    private async Task<SlackAck?> OpenModalAsync(InteractionPayload payload, string modal, Blocks.ModalView view, string instead, CancellationToken cancellationToken)
    {
        await modals.OpenAsync(payload, modal, view, instead, cancellationToken);
        return null;
    }

    private bool Enqueue(string kind, string orderingKey, Func<CancellationToken, Task<Turn>> map) => runner.Enqueue(kind, orderingKey, map);

    private static int? Number(Dictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private SlackWork Ignored(string type, string? detail)
    {
        logger.InteractionIgnored(type, detail);
        return SlackWork.Done;
    }
}
