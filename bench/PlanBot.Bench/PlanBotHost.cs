using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PlanBot.Bench;

/// <summary>PlanBot's host built in Release and started as its own process, on SQLite or on the local Cosmos server.</summary>
internal static class PlanBotHost
{
    /// <summary>Builds <c>src/PlanBot.Host</c> in Release under bench/.artifacts (apart from the Debug builds of development and tests) and returns its dll.</summary>
    public static async Task<string> BuildAsync(string root, bool noBuild)
    {
        var artifacts = Path.Combine(root, "bench", ".artifacts");
        var dll = Path.Combine(artifacts, "bin", "PlanBot.Host", "release", "PlanBot.Host.dll");
        if (noBuild)
        {
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"--no-build, but there is no host at {dll}.");
        }

        Console.WriteLine("building the host in Release…");
        using var build = Process.Start(new ProcessStartInfo("dotnet",
        [
            "build", Path.Combine(root, "src", "PlanBot.Host", "PlanBot.Host.csproj"),
            "-c", "Release", "--artifacts-path", artifacts, "-nologo", "-v", "q", "-clp:ErrorsOnly",
        ])
        { UseShellExecute = false }) ?? throw new InvalidOperationException("Could not run dotnet build.");
        await build.WaitForExitAsync();
        if (build.ExitCode != 0 || !File.Exists(dll))
        {
            throw new InvalidOperationException($"Building the host failed (exit code {build.ExitCode}).");
        }

        return dll;
    }

    /// <summary>
    /// Starts the host as in production but for what a benchmark must set: Development (inbound
    /// authentication off, no app id), a loopback port, no pacing of sends (a fake Connector has no
    /// rate limits), and the store: a SQLite file in <paramref name="work"/> or a database of the run's own on <paramref name="cosmos"/>.
    /// </summary>
    public static async Task<BotProcess> StartAsync(string hostDll, string work, CosmosServer? cosmos, string runId, BenchOptions options)
    {
        var arguments = new List<string> { hostDll, "--urls", "http://127.0.0.1:0", "--BotFramework:Connector:Pacing=false", "--RateLimits:Enabled=false" };
        if (cosmos is not null)
        {
            arguments.AddRange(
            [
                "--Storage:Provider=Cosmos",
                $"--Storage:Cosmos:Endpoint={cosmos.Endpoint}/",
                $"--Storage:Cosmos:Key={CosmosServer.Key}",
                $"--Storage:Cosmos:Database=planbot-bench-{runId}",
                "--Storage:Cosmos:CreateIfMissing=true",
                "--Storage:Cosmos:AcceptAnyServerCertificate=true",
                "--Storage:Cosmos:LimitToEndpoint=true",
                "--Storage:Cosmos:ConnectionMode=Gateway",
            ]);
        }
        else
        {
            arguments.Add($"--Storage:Sqlite:Path={Path.Combine(work, "planbot.db")}");
        }

        arguments.AddRange(options.HostArguments);
        var (host, listening) = await ChildProcess.StartAsync(
            "dotnet",
            arguments,
            work,
            new Dictionary<string, string>(options.HostEnvironment) { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1" },
            new Regex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)"),
            TimeSpan.FromSeconds(60),
            logPath: Path.Combine(work, "host.log"));
        return new BotProcess("PlanBot", cosmos is null ? "SQLite" : "Cosmos DB (local server)", host, new Uri(listening), HasListCommand: true);
    }
}
