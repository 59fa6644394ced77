using System.Diagnostics;

namespace PlanBot.Bench;

/// <summary>
/// One bot's run: seed or warm up, measure the interviews, then time <c>list</c> where the bot has
/// it. Memory is sampled all along; CPU, store requests and log lines are taken over the measured
/// phase only.
/// </summary>
internal static class Measurement
{
    public static async Task<RunFigures> RunAsync(BotProcess bot, CosmosServer? cosmos, FakeConnector connector, BenchOptions options, string name)
    {
        using var http = LoadDriver.CreateClient();
        await WaitReadyAsync(http, bot.Ready);
        Console.WriteLine($"{bot.Name} ({bot.Storage}): pid {bot.Process.Id}, listening on {bot.BaseUri}");

        using var sampling = new CancellationTokenSource();
        long sampledMax = 0;
        var sampler = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            try
            {
                while (await tick.WaitForNextTickAsync(sampling.Token))
                {
                    InterlockedMax(ref sampledMax, bot.Process.Memory().Current);
                }
            }
            catch (OperationCanceledException)
            {
                // Done.
            }
        });

        var driver = new LoadDriver(http, bot.Messages, connector, name, "Bench", options.TenantPerConversation);
        PhaseResult? seed = null;
        PhaseResult? list = null;
        if (options.Plans > 0)
        {
            // The seed is the warm-up: the same interviews, under other product names.
            var seeder = new LoadDriver(http, bot.Messages, connector, name + "-seed", "Seed", options.TenantPerConversation);
            Console.WriteLine($"  seeding {options.Plans} plans: full interviews at concurrency {options.Concurrency} (time limit {options.SeedTimeLimit.TotalSeconds:0} s)");
            seed = await seeder.RunAsync(options.Plans, options.Concurrency, options.SeedTimeLimit);
            Console.WriteLine($"    {seed.ConversationsStarted} plans in {seed.Elapsed.TotalSeconds:0} s, {seed.TurnsPerSecond:0} turns/s, errors {seed.Errors}");
            list = await ListAsync(bot, driver, options);
        }
        else if (options.WarmupConversations > 0)
        {
            Console.WriteLine($"  warm-up: {options.WarmupConversations} conversations at concurrency {options.Concurrency}");
            var warm = await driver.RunAsync(options.WarmupConversations, options.Concurrency, options.TimeLimit);
            Console.WriteLine($"    {warm.TurnsPerSecond:0} turns/s, p99 {warm.Percentile(99):0.00} ms, errors {warm.Errors}");
        }

        var loadBefore = LoadAverage();
        var botCpu = bot.Process.CpuTime();
        var cosmosCpu = cosmos?.Process.CpuTime();
        var benchCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var storeBefore = cosmos?.Counts();
        var logBefore = bot.Process.Lines;
        Interlocked.Exchange(ref sampledMax, 0);

        Console.WriteLine($"  measuring: {options.Conversations} conversations at concurrency {options.Concurrency} (time limit {options.TimeLimit.TotalSeconds:0} s)");
        var measured = await driver.RunAsync(options.Conversations, options.Concurrency, options.TimeLimit);

        // Requests the store sent during the phase may still be logged by the server for a moment.
        await Task.Delay(300);
        var botCpuUsed = bot.Process.CpuTime() - botCpu;
        var cosmosCpuUsed = cosmos is null ? (TimeSpan?)null : cosmos.Process.CpuTime() - cosmosCpu!.Value;
        var benchCpuUsed = Process.GetCurrentProcess().TotalProcessorTime - benchCpu;
        var store = cosmos is null ? null : cosmos.Counts().Since(storeBefore!);
        var logLines = bot.Process.Lines - logBefore;
        var loadAfter = LoadAverage();
        var sampledPeak = Interlocked.Read(ref sampledMax);
        list ??= await ListAsync(bot, driver, options);

        await sampling.CancelAsync();
        await sampler;
        return new RunFigures(
            bot.Name,
            bot.Storage,
            options.Concurrency,
            seed is null ? options.WarmupConversations : 0,
            seed,
            measured,
            list,
            bot.Process.Memory().Peak,
            sampledPeak,
            botCpuUsed,
            benchCpuUsed,
            cosmosCpuUsed,
            store,
            logLines,
            loadBefore,
            loadAfter,
            Environment.ProcessorCount);
    }

    private static async Task<PhaseResult?> ListAsync(BotProcess bot, LoadDriver driver, BenchOptions options)
    {
        if (!bot.HasListCommand || options.ListSamples == 0)
        {
            return null;
        }

        var list = await driver.ListAsync(options.ListSamples);
        Console.WriteLine($"  list, {options.ListSamples} times: p50 {list.Percentile(50):0.00} ms, max {list.MaxMilliseconds:0.00} ms, errors {list.Errors}");
        return list;
    }

    private static async Task WaitReadyAsync(HttpClient http, Uri ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(ready);
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
                throw new InvalidOperationException($"The bot did not report ready on {ready} within 60 s.");
            }

            await Task.Delay(200);
        }
    }

    private static void InterlockedMax(ref long target, long value)
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

    private static string LoadAverage()
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
}
