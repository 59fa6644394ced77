using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PlanBot.Slack.Commands;
using PlanBot.Slack.Events;
using PlanBot.Slack.Inbound;
using PlanBot.Slack.Interaction;
using PlanBot.Slack.Turns;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.SocketMode;

/// <summary>
/// Socket Mode (PROTOCOLS.md 7.8): asks <c>apps.connections.open</c> for a WebSocket URL, connects,
/// and for each envelope sends its acknowledgement first, then does what the same request over
/// HTTP would. On <c>disconnect</c> it reconnects at once with a new URL; when the socket drops or
/// cannot be opened it retries with a growing wait, up to <see cref="SlackOptions.MaxReconnectDelay"/>.
/// </summary>
public sealed class SlackSocketModeClient(
    SlackWebApiClient api,
    SlackInbound inbound,
    SlackTenancy tenancy,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    private const int MaxMessageBytes = 1024 * 1024;
    private readonly SemaphoreSlim sending = new(1, 1);
    private int connections;

    /// <summary>Connections opened so far (for health and tests).</summary>
    public int Connections => Volatile.Read(ref connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await api.OpenConnectionAsync(stoppingToken);
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
                await socket.ConnectAsync(url, stoppingToken);
                Interlocked.Increment(ref connections);
                logger.SocketConnected();
                failures = 0;
                await ReceiveAsync(socket, stoppingToken);
                await CloseAsync(socket);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure) when (failure is WebSocketException or HttpRequestException or SlackApiException or IOException or OperationCanceledException)
            {
                var wait = Backoff(++failures);
                logger.SocketFailed(failure, wait.TotalMilliseconds);
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Reads messages until Slack asks to reconnect or closes the socket.</summary>
    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken stoppingToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, stoppingToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                logger.SocketClosed();
                return;
            }

            if (message.Length + result.Count > MaxMessageBytes)
            {
                logger.SocketUnreadable("a message larger than 1 MB");
                return;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            if (result.MessageType != WebSocketMessageType.Text)
            {
                continue;
            }

            if (!await HandleAsync(socket, bytes, stoppingToken))
            {
                return;
            }
        }
    }

    /// <summary>Handles one message; false when the connection should be replaced.</summary>
    private async Task<bool> HandleAsync(ClientWebSocket socket, byte[] bytes, CancellationToken stoppingToken)
    {
        SocketMessage? message;
        try
        {
            message = JsonSerializer.Deserialize(bytes, SlackJsonContext.Default.SocketMessage);
        }
        catch (JsonException)
        {
            logger.SocketUnreadable("not JSON");
            return true;
        }

        switch (message?.Type)
        {
            case "hello":
                return true;
            case "disconnect":
                logger.SocketDisconnect(message.Reason);
                return false;
        }

        if (message?.EnvelopeId is not { Length: > 0 } envelopeId)
        {
            return true;
        }

        logger.SocketEnvelope(message.Type, envelopeId);
        var work = Prepare(message);
        if (work is { AnswersAfterContinuing: true, ContinueAsync: { } decide })
        {
            // The acknowledgement carries the engine's answer (a modal's submission): worked out off the
            // read loop, within Slack's 3 seconds, so other envelopes are acknowledged meanwhile.
            _ = AnswerLaterAsync(socket, envelopeId, work.Ack, decide, stoppingToken);
            return true;
        }

        // Acknowledge before anything else, so Slack does not redeliver while the work goes on.
        await AcknowledgeAsync(socket, envelopeId, work?.Ack.Body, stoppingToken);
        if (work?.ContinueAsync is { } next)
        {
            await next(stoppingToken);
        }

        return true;
    }

    private async Task AnswerLaterAsync(ClientWebSocket socket, string envelopeId, SlackAck ack, Func<CancellationToken, Task<SlackAck?>> decide, CancellationToken stoppingToken)
    {
        try
        {
            var answer = await decide(stoppingToken) ?? ack;
            await AcknowledgeAsync(socket, envelopeId, answer.Body, stoppingToken);
        }
        catch (Exception failure) when (failure is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The socket went meanwhile: Slack redelivers the envelope on the next connection.
            logger.SocketAckLost(envelopeId);
        }
    }

    /// <summary>One send at a time: acknowledgements worked out off the read loop share the socket with the loop's.</summary>
    private async Task AcknowledgeAsync(ClientWebSocket socket, string envelopeId, System.Text.Json.Nodes.JsonObject? payload, CancellationToken stoppingToken)
    {
        await sending.WaitAsync(stoppingToken);
        try
        {
            await socket.SendAsync(SocketAcknowledgement.Write(envelopeId, payload), WebSocketMessageType.Text, endOfMessage: true, stoppingToken);
        }
        finally
        {
            sending.Release();
        }
    }

    private SlackWork? Prepare(SocketMessage message)
    {
        if (message.Payload is not { ValueKind: JsonValueKind.Object } payload)
        {
            return null;
        }

        try
        {
            switch (message.Type)
            {
                case "events_api":
                    var envelope = payload.Deserialize(SlackJsonContext.Default.EventEnvelope);
                    return envelope is null || Refused(envelope.ApiAppId, envelope.TeamId, envelope.EnterpriseId)
                        ? null
                        : inbound.Event(envelope, message.RetryAttempt is > 0 ? message.RetryAttempt.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
                case "slash_commands":
                    var command = payload.Deserialize(SlackJsonContext.Default.SlashCommand);
                    return command is null || Refused(command.ApiAppId, command.TeamId, command.EnterpriseId) ? null : inbound.Command(command);
                case "interactive":
                    var interaction = payload.Deserialize(SlackJsonContext.Default.InteractionPayload);
                    return interaction is null || Refused(interaction.ApiAppId, interaction.TeamId, interaction.EnterpriseId) ? null : inbound.Interaction(interaction);
                default:
                    logger.SocketUnreadable($"envelope type {message.Type}");
                    return null;
            }
        }
        catch (JsonException)
        {
            logger.SocketUnreadable($"a {message.Type} payload that does not read");
            return null;
        }
    }

    private bool Refused(string? apiAppId, string? teamId, string? enterpriseId)
    {
        if (tenancy.Refusal(apiAppId, teamId, enterpriseId) is not { } reason)
        {
            return false;
        }

        logger.RequestRefused("socket mode", reason);
        return true;
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
            catch (Exception failure) when (failure is WebSocketException or OperationCanceledException)
            {
                // The old socket is being replaced; how it ends does not matter.
            }
        }
    }

    public override void Dispose()
    {
        sending.Dispose();
        base.Dispose();
    }

    private TimeSpan Backoff(int failures)
    {
        var max = options.Value.MaxReconnectDelay;
        var wait = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures - 1, 10)));
        return wait > max ? max : wait;
    }
}
