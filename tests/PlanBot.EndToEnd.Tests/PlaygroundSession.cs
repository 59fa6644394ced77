using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Testing.Hosting;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>The real host process and the real Teams emulator, wired to each other on loopback.</summary>
public sealed class PlaygroundSession : IAsyncDisposable
{
    private PlaygroundSession(string folder, int port, PlanBotProcess host, AgentsPlayground playground)
    {
        Folder = folder;
        BotPort = port;
        Host = host;
        Playground = playground;
    }

    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "planbot.db");

    public int BotPort { get; }

    public PlanBotProcess Host { get; private set; }

    public AgentsPlayground Playground { get; }

    public static async Task<PlaygroundSession> StartAsync(ITestOutputHelper output)
    {
        var folder = Path.Combine(Path.GetTempPath(), "planbot-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = PlanBotProcess.FreePort();
        var host = await PlanBotProcess.StartAsync(port, Path.Combine(folder, "planbot.db"), Settings(port));
        var playground = await AgentsPlayground.StartAsync(new AgentsPlaygroundOptions
        {
            BotEndpoint = host.Endpoint,
            TurnTimeout = TimeSpan.FromSeconds(30),
            Log = output.WriteLine,
        });
        return new PlaygroundSession(folder, port, host, playground);
    }

    /// <summary>Kills the host mid-conversation and starts it again on the same port and database.</summary>
    public async Task RestartHostAsync()
    {
        Host.Kill();
        await Host.DisposeAsync();
        Host = await PlanBotProcess.StartAsync(BotPort, DatabasePath, Settings(BotPort));
    }

    /// <summary>Export links point at the host as started here.</summary>
    private static Dictionary<string, string> Settings(int port) => new()
    {
        ["Export:PublicBaseUrl"] = $"http://127.0.0.1:{port}/",

        // The scripts type two plans of answers within a minute, faster than the per-person limit
        // (60 a minute) lets anyone; the limits have tests of their own.
        ["RateLimits:UserTurns"] = "1000",
    };

    public async ValueTask DisposeAsync()
    {
        await Playground.DisposeAsync();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; nothing depends on it.
        }
    }
}
