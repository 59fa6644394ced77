using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PlanBot.Bench;

// The load benchmark of docs/BENCHMARKS.md: a Release host in its own process, a fake Connector
// here, C conversations each running the whole interview. Everything binds 127.0.0.1.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
catch (ArgumentException bad)
{
    Console.Error.WriteLine(bad.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var root = RepositoryRoot();
var runId = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
var work = Directory.CreateTempSubdirectory("planbot-bench-");
try
{
    var hostDll = options.HostDll ?? await BuildHostAsync(root, options.NoBuild);
    Console.WriteLine($"host: {hostDll}");

    await using var connector = await FakeConnector.StartAsync();
    Console.WriteLine($"fake Connector: {connector.ServiceUrl}");

    ChildProcess? cosmos = null;
    var storeRequests = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
    long storeRequestCount = 0;
    var hostArguments = new List<string> { hostDll, "--urls", "http://127.0.0.1:0", "--BotFramework:Connector:Pacing=false", "--RateLimits:Enabled=false" };
    if (options.Store == "cosmos")
    {
        (cosmos, var endpoint) = await StartCosmosAsync(root, line =>
        {
            // "POST /dbs/planbot/colls/plans/docs 201 CreateDocument 1.23ms"
            var parts = line.Split(' ');
            if (parts.Length >= 5 && parts[1].StartsWith('/') && parts[0].All(char.IsAsciiLetterUpper))
            {
                Interlocked.Increment(ref storeRequestCount);
                storeRequests.AddOrUpdate(parts[3], 1, (_, n) => n + 1);
            }
        });
        Console.WriteLine($"local Cosmos server: {endpoint}");
        hostArguments.AddRange(
        [
            "--Storage:Provider=Cosmos",
            $"--Storage:Cosmos:Endpoint={endpoint}/",
            "--Storage:Cosmos:Key=" + Convert.ToBase64String("planbot-bench-local-server-key-0"u8),
            "--Storage:Cosmos:Database=planbot-bench-" + runId,
            "--Storage:Cosmos:CreateIfMissing=true",
            "--Storage:Cosmos:AcceptAnyServerCertificate=true",
            "--Storage:Cosmos:LimitToEndpoint=true",
            "--Storage:Cosmos:ConnectionMode=Gateway",
        ]);
    }
    else
    {
        hostArguments.Add($"--Storage:Sqlite:Path={Path.Combine(work.FullName, "planbot.db")}");
    }

    hostArguments.AddRange(options.HostArguments);
    await using var cosmosProcess = cosmos;
    var (host, listening) = await ChildProcess.StartAsync(
        "dotnet",
        hostArguments,
        work.FullName,
        new Dictionary<string, string>(options.HostEnvironment) { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_NOLOGO"] = "1" },
        new Regex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)"),
        TimeSpan.FromSeconds(60),
        logPath: Path.Combine(work.FullName, "host.log"));
    await using var hostProcess = host;
    Console.WriteLine($"host pid {host.Id} listening on {listening}");

    using var http = LoadDriver.CreateClient();
    await WaitReadyAsync(http, new Uri(listening + "/readyz"));

    using var sampling = new CancellationTokenSource();
    long sampledMax = 0;
    var sampler = Task.Run(async () =>
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await tick.WaitForNextTickAsync(sampling.Token))
            {
                var (_, current) = host.Memory();
                InterlockedMax(ref sampledMax, current);
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }
    });

    var driver = new LoadDriver(http, new Uri(listening + "/api/messages"), connector, runId, options.TenantPerConversation);
    var warmup = options.WarmupConversations;
    if (warmup > 0)
    {
        Console.WriteLine($"warm-up: {warmup} conversations at concurrency {options.Concurrency}");
        var warm = await driver.RunAsync(warmup, options.Concurrency, options.TimeLimit);
        Console.WriteLine($"  {warm.TurnsPerSecond:0} turns/s, p99 {warm.Percentile(99):0.00} ms, errors {warm.Errors}");
    }

    var loadBefore = LoadAverage();
    var hostCpu = host.CpuTime();
    var cosmosCpu = cosmos?.CpuTime();
    var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var requestsBefore = Interlocked.Read(ref storeRequestCount);
    var kindsBefore = new Dictionary<string, long>(storeRequests);
    var logBefore = host.Lines;
    Interlocked.Exchange(ref sampledMax, 0);

    Console.WriteLine($"measuring: {options.Conversations} conversations at concurrency {options.Concurrency} (time limit {options.TimeLimit.TotalSeconds:0} s)");
    var measured = await driver.RunAsync(options.Conversations, options.Concurrency, options.TimeLimit);

    // Requests the store sent during the phase may still be logged by the server for a moment.
    await Task.Delay(300);
    var figures = new RunFigures(
        options.Store,
        options.Concurrency,
        options.Conversations,
        warmup,
        measured,
        host.Memory().Peak,
        Interlocked.Read(ref sampledMax),
        host.CpuTime() - hostCpu,
        Process.GetCurrentProcess().TotalProcessorTime - benchCpu,
        cosmos is null ? null : cosmos.CpuTime() - cosmosCpu!.Value,
        cosmos is null ? null : Interlocked.Read(ref storeRequestCount) - requestsBefore,
        cosmos is null ? null : storeRequests.ToDictionary(k => k.Key, k => k.Value - kindsBefore.GetValueOrDefault(k.Key)).Where(k => k.Value > 0).ToDictionary(),
        host.Lines - logBefore,
        loadBefore,
        LoadAverage(),
        Environment.ProcessorCount);

    await sampling.CancelAsync();
    await sampler;
    Console.WriteLine();
    Console.Write(figures.Text());
    if (connector.Unexpected > 0)
    {
        Console.WriteLine($"  unexpected Connector calls: {connector.Unexpected}");
    }

    if (options.JsonOut is { } jsonOut)
    {
        await File.WriteAllTextAsync(jsonOut, figures.Json());
    }

    if (options.KeepLogs)
    {
        Console.WriteLine($"host output kept in {Path.Combine(work.FullName, "host.log")}");
    }

    return measured.Errors == 0 && connector.Unexpected == 0 ? 0 : 1;
}
catch (InvalidOperationException failure)
{
    Console.Error.WriteLine(failure.Message);
    return 1;
}
finally
{
    if (!options.KeepLogs)
    {
        // SQLite's files and the host's output: nothing of a run stays behind.
        try
        {
            work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PlanBot.sln")))
            {
                return dir.FullName;
            }
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the PlanBot repository (no PlanBot.sln above the current folder).");
}

static async Task<string> BuildHostAsync(string root, bool noBuild)
{
    // The host's bin and obj go under bench/.artifacts, apart from the Debug builds of development and tests.
    var artifacts = Path.Combine(root, "bench", ".artifacts");
    var dll = Path.Combine(artifacts, "bin", "PlanBot.Host", "release", "PlanBot.Host.dll");
    if (noBuild)
    {
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"--no-build, but there is no host at {dll}.");
    }

    Console.WriteLine("building the host in Release…");
    var build = Process.Start(new ProcessStartInfo("dotnet",
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

static async Task<(ChildProcess Process, string Endpoint)> StartCosmosAsync(string root, Action<string> onRequestLine)
{
    var folder = Path.Combine(root, "tools", "cosmos");
    if (!Directory.Exists(Path.Combine(folder, "node_modules")))
    {
        Console.WriteLine("installing the local Cosmos server's packages (npm ci)…");
        using var npm = Process.Start(new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund"]) { WorkingDirectory = folder, UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not run npm.");
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException("npm ci in tools/cosmos failed.");
        }
    }

    return await ChildProcess.StartAsync(
        "node",
        [Path.Combine(folder, "server.js")],
        folder,
        new Dictionary<string, string>
        {
            ["COSMOS_PORT"] = "0",
            ["COSMOS_LOG"] = "1",
            ["COSMOS_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
        },
        new Regex(@"Cosmos server listening on (https://127\.0\.0\.1:[0-9]+)"),
        TimeSpan.FromSeconds(30),
        onStderr: onRequestLine);
}

static async Task WaitReadyAsync(HttpClient http, Uri readyz)
{
    var deadline = DateTime.UtcNow.AddSeconds(60);
    while (true)
    {
        try
        {
            using var response = await http.GetAsync(readyz);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not yet.
        }

        if (DateTime.UtcNow > deadline)
        {
            throw new InvalidOperationException($"The host did not report ready on {readyz} within 60 s.");
        }

        await Task.Delay(200);
    }
}

static void InterlockedMax(ref long target, long value)
{
    var seen = Interlocked.Read(ref target);
    while (value > seen)
    {
        var previous = Interlocked.CompareExchange(ref target, value, seen);
        if (previous == seen)
        {
            return;
        }

        seen = previous;
    }
}

static string LoadAverage()
{
    try
    {
        return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
}
