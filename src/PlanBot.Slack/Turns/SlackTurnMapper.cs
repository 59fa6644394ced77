using PlanBot.Cards.Actions;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Events;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.Rendering;

namespace PlanBot.Slack.Turns;

/// <summary>
/// Turns Slack payloads into channel-neutral turns: the tenant from the team (or Grid organisation),
/// the conversation (channel, or channel and thread), the sender with the name and IANA time zone
/// <c>users.info</c> gives, the bot's mention removed from the text and other mentions kept as markup.
/// </summary>
public sealed class SlackTurnMapper(SlackTenancy tenancy, SlackUserDirectory users, SlackConversationDirectory conversations)
{
    /// <summary>A message to the bot: an <c>app_mention</c> in a channel, or a direct message.</summary>
    public async Task<Turn> FromEventAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var message = envelope.Event ?? throw new ArgumentException("The envelope carries no event.", nameof(envelope));
        var channel = message.Channel ?? throw new ArgumentException("The event names no channel.", nameof(envelope));
        var kind = await conversations.KindAsync(channel, message.ChannelType, null, cancellationToken);
        var where = Reference(envelope.TeamId, envelope.EnterpriseId, SlackConversationId.Id(channel, message.ThreadTs), kind, envelope.BotUserId);
        var (text, mentions) = SlackText.Read(message.Text, envelope.BotUserId);
        var (from, zone, outsider) = await PersonAsync(message.User!, null, message.UserTeam, cancellationToken);
        var activityId = envelope.EventId ?? $"{channel}:{message.Ts}";
        return new Turn(TurnKind.Message, activityId, where, from, text, await MentionsAsync(mentions, cancellationToken), zone, FromOutside: outsider);
    }

    /// <summary>A slash command, as the chat command it stands for (<see cref="CommandText"/>).</summary>
    public async Task<Turn> FromCommandAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var channel = command.ChannelId ?? throw new ArgumentException("The command names no channel.", nameof(command));
        var kind = await conversations.KindAsync(channel, null, command.ChannelName, cancellationToken);
        var where = Reference(command.TeamId, command.EnterpriseId, channel, kind, null);
        var (text, mentions) = SlackText.Read(CommandText(command.Text), null);
        var (from, zone, outsider) = await PersonAsync(command.UserId!, command.UserName, null, cancellationToken);
        var activityId = $"command:{command.TriggerId ?? Guid.NewGuid().ToString("N")}";
        return new Turn(TurnKind.Message, activityId, where, from, text, await MentionsAsync(mentions, cancellationToken), zone, FromOutside: outsider);
    }

    /// <summary>
    /// A button: its action id is the verb, its value (flat JSON) the data, with the values of any
    /// inputs on the same surface merged in by action id (the button's own data wins).
    /// </summary>
    /// <remarks>With <paramref name="replacesCard"/> the engine's answer is shown in place of the clicked message, not posted after it.</remarks>
    public async Task<Turn> FromBlockActionAsync(InteractionPayload payload, BlockAction action, bool replacesCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in payload.State?.ByActionId() ?? [])
        {
            data[key] = value;
        }

        var carried = FlatJson.Read(action.Value);
        if (carried.Count == 0 && action.Value is { } raw)
        {
            data["value"] = raw;
        }

        foreach (var (key, value) in carried)
        {
            data[key] = value;
        }

        if ((action.SelectedOption?.Value ?? action.SelectedDate) is { } picked)
        {
            data[action.ActionId!] = picked;
        }

        var where = await ActionConversationAsync(payload, action.ActionId, cancellationToken);
        return await ActionTurnAsync(payload, where, CardActions.Read(action.ActionId!, data), replacesCard, cancellationToken);
    }

    /// <summary>
    /// An action PlanBot read itself (a modal's submission, a section opened as a modal), in the conversation
    /// named. With <paramref name="replacesCard"/> the engine's answer comes back to be shown in the modal
    /// or in place of the message, not posted.
    /// </summary>
    public async Task<Turn> FromActionAsync(InteractionPayload payload, string conversationId, string? channelName, TurnAction action, bool replacesCard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(action);
        var kind = await conversations.KindAsync(SlackConversationId.Parse(conversationId).Channel, null, channelName, cancellationToken);
        var where = Reference(payload.TeamId, payload.EnterpriseId, conversationId, kind, null);
        return await ActionTurnAsync(payload, where, action, replacesCard, cancellationToken);
    }

    /// <summary>A section modal's Save section: its answers, the members its people pickers chose as mentions with their names.</summary>
    public async Task<Turn> FromSectionSubmissionAsync(InteractionPayload payload, SectionSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var picked = submission.PickedUsers.Select(id => new SlackText.UserMention($"<@{id}>", id, null)).ToList();
        var action = submission.Action with { Mentions = await MentionsAsync(picked, cancellationToken) };
        return await FromActionAsync(payload, submission.ConversationId, submission.ChannelName, action, replacesCard: true, cancellationToken);
    }

    /// <summary>
    /// The conversation a button on a message belongs to: the channel, plus the thread when the message
    /// is a reply in one. The approval message's buttons answer in its own thread, where the decisions go.
    /// </summary>
    public async Task<ConversationRef> ActionConversationAsync(InteractionPayload payload, string? actionId, CancellationToken cancellationToken)
    {
        var (conversationId, channelName) = ActionConversationId(payload, actionId);
        var kind = await conversations.KindAsync(SlackConversationId.Parse(conversationId).Channel, null, channelName, cancellationToken);
        return Reference(payload.TeamId, payload.EnterpriseId, conversationId, kind, null);
    }

    /// <summary>The conversation id of <see cref="ActionConversationAsync"/>, and the channel's name as the payload gives it; no I/O.</summary>
    public static (string ConversationId, string? ChannelName) ActionConversationId(InteractionPayload payload, string? actionId)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id ?? throw new ArgumentException("The interaction names no channel.", nameof(payload));
        var ts = payload.Message?.Ts ?? payload.Container?.MessageTs;
        var threadTs = payload.Message?.ThreadTs ?? payload.Container?.ThreadTs;
        var inThread = threadTs is not null && threadTs != ts ? threadTs : null;
        if (actionId is SlackIds.Approve or SlackIds.Reject && inThread is null)
        {
            inThread = ts;
        }

        return (SlackConversationId.Id(channel, inThread), payload.Channel?.Name);
    }

    /// <summary>
    /// <c>/plan &lt;args&gt;</c> as a chat command: nothing or <c>help</c> is help, a command (<c>status</c>,
    /// <c>submit</c>, <c>edit 3</c>, …) is itself, anything else names a release (<c>Contoso.Web 2.4</c> is
    /// <c>plan Contoso.Web 2.4</c>).
    /// </summary>
    public static string CommandText(string? arguments)
    {
        var text = (arguments ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return "help";
        }

        var command = Conversations.Engine.Commands.CommandParser.Parse(text);
        return command is not null ? text : $"plan {text}";
    }

    private async Task<Turn> ActionTurnAsync(InteractionPayload payload, ConversationRef where, TurnAction action, bool replacesCard, CancellationToken cancellationToken)
    {
        var (from, zone, outsider) = await PersonAsync(payload.User?.Id ?? string.Empty, payload.User?.Name ?? payload.User?.Username, payload.User?.TeamId, cancellationToken);
        var activityId = $"action:{payload.TriggerId ?? Guid.NewGuid().ToString("N")}";
        return new Turn(TurnKind.Action, activityId, where, from, string.Empty, [], zone, action, outsider, replacesCard);
    }

    private ConversationRef Reference(string? teamId, string? enterpriseId, string conversationId, ConversationKind kind, string? botUserId) =>
        new(SlackTenancy.Channel, tenancy.TenantFor(teamId, enterpriseId), conversationId, kind, ServiceUrl: null, TeamId: teamId, BotId: botUserId, Thread: SlackConversationId.Thread(conversationId));

    /// <summary>
    /// The sender as <c>users.info</c> knows them, and whether they belong to another organisation:
    /// their own workspace comes from <c>users.info</c>, or from the payload (<paramref name="payloadTeamId"/>)
    /// when the look-up fails.
    /// </summary>
    private async Task<(PersonRef Person, string? TimeZone, bool Outsider)> PersonAsync(string userId, string? fallbackName, string? payloadTeamId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return (new PersonRef(string.Empty, fallbackName ?? string.Empty), null, false);
        }

        var user = await users.FindAsync(userId, cancellationToken);
        var name = user?.DisplayName is { Length: > 0 } display ? display : fallbackName ?? string.Empty;
        var outsider = tenancy.IsOutsider(user, payloadTeamId);
        return (new PersonRef(userId, name), string.IsNullOrWhiteSpace(user?.Tz) ? null : user.Tz, outsider);
    }

    private async Task<IReadOnlyList<Mention>> MentionsAsync(IReadOnlyList<SlackText.UserMention> found, CancellationToken cancellationToken)
    {
        var mentions = new List<Mention>(found.Count);
        foreach (var mention in found.Take(50))
        {
            var name = mention.Name;
            if (name is null && SlackPeople.IsSlackUserId(mention.UserId))
            {
                name = (await users.FindAsync(mention.UserId, cancellationToken))?.DisplayName;
            }

            mentions.Add(new Mention(mention.Markup, new PersonRef(mention.UserId, name ?? string.Empty)));
        }

        return mentions;
    }
}
