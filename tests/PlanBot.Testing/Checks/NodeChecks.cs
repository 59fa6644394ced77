// Runs the Node checkers in tools/checks (Adaptive Cards with the official renderer, Block Kit
// with Slack's TypeScript types, the Teams manifest with its schema) from .NET tests.
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanBot.Testing.Checks;

/// <summary>Which Slack surface a Block Kit payload is for.</summary>
public enum BlockKitSurface
{
    /// <summary>A message: <c>{"blocks": [...]}</c>, optionally with a <c>text</c> fallback.</summary>
    Message,

    /// <summary>A modal view: <c>{"type": "modal", "title": ..., "blocks": [...]}</c>.</summary>
    Modal,

    /// <summary>A Home tab view: <c>{"type": "home", "blocks": [...]}</c>.</summary>
    Home,
}

public sealed record CardCheckIssue(string Phase, string Event, string Message);

public sealed record CardCheckResult(string Name, IReadOnlyList<CardCheckIssue> Errors, IReadOnlyList<CardCheckIssue> Warnings)
{
    public bool Passed => Errors.Count == 0;
}

public sealed record CardCheckReport(IReadOnlyList<CardCheckResult> Results)
{
    public bool Passed => Results.All(r => r.Passed);

    public CardCheckResult For(string name) => Results.Single(r => r.Name == name);

    /// <summary>Every error as one line per error, for assertion messages.</summary>
    public string Describe() => string.Join('\n', Results.SelectMany(r => r.Errors.Select(e => $"{r.Name}: {e.Phase}/{e.Event}: {e.Message}")));
}

public sealed record BlockKitCheckError(int Line, int Column, string Code, string Message, string Text);

public sealed record BlockKitCheckResult(string Name, IReadOnlyList<BlockKitCheckError> Errors)
{
    public bool Passed => Errors.Count == 0;
}

public sealed record BlockKitCheckReport(IReadOnlyList<BlockKitCheckResult> Results)
{
    public bool Passed => Results.All(r => r.Passed);

    public BlockKitCheckResult For(string name) => Results.Single(r => r.Name == name);

    /// <summary>Every error as one line per error, for assertion messages.</summary>
    public string Describe() => string.Join('\n', Results.SelectMany(r => r.Errors.Select(e => $"{r.Name}:{e.Line}:{e.Column}: {e.Code} {e.Message}")));
}

public sealed record ManifestCheckResult(int ExitCode, string Output, string Errors)
{
    public bool Passed => ExitCode == 0;
}

public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

public static class NodeChecks
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly JsonSerializerOptions ReportOptions = new(JsonSerializerDefaults.Web);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);
    private static bool installed;

    /// <summary>The folder holding PlanBot.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string ChecksDirectory => Path.Combine(RepositoryRoot, "tools", "checks");

    /// <summary>
    /// Runs <c>npm ci</c> in tools/checks when its node_modules is missing or older than the lock
    /// file. Serialised within the process and, through a lock file, across test processes.
    /// </summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        await InstallGate.WaitAsync(cancellationToken);
        try
        {
            if (installed)
            {
                return;
            }

            if (NeedsInstall())
            {
                using var crossProcessLock = await AcquireInstallLockAsync(cancellationToken);
                if (NeedsInstall())
                {
                    var result = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], ChecksDirectory, null, InstallTimeout, cancellationToken);
                    if (result.ExitCode != 0)
                    {
                        throw new InvalidOperationException($"npm ci failed in {ChecksDirectory} ({result.ExitCode}):\n{result.StandardError}");
                    }
                }
            }

            installed = true;
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>Checks Adaptive Cards (each a JSON object) with the official renderer.</summary>
    public static async Task<CardCheckReport> CheckCardsAsync(IEnumerable<(string name, string json)> cards, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var input = new JsonArray();
        foreach (var (name, json) in cards)
        {
            input.Add(new JsonObject { ["name"] = name, ["card"] = JsonNode.Parse(json) });
        }

        // The checker renders with Teams' host config: TEAMS_HOSTCONFIG (inherited), else the published one.
        var stdout = await RunCheckerAsync("check-cards.js", input, cancellationToken);
        return JsonSerializer.Deserialize<CardCheckReport>(stdout, ReportOptions)
            ?? throw new InvalidOperationException("check-cards.js printed no report.");
    }

    /// <summary>Checks Block Kit payloads (each a JSON object) against @slack/types with tsc.</summary>
    public static async Task<BlockKitCheckReport> CheckBlockKitAsync(IEnumerable<(string name, BlockKitSurface kind, string json)> payloads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        var input = new JsonArray();
        foreach (var (name, kind, json) in payloads)
        {
            input.Add(new JsonObject
            {
                ["name"] = name,
                ["kind"] = kind switch { BlockKitSurface.Modal => "modal", BlockKitSurface.Home => "home", _ => "message" },
                ["payload"] = JsonNode.Parse(json),
            });
        }

        var stdout = await RunCheckerAsync("check-blockkit.js", input, cancellationToken);
        return JsonSerializer.Deserialize<BlockKitCheckReport>(stdout, ReportOptions)
            ?? throw new InvalidOperationException("check-blockkit.js printed no report.");
    }

    /// <summary>Validates a Teams manifest file against the schema named by its $schema.</summary>
    public static async Task<ManifestCheckResult> CheckManifestAsync(string manifestPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        await EnsureInstalledAsync(cancellationToken);
        var result = await RunAsync("node", [Path.Combine(ChecksDirectory, "check-manifest.js"), manifestPath], ChecksDirectory, null, CheckTimeout, cancellationToken);
        if (result.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"check-manifest.js failed ({result.ExitCode}):\n{result.StandardError}");
        }

        return new ManifestCheckResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>Runs a program without a shell, capturing its output; kills it on timeout or cancellation.</summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {fileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task<string> RunCheckerAsync(string script, JsonArray input, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var directory = Directory.CreateTempSubdirectory("planbot-checks-");
        try
        {
            var inputPath = Path.Combine(directory.FullName, "input.json");
            await File.WriteAllTextAsync(inputPath, input.ToJsonString(), cancellationToken);
            var result = await RunAsync("node", [Path.Combine(ChecksDirectory, script), inputPath], ChecksDirectory, null, CheckTimeout, cancellationToken);
            // 0: all passed, 1: findings in the report; anything else means the checker itself failed.
            if (result.ExitCode is not (0 or 1))
            {
                throw new InvalidOperationException($"{script} failed ({result.ExitCode}):\n{result.StandardError}");
            }

            return result.StandardOutput;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool NeedsInstall()
    {
        var marker = Path.Combine(ChecksDirectory, "node_modules", ".package-lock.json");
        var lockFile = Path.Combine(ChecksDirectory, "package-lock.json");
        return !File.Exists(marker) || File.GetLastWriteTimeUtc(marker) < File.GetLastWriteTimeUtc(lockFile);
    }

    private static async Task<FileStream> AcquireInstallLockAsync(CancellationToken cancellationToken)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ChecksDirectory)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"planbot-checks-npm-{key}.lock");
        var giveUp = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PlanBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PlanBot.sln above {AppContext.BaseDirectory}.");
    }
}
