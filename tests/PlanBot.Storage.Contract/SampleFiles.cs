using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace PlanBot.Storage.Contract;

/// <summary>
/// The documents in <c>Samples/</c>: stored documents as PlanBot wrote them (Samples/README.md says
/// how and when), kept indented for reading. Each store's test project copies them beside its tests.
/// </summary>
public static class SampleFiles
{
    /// <summary>Contoso.Web 2.5 in review, started from 2.4: every part of a plan document in use.</summary>
    public const string PlanInReview = "plan-document.json";

    /// <summary>Contoso.Web 2.6 just started from 2.5: answers carried over and not confirmed, a section assigned.</summary>
    public const string DraftFromBaseline = "plan-document-draft.json";

    /// <summary>The pointer of the owner's personal chat, working on the 2.5 plan.</summary>
    public const string AttachedPointer = "conversation-document.json";

    /// <summary>The pointer of a group chat waiting for "baseline" or "fresh".</summary>
    public const string PointerWaitingToStart = "conversation-document-pending-start.json";

    /// <summary>A tenant with release admins, release channels (one stale) and installations (one removed).</summary>
    public const string Tenant = "tenant-document.json";

    /// <summary>A tenant whose release admins set its approval policy and keep plans to release channels' members (written from 2026-12-03).</summary>
    public const string TenantWithRules = "tenant-document.2026-12.json";

    /// <summary>The plan in review with the revision each approver was last shown (written from 2026-12-03).</summary>
    public const string PlanShown = "plan-document.2026-12.json";

    /// <summary>The same plan approved and deployed: its timeline, a run sheet step reported, a success criterion checked (written from 2026-12-03).</summary>
    public const string PlanDeployed = "plan-document.2026-12-deployed.json";

    /// <summary>
    /// The plan with the revision each approver was shown, and the deployments waiting on it (written
    /// from 2026-12-03): GitHub deployments told to stop and one GitHub no longer waited for, an Azure
    /// Pipelines check that reads the state, one in callback mode being told to go ahead, and a message owed.
    /// </summary>
    public const string PlanWithGates = "plan-document.2026-12-gates.json";

    /// <summary>The tenant with its rules, two gate keys and two linked GitHub environments (written from 2026-12-03).</summary>
    public const string TenantWithGates = "tenant-document.2026-12-gates.json";

    /// <summary>Where GitHub's deliveries go: linked repositories and installations of the app (written from 2026-12-03).</summary>
    public const string GitHubDirectory = "github-directory.2026-12.json";

    /// <summary>The tenant the samples live in, and the plans they name.</summary>
    public const string TenantId = "msteams:72f988bf-86f1-41af-91ab-2d7cd011db47";

    public const string PlanInReviewId = "c2d9f4a7e1b84e6f9a3d5c7b1e0f2a48";

    public const string DraftId = "0e4b7d1a9c3f4b2e8d6a5c4b3e2f1a0d";

    public const string BaselineId = "5f0c6b1e2d3a4c5b8e9f0a1b2c3d4e5f";

    /// <summary>The sample's text, with line ends as written whatever the checkout made of them.</summary>
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Contract", "Samples", name)).ReplaceLineEndings("\n");

    public static T Load<T>(string name, JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(Read(name), type) ?? throw new InvalidDataException($"The sample {name} is null.");

    /// <summary>The form the samples are kept in: the serializer's output as it is, indented, ending in a new line.</summary>
    public static string Indented(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Where two JSON documents differ, as paths, at most <paramref name="max"/>; empty when they are the same.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? expected, JsonNode? actual, int max = 20)
    {
        var found = new List<string>();
        Compare("$", expected, actual, found, max);
        return found;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> found, int max)
    {
        if (found.Count >= max || JsonNode.DeepEquals(expected, actual))
        {
            return;
        }

        switch (expected, actual)
        {
            case (JsonObject want, JsonObject got):
                foreach (var (name, value) in want)
                {
                    if (!got.ContainsKey(name))
                    {
                        found.Add($"{path}.{name}: stored, no longer written (renamed or removed?)");
                    }
                    else
                    {
                        Compare($"{path}.{name}", value, got[name], found, max);
                    }
                }

                foreach (var (name, _) in got.Where(p => !want.ContainsKey(p.Key)))
                {
                    found.Add($"{path}.{name}: written now, not in the stored document (new or renamed?)");
                }

                if (found.Count == 0 && !want.Select(p => p.Key).SequenceEqual(got.Select(p => p.Key)))
                {
                    found.Add($"{path}: the same properties in another order");
                }

                break;
            case (JsonArray want, JsonArray got) when want.Count == got.Count:
                for (var i = 0; i < want.Count; i++)
                {
                    Compare($"{path}[{i}]", want[i], got[i], found, max);
                }

                break;
            default:
                found.Add($"{path}: stored {expected?.ToJsonString() ?? "null"}, written now {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
