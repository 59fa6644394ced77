using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PlanBot.Conversations.State;
using PlanBot.Domain.Plans;
using PlanBot.Storage.Contract;
using PlanBot.Storage.Cosmos.Items;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>
/// The paths Cosmos DB filters, sorts, projects, indexes and partitions by, checked against plan
/// items as the store writes them for the stored samples. A renamed plan property would otherwise
/// leave a query finding nothing, or an index covering nothing, without any error.
/// </summary>
public sealed partial class StoredPathsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The plan in review answers every question, waits for a reminder and has gate work owed, so every path has a value.</summary>
    [Fact]
    public void Every_path_the_plan_queries_name_is_in_a_stored_plan_item()
    {
        var item = Item(SampleFiles.PlanWithGates);
        var paths = PlanQueries.All(Now).SelectMany(q => Paths(q.QueryText)).Distinct().ToList();

        Assert.Contains("c.body.plan.answers[\"features\"]", paths);
        Assert.Contains("c.remindAt", paths);
        Assert.Contains("c.gateAt", paths);
        Assert.All(paths, path => Assert.True(Resolve(item, path) is not null, $"{path} is not in a plan item as the store writes it."));
    }

    [Fact]
    public void Every_path_the_plans_container_indexes_and_is_keyed_by_is_in_a_stored_plan_item()
    {
        var item = Item(SampleFiles.PlanWithGates);
        var paths = CosmosContainers.PlansIndexedPaths.Select(p => p.TrimEnd('?').TrimEnd('/'))
            .Append(CosmosContainers.PlansPartitionKey)
            .Append(CosmosContainers.ReleaseUniqueKey);

        Assert.All(paths, path => Assert.True(Resolve(item, "c" + path.Replace('/', '.')) is not null, $"{path} is not in a plan item as the store writes it."));
    }

    [Fact]
    public void The_feature_set_projection_of_a_stored_plan_reads_as_that_plan()
    {
        var document = SampleFiles.Load(SampleFiles.PlanInReview, StateJsonContext.Default.PlanDocument);
        var item = JsonNode.Parse(ItemCodec.Plan(document))!;
        var query = PlanQueries.ListFeatureSets().QueryText;

        // What the server returns: the projection's object, each path replaced by its value.
        var projection = query["SELECT VALUE ".Length..query.LastIndexOf(" FROM c", StringComparison.Ordinal)];
        var returned = Path().Replace(projection, match => Resolve(item, match.Value)!.ToJsonString());
        var set = JsonSerializer.Deserialize(returned, StateJsonContext.Default.Plan)!;

        var plan = document.Plan;
        Assert.Equal((plan.Id, plan.TenantId, plan.Product, plan.Version, plan.Owner, plan.CreatedAt, plan.State), (set.Id, set.TenantId, set.Product, set.Version, set.Owner, set.CreatedAt, set.State));
        Assert.Equal(plan.AnswerTo("components")!.Value.Text, set.AnswerTo("components")!.Value.Text);
        Assert.Equal(PlanState.InReview, set.State);
    }

    private static JsonNode Item(string sample) =>
        JsonNode.Parse(ItemCodec.Plan(SampleFiles.Load(sample, StateJsonContext.Default.PlanDocument)))!;

    /// <summary>The item paths a query names: <c>c.a.b</c> and <c>c.a["b"]</c>.</summary>
    private static IEnumerable<string> Paths(string query) => Path().Matches(query).Select(m => m.Value);

    private static JsonNode? Resolve(JsonNode item, string path)
    {
        JsonNode? node = item;
        foreach (Match segment in Segment().Matches(path[1..]))
        {
            var name = segment.Groups["dot"].Success ? segment.Groups["dot"].Value : segment.Groups["index"].Value;
            node = node is JsonObject json && json.TryGetPropertyValue(name, out var child) ? child : null;
        }

        return node;
    }

    [GeneratedRegex("""\bc(?:\.[A-Za-z_][A-Za-z0-9_]*|\["[^"]*"\])+""")]
    private static partial Regex Path();

    [GeneratedRegex("""\.(?<dot>[A-Za-z_][A-Za-z0-9_]*)|\["(?<index>[^"]*)"\]""")]
    private static partial Regex Segment();
}
