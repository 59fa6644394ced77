using System.Globalization;
using PlanBot.Bench;

// The load benchmark of docs/BENCHMARKS.md: PlanBot's Release host in its own process, then the
// peer on the official Bot Framework SDK (bench/peer), each driven by the same interviews at the
// same concurrency against the same fake Connector here. Everything binds 127.0.0.1.
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
    var hostDll = options.HostDll ?? await PlanBotHost.BuildAsync(root, options.NoBuild);
    Console.WriteLine($"host: {hostDll}");

    await using var connector = await FakeConnector.StartAsync();
    Console.WriteLine($"fake Connector: {connector.ServiceUrl}");

    // One bot after the other, each with a local Cosmos server of its own when it needs one, so
    // neither inherits the other's data, connections or heap.
    var runs = new List<RunFigures>();
    {
        await using var cosmos = options.Store == "cosmos" ? await CosmosServer.StartAsync(root) : null;
        await using var planBot = await PlanBotHost.StartAsync(hostDll, work.FullName, cosmos, runId, options);
        runs.Add(await Measurement.RunAsync(planBot, cosmos, connector, options, $"bench-{runId}-planbot"));
    }

    if (options.Peer != "none")
    {
        await using var cosmos = options.Peer == "cosmos" ? await CosmosServer.StartAsync(root) : null;
        await using var peer = await PeerBot.StartAsync(root, work.FullName, cosmos, runId);
        runs.Add(await Measurement.RunAsync(peer, cosmos, connector, options, $"bench-{runId}-peer"));
    }

    foreach (var run in runs)
    {
        Console.WriteLine();
        Console.Write(run.Text());
    }

    if (runs is [var ours, var theirs])
    {
        Console.WriteLine();
        Console.Write(Comparison.Text(ours, theirs));
    }

    Console.WriteLine();
    Console.WriteLine("targets:");
    foreach (var target in Target.Check(runs))
    {
        Console.WriteLine(target);
    }

    if (connector.Unexpected > 0)
    {
        Console.WriteLine($"  unexpected Connector calls: {connector.Unexpected}");
    }

    if (options.JsonOut is { } jsonOut)
    {
        await File.WriteAllTextAsync(jsonOut, Report.Json(runs));
    }

    if (options.KeepLogs)
    {
        Console.WriteLine($"the bots' output kept in {work.FullName}");
    }

    return runs.All(r => r.Errors == 0) && connector.Unexpected == 0 ? 0 : 1;
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
        // SQLite's files, the peer's checklist and the bots' output: nothing of a run stays behind.
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
