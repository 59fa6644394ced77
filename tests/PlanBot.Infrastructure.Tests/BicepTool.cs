using System.Diagnostics;
using System.Text;

namespace PlanBot.Infrastructure.Tests;

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;
}

/// <summary>Runs tools/bicep/check.sh and tools/bicep/bicep.sh from the repository.</summary>
public static class BicepTool
{
    // The first run restores the Bicep package from NuGet.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding PlanBot.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    public static Task<ProcessResult> CheckAsync() => RunScriptAsync(PathOf("tools", "bicep", "check.sh"));

    /// <summary>
    /// Makes sure the pinned Bicep command line is there, restoring it on a first run (its restore
    /// messages go to standard error, so they are kept apart from what Bicep itself reports).
    /// </summary>
    public static Task<ProcessResult> EnsureInstalledAsync() => RunScriptAsync(PathOf("tools", "bicep", "bicep.sh"), "--path");

    /// <summary>Compiles infra/main.bicep to ARM JSON on standard output.</summary>
    public static Task<ProcessResult> BuildMainAsync() =>
        RunScriptAsync(PathOf("tools", "bicep", "bicep.sh"), "build", "--stdout", PathOf("infra", "main.bicep"));

    private static async Task<ProcessResult> RunScriptAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start bash {script}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Timeout}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlanBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PlanBot.sln not found above {AppContext.BaseDirectory}");
    }
}
