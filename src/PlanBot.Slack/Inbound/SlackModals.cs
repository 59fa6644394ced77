using Microsoft.Extensions.Logging;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Inbound;

/// <summary>
/// Opens the modal a click asked for, while its trigger is good (3 seconds, once), and tells the
/// person privately when it could not, with what to do instead.
/// </summary>
public sealed class SlackModals(SlackWebApiClient api, ILogger<SlackModals> logger)
{
    /// <summary>The opened view, or null when it could not be opened (said to the person with <paramref name="instead"/>).</summary>
    public async Task<OpenedView?> OpenAsync(InteractionPayload payload, string modal, ModalView view, string instead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (string.IsNullOrEmpty(payload.TriggerId))
        {
            logger.InteractionIgnored("block_actions", "no trigger_id");
            return null;
        }

        try
        {
            return (await api.OpenViewAsync(payload.TriggerId, view, cancellationToken)).View;
        }
        catch (Exception failure) when (IsSlackFailure(failure, cancellationToken))
        {
            logger.ModalFailed(failure, modal);
            await TellAsync(payload, instead, cancellationToken);
            return null;
        }
    }

    /// <summary>Says <paramref name="text"/> to the person who clicked, in the channel of the click, visible to them alone.</summary>
    public async Task TellAsync(InteractionPayload payload, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var channel = payload.Container?.ChannelId ?? payload.Channel?.Id;
        if (channel is null || payload.User?.Id is null)
        {
            return;
        }

        try
        {
            await api.PostEphemeralAsync(new PostEphemeralRequest { Channel = channel, User = payload.User.Id, Text = text }, cancellationToken);
        }
        catch (Exception failure) when (IsSlackFailure(failure, cancellationToken))
        {
            logger.ActionAnswerFailed(failure, channel);
        }
    }

    /// <summary>A failure of Slack or of the way to it, as opposed to the host stopping.</summary>
    public static bool IsSlackFailure(Exception failure, CancellationToken cancellationToken) =>
        failure is SlackApiException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested;
}
