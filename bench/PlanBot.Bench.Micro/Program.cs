using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project bench/PlanBot.Bench.Micro -- --filter '*'
// dotnet run -c Release --project bench/PlanBot.Bench.Micro -- --loop 200   (interviews in a loop, for a profiler)
if (args is ["--loop", var count])
{
    var turns = new PlanBot.Bench.Micro.TurnBenchmarks();
    turns.Setup();
    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        await turns.TurnWithoutHttp();
    }

    Console.WriteLine($"{stopwatch.Elapsed.TotalMilliseconds * 1000 / (24 * int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)):0} µs per turn");
    turns.Dispose();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(PlanBot.Bench.Micro.TurnBenchmarks).Assembly).Run(args);

namespace PlanBot.Bench.Micro
{
    /// <summary>Short runs in this process: the machine has two cores, shared with the load it measures.</summary>
    public sealed class MicroConfig : ManualConfig
    {
        public MicroConfig()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10));
        }
    }
}
