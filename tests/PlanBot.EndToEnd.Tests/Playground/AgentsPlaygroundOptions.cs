namespace PlanBot.EndToEnd.Tests.Playground;

public sealed class AgentsPlaygroundOptions
{
    /// <summary>The bot's messaging endpoint, e.g. <c>http://127.0.0.1:3978/api/messages</c>. It must be on loopback.</summary>
    public required Uri BotEndpoint { get; init; }

    /// <summary>The port to listen on; 0 (the default) lets the system pick a free one, so runs can go in parallel.</summary>
    public int Port { get; init; }

    /// <summary>The folder with start.sh, loopback-guard.js and the committed config (tools/playground).
    /// Default: <c>PLANBOT_PLAYGROUND_DIR</c>, else found by walking up from the test binaries.</summary>
    public string? PlaygroundDirectory { get; init; }

    /// <summary>The .m365agentsplayground.yml to use. Default: the one in <see cref="PlaygroundDirectory"/>.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>How long to wait for "Listening on"; covers an <c>npm ci</c> on a fresh clone.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long one turn may take until the bot has answered every call.</summary>
    public TimeSpan TurnTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>After the bot has answered, how long the playground must stay silent for the turn to be over.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Keeps the temporary working directory (config copy and devTools/m365agentsplayground.log) after dispose.</summary>
    public bool KeepWorkingDirectory { get; init; }

    /// <summary>Receives the playground's output lines and the driver's notes, e.g. <c>ITestOutputHelper.WriteLine</c>.</summary>
    public Action<string>? Log { get; init; }
}
