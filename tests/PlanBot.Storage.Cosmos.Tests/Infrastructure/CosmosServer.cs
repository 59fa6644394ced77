using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PlanBot.Storage.Cosmos.Tests.Infrastructure;

/// <summary>
/// The local Cosmos DB server (tools/cosmos/server.js) in a process of this test run. It binds
/// 127.0.0.1 on a free port and exits by itself when this process ends.
/// </summary>
public sealed partial class CosmosServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Servers of one test run start in parallel; only one may install the packages.</summary>
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private readonly Process process;

    private CosmosServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public int ProcessId => process.Id;

    public static async Task<CosmosServer> StartAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "tools", "cosmos");
        await Installing.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "@vercel", "cosmosdb-server")))
            {
                await RunAsync("npm", "ci --no-audit --no-fund --loglevel=error", folder);
            }
        }
        finally
        {
            Installing.Release();
        }

        var start = new ProcessStartInfo("node", "server.js")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["COSMOS_PORT"] = "0";
        start.Environment.Remove("COSMOS_HTTP");
        var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"The local Cosmos server exited before it was ready: {errors}");
                if (ReadyLine().Match(line) is { Success: true } ready)
                {
                    // Keep draining stdout so the server never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return new CosmosServer(process, new Uri(ready.Groups["url"].Value + "/"));
                }
            }
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Freezes the server process (SIGSTOP): connections stay open and requests hang, as in a network partition.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    public Task ResumeAsync() => SignalAsync("CONT");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await SignalAsync("CONT");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        Stop(process);
        await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tools", "cosmos", "server.js")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"tools/cosmos/server.js was not found above {AppContext.BaseDirectory}.");
    }

    private async Task SignalAsync(string signal)
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException("The local Cosmos server has exited.");
        }

        await RunAsync("kill", $"-{signal} {process.Id}", Environment.CurrentDirectory);
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
        }
    }

    private static async Task RunAsync(string file, string arguments, string folder)
    {
        using var run = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"{file} could not be started.");
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} failed ({run.ExitCode}): {await output}{await error}");
        }
    }

    [GeneratedRegex(@"Cosmos server listening on (?<url>https?://127\.0\.0\.1:\d+)")]
    private static partial Regex ReadyLine();
}
