using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PlanBot.Bench;

/// <summary>What the local Cosmos server's request log counted: requests by kind, body bytes written and read.</summary>
internal sealed record StoreCounts(long Requests, long BytesWritten, long BytesRead, IReadOnlyDictionary<string, long> ByKind)
{
    /// <summary>What was counted since <paramref name="before"/>.</summary>
    public StoreCounts Since(StoreCounts before) => new(
        Requests - before.Requests,
        BytesWritten - before.BytesWritten,
        BytesRead - before.BytesRead,
        ByKind.Select(k => (k.Key, Count: k.Value - before.ByKind.GetValueOrDefault(k.Key))).Where(k => k.Count > 0).ToDictionary(k => k.Key, k => k.Count));
}

/// <summary>
/// The local Cosmos DB server of <c>tools/cosmos</c> with its request log on: one stderr line per
/// request (<c>PUT /dbs/d/colls/plans/docs/x 200 package 0.81ms in=20480 out=20612</c>), counted
/// here by container and operation, with the bodies' bytes.
/// </summary>
internal sealed partial class CosmosServer : IAsyncDisposable
{
    /// <summary>Any base64 is accepted as the key.</summary>
    public static readonly string Key = Convert.ToBase64String("planbot-bench-local-server-key-0"u8);

    private readonly ConcurrentDictionary<string, long> byKind = new(StringComparer.Ordinal);
    private long requests;
    private long bytesWritten;
    private long bytesRead;
    private ChildProcess? process;

    private CosmosServer()
    {
    }

    public ChildProcess Process => process!;

    /// <summary><c>https://127.0.0.1:&lt;port&gt;</c>, no trailing slash.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    public static async Task<CosmosServer> StartAsync(string root)
    {
        var folder = Path.Combine(root, "tools", "cosmos");
        await NodePackages.EnsureInstalledAsync(folder);
        var server = new CosmosServer();
        (server.process, server.Endpoint) = await ChildProcess.StartAsync(
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
            onStderr: server.OnRequestLine);
        return server;
    }

    public StoreCounts Counts() => new(
        Interlocked.Read(ref requests),
        Interlocked.Read(ref bytesWritten),
        Interlocked.Read(ref bytesRead),
        new Dictionary<string, long>(byKind, StringComparer.Ordinal));

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    private void OnRequestLine(string line)
    {
        var match = RequestLine().Match(line);
        if (!match.Success)
        {
            return;
        }

        var (container, operation) = Classify(match.Groups["method"].Value, match.Groups["path"].Value, match.Groups["handler"].Value);
        var status = int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture);
        var kind = status is >= 200 and < 300 or 304 ? $"{container} {operation}" : $"{container} {operation} ({status})";
        Interlocked.Increment(ref requests);
        byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (operation is "create/upsert" or "replace" or "patch")
        {
            Interlocked.Add(ref bytesWritten, long.Parse(match.Groups["in"].Value, CultureInfo.InvariantCulture));
        }
        else if (operation is "read" or "query" or "read feed" or "change feed")
        {
            Interlocked.Add(ref bytesRead, long.Parse(match.Groups["out"].Value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The container a request is about and what it does to it, in the words of the SDKs.</summary>
    private static (string Container, string Operation) Classify(string method, string path, string handler)
    {
        var documents = DocumentPath().Match(path);
        if (!documents.Success)
        {
            return ("account", "metadata");
        }

        var container = Uri.UnescapeDataString(documents.Groups["container"].Value);
        var one = documents.Groups["id"].Success;
        var operation = handler switch
        {
            "ReadDocument" => "read",
            "Query" => "query",
            "QueryPlan" => "query plan",
            "ChangeFeed" => "change feed",
            "ReadFeed" => "read feed",
            "package" => (method, one) switch
            {
                ("POST", false) => "create/upsert",
                ("PUT", true) => "replace",
                ("PATCH", true) => "patch",
                ("DELETE", true) => "delete",
                _ => "metadata",
            },
            _ => handler,
        };
        return (container, operation);
    }

    [GeneratedRegex(@"^(?<method>[A-Z]+) (?<path>/\S*) (?<status>[0-9]{3}) (?<handler>\S+) \S+ms in=(?<in>[0-9]+) out=(?<out>[0-9]+)$")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^/+dbs/[^/?]+/colls/(?<container>[^/?]+)/docs(/(?<id>[^/?]+))?/?(\?|$)")]
    private static partial Regex DocumentPath();
}
