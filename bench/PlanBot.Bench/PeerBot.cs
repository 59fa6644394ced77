using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlanBot.Domain.Checklist;

namespace PlanBot.Bench;

/// <summary>
/// The peer of bench/peer: PlanBot's interview on the official Bot Framework SDK for JavaScript,
/// with MemoryStorage or CosmosDbPartitionedStorage on the local Cosmos server.
/// </summary>
internal static class PeerBot
{
    public static async Task<BotProcess> StartAsync(string root, string work, CosmosServer? cosmos, string runId)
    {
        var folder = Path.Combine(root, "bench", "peer");
        await NodePackages.EnsureInstalledAsync(folder);
        var checklist = Path.Combine(work, "checklist.json");
        await File.WriteAllBytesAsync(checklist, Checklist());
        var environment = new Dictionary<string, string>
        {
            ["PEER_PORT"] = "0",
            ["PEER_CHECKLIST"] = checklist,
            ["PEER_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            ["PEER_STORAGE"] = cosmos is null ? "memory" : "cosmos",
        };
        if (cosmos is not null)
        {
            environment["PEER_COSMOS_ENDPOINT"] = cosmos.Endpoint;
            environment["PEER_COSMOS_KEY"] = CosmosServer.Key;
            environment["PEER_COSMOS_DATABASE"] = $"planbot-peer-{runId}";
        }

        var (peer, listening) = await ChildProcess.StartAsync(
            "node",
            [Path.Combine(folder, "index.js")],
            folder,
            environment,
            new Regex(@"Peer bot listening on (http://127\.0\.0\.1:[0-9]+)"),
            TimeSpan.FromSeconds(60),
            logPath: Path.Combine(work, "peer.log"));
        return new BotProcess("peer", cosmos is null ? "MemoryStorage" : "CosmosDbPartitionedStorage (local server)", peer, new Uri(listening), HasListCommand: false);
    }

    /// <summary>PlanBot's questions, in order, as the peer reads them: so the two interviews cannot drift apart.</summary>
    private static byte[] Checklist()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var question in PlanChecklist.Questions)
            {
                json.WriteStartObject();
                json.WriteString("id", question.Id);
                json.WriteString("text", question.Text);
                json.WriteString("kind", question.Kind.ToString());
                json.WriteString("hint", question.Hint);
                json.WriteNumber("section", (int)question.Section);
                json.WriteString("sectionTitle", SectionInfo.Of(question.Section).Title);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
