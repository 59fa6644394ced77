using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace PlanBot.Testing.Slack;

/// <summary>One WebSocket connection the bot opened to the fake Socket Mode server.</summary>
public sealed class SocketSession(WebSocket socket, FakeSlack slack)
{
    private readonly Channel<string> received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Closed => closed.Task;

    public void Abort() => socket.Abort();

    public Task SendAsync(string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next message from the bot.</summary>
    public async Task<string> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await received.Reader.ReadAsync(deadline.Token);
    }

    internal async Task RunAsync(CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stopping);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var text = Encoding.UTF8.GetString(message.ToArray());
                    message.SetLength(0);
                    slack.Record("ack", text);
                    await received.Writer.WriteAsync(text, stopping);
                }
            }
        }
        catch (Exception failure) when (failure is WebSocketException or OperationCanceledException)
        {
            // The bot closed or dropped the connection: that is what some tests wait for.
        }
        finally
        {
            closed.TrySetResult();
        }
    }
}
