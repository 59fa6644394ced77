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

    /// <summary>Extra host settings for experiments (<c>--host-arg Key=Value</c>); the recorded runs use none.</summary>
    public List<string> HostArguments { get; } = [];

    /// <summary>Extra environment variables for the host (<c>--host-env NAME=VALUE</c>), for experiments such as GC settings.</summary>
    public Dictionary<string, string> HostEnvironment { get; } = [];

    public int WarmupConversations => Warmup ?? Math.Max(Concurrency, 16);

    public const string Usage = """
        PlanBot load benchmark: drives full interviews through POST /api/messages of a Release host.

          dotnet run -c Release --project bench/PlanBot.Bench -- [options]

          --concurrency N     conversations in flight at once (default 32)
          --conversations N   measured conversations, each a full interview (default 1000)
          --warmup N          conversations run first and not counted (default max(concurrency, 16))
          --store S           sqlite (default) or cosmos (the local server in tools/cosmos)
          --time-limit S      seconds; the measured phase stops there (default 300)
          --no-build          use the host already built under bench/.artifacts
          --host-dll PATH     run this PlanBot.Host.dll instead
          --json PATH         also write the figures as JSON
          --keep-logs         keep the host's console output and database
          --tenant-per-conversation
                              each conversation in a tenant of its own (default: one tenant)
          --host-arg K=V      pass --K=V to the host (experiments only; the recorded runs use none)
          --host-env N=V      set an environment variable for the host (experiments only)
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
