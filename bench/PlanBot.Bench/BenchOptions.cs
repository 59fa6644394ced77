using System.Globalization;

namespace PlanBot.Bench;

/// <summary>The command line: <c>--concurrency 32 --conversations 1000 --store sqlite</c> and the rest.</summary>
internal sealed class BenchOptions
{
    public int Concurrency { get; private set; } = 32;

    public int Conversations { get; private set; } = 1000;

    /// <summary>Conversations run before the measured ones (JIT, connection pools, SQLite pages), not counted.</summary>
    public int? Warmup { get; private set; }

    public string Store { get; private set; } = "sqlite";

    /// <summary>The peer's storage (memory, cosmos) or none; by default the one that matches <see cref="Store"/>.</summary>
    public string Peer => peer ?? (Store == "cosmos" ? "cosmos" : "memory");

    /// <summary>Plans created in the tenant first, by full interviews (they stand in for the warm-up).</summary>
    public int Plans { get; private set; }

    /// <summary>The seeding stops at this limit even when plans are left.</summary>
    public TimeSpan SeedTimeLimit { get; private set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times <c>list</c> is timed after the load (PlanBot only; 0: not at all).</summary>
    public int ListSamples { get; private set; } = 20;

    /// <summary>The measured phase stops at this limit even when conversations are left.</summary>
    public TimeSpan TimeLimit { get; private set; } = TimeSpan.FromMinutes(5);

    /// <summary>Skip building the host (use the last Release build under bench/.artifacts).</summary>
    public bool NoBuild { get; private set; }

    /// <summary>Run this host dll instead of building one.</summary>
    public string? HostDll { get; private set; }

    /// <summary>Write the figures as JSON here as well.</summary>
    public string? JsonOut { get; private set; }

    /// <summary>Keep the host's console output (a file in the run's temporary folder) instead of deleting it.</summary>
    public bool KeepLogs { get; private set; }

    /// <summary>Each conversation in a tenant of its own (the default is one tenant for all, as in one organisation).</summary>
    public bool TenantPerConversation { get; private set; }

    /// <summary>Extra settings for PlanBot's host, for experiments (<c>--host-arg Key=Value</c>); the recorded runs use none.</summary>
    public List<string> HostArguments { get; } = [];

    /// <summary>Extra environment variables for the host (<c>--host-env NAME=VALUE</c>), for experiments such as GC settings.</summary>
    public Dictionary<string, string> HostEnvironment { get; } = [];

    public int WarmupConversations => Warmup ?? Math.Max(Concurrency, 16);

    private string? peer;

    public const string Usage = """
        PlanBot load benchmark: drives full interviews through POST /api/messages of a Release host,
        then of the peer (PlanBot's interview on the official Bot Framework SDK, bench/peer), and
        prints each figure of PlanBot against the peer's.

          dotnet run -c Release --project bench/PlanBot.Bench -- [options]

          --concurrency N     conversations in flight at once (default 32)
          --conversations N   measured conversations, each a full interview (default 1000)
          --warmup N          conversations run first and not counted (default max(concurrency, 16))
          --store S           sqlite (default) or cosmos (the local server in tools/cosmos)
          --peer P            the peer's storage: memory, cosmos or none (default: memory with
                              sqlite, cosmos with cosmos; each bot gets a local Cosmos server of its own)
          --plans N           seed N plans in the tenant first (full interviews, instead of the
                              warm-up), then time list, then measure
          --seed-time-limit S seconds; the seeding stops there (default 600)
          --list-samples N    time list N times after the load, PlanBot only (default 20; 0: no)
          --time-limit S      seconds; the measured phase stops there (default 300)
          --no-build          use the host already built under bench/.artifacts
          --host-dll PATH     run this PlanBot.Host.dll instead
          --json PATH         also write the figures as JSON
          --keep-logs         keep the bots' console output and the SQLite database
          --tenant-per-conversation
                              each conversation in a tenant of its own (default: one tenant)
          --host-arg K=V      pass --K=V to PlanBot's host (experiments only; the recorded runs use none)
          --host-env N=V      set an environment variable for PlanBot's host (experiments only)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Count(int min, int max)
            {
                var name = args[i];
                var text = Value();
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                    ? n
                    : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, not \"{text}\".");
            }

            switch (args[i])
            {
                case "--concurrency":
                    options.Concurrency = Count(1, 1024);
                    break;
                case "--conversations":
                    options.Conversations = Count(1, 1_000_000);
                    break;
                case "--warmup":
                    options.Warmup = Count(0, 100_000);
                    break;
                case "--store":
                    var store = Value().ToLowerInvariant();
                    options.Store = store is "sqlite" or "cosmos" ? store : throw new ArgumentException("--store must be sqlite or cosmos.");
                    break;
                case "--peer":
                    var peer = Value().ToLowerInvariant();
                    options.peer = peer is "memory" or "cosmos" or "none" ? peer : throw new ArgumentException("--peer must be memory, cosmos or none.");
                    break;
                case "--plans":
                    options.Plans = Count(0, 100_000);
                    break;
                case "--seed-time-limit":
                    options.SeedTimeLimit = TimeSpan.FromSeconds(Count(1, 7200));
                    break;
                case "--list-samples":
                    options.ListSamples = Count(0, 10_000);
                    break;
                case "--time-limit":
                    options.TimeLimit = TimeSpan.FromSeconds(Count(1, 3600));
                    break;
                case "--no-build":
                    options.NoBuild = true;
                    break;
                case "--host-dll":
                    options.HostDll = Path.GetFullPath(Value());
                    break;
                case "--json":
                    options.JsonOut = Path.GetFullPath(Value());
                    break;
                case "--host-arg":
                    options.HostArguments.Add("--" + Value());
                    break;
                case "--host-env":
                    var pair = Value().Split('=', 2);
                    options.HostEnvironment[pair[0]] = pair.Length == 2 ? pair[1] : throw new ArgumentException("--host-env needs NAME=VALUE.");
                    break;
                case "--tenant-per-conversation":
                    options.TenantPerConversation = true;
                    break;
                case "--keep-logs":
                    options.KeepLogs = true;
                    break;
                case "-h" or "--help":
                    throw new HelpRequestedException();
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        return options;
    }
}

internal sealed class HelpRequestedException : Exception
{
    public HelpRequestedException()
    {
    }

    public HelpRequestedException(string message)
        : base(message)
    {
    }

    public HelpRequestedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
