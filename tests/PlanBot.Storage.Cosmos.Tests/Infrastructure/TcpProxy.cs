using System.Net;
using System.Net.Sockets;

namespace PlanBot.Storage.Cosmos.Tests.Infrastructure;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of the Cosmos server, to cut the store off without touching
/// the server: <see cref="Hold"/> stops relaying (requests hang, as behind a dead network path),
/// <see cref="Refuse"/> drops every connection and refuses new ones, <see cref="Restore"/> heals both.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint target;
    private readonly List<TcpClient> connections = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly int port;
    private TcpListener? listener;
    private volatile TaskCompletionSource flowing = Flowing();

    public TcpProxy(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        this.target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Listen();
        Endpoint = new UriBuilder(target) { Port = port }.Uri;
    }

    public Uri Endpoint { get; }

    public void Hold() => flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Refuse()
    {
        listener?.Stop();
        listener = null;
        lock (connections)
        {
            foreach (var connection in connections)
            {
                try
                {
                    // Reset rather than close, as a dead path or a crashed server would.
                    if (connection.Client is { Connected: true } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0);
                    }
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // Already closed.
                }

                connection.Dispose();
            }

            connections.Clear();
        }
    }

    public void Restore()
    {
        if (listener is null)
        {
            Listen();
        }

        flowing.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        flowing.TrySetResult();
        Refuse();
        stopping.Dispose();
    }

    private static TaskCompletionSource Flowing()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private void Listen()
    {
        var started = new TcpListener(IPAddress.Loopback, port);
        started.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        started.Start();
        listener = started;
        _ = AcceptAsync(started);
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await from.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
            {
                return;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (connections)
        {
            connections.Add(inbound);
            connections.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(target, stopping.Token);
            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(PumpAsync(a, b), PumpAsync(b, a));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection ended; the client sees it closed.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
            lock (connections)
            {
                connections.Remove(inbound);
                connections.Remove(outbound);
            }
        }
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, stopping.Token);
            if (read == 0)
            {
                return;
            }

            // While held, bytes are kept here and go on only when the proxy is restored.
            await flowing.Task.WaitAsync(stopping.Token);
            await to.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
        }
    }
}
