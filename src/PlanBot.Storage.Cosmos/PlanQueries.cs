using System.Globalization;
using Microsoft.Azure.Cosmos;
using PlanBot.Domain.Reuse;
using PlanBot.Storage.Cosmos.Items;

namespace PlanBot.Storage.Cosmos;

/// <summary>
/// The queries of the <c>plans</c> container. They name paths inside the stored item, envelope
/// fields (<c>c.releaseKey</c>) and the document's own (<c>c.body.plan.answers["features"]</c>), so
/// the tests check every path they name against an item as <see cref="ItemCodec"/> writes it.
/// </summary>
internal static class PlanQueries
{
    /// <summary>The fields of a plan the similar-products search reads besides its answers.</summary>
    private static readonly string[] FeatureSetFields = ["id", "tenantId", "product", "version", "owner", "createdAt", "state"];

    /// <summary>The plan of one release, by its unique key.</summary>
    public static QueryDefinition FindRelease(string product, string version) =>
        new QueryDefinition("SELECT * FROM c WHERE c.releaseKey = @release")
            .WithParameter("@release", ItemKeys.Release(product, version));

    /// <summary>Only the plan is projected: sessions and outboxes stay on the server.</summary>
    public static QueryDefinition ListPlans(string? product) =>
        product is null
            ? new QueryDefinition("SELECT VALUE c.body.plan FROM c ORDER BY c.createdAt DESC")
            : new QueryDefinition("SELECT VALUE c.body.plan FROM c WHERE c.productKey = @product ORDER BY c.createdAt DESC")
                .WithParameter("@product", ItemKeys.Name(product));

    /// <summary>
    /// The plan's identity and state and the answers the similarity reads, a few hundred bytes per
    /// plan where whole plans are tens of kilobytes. An answer a plan lacks is undefined and left out
    /// of the object, as if unanswered.
    /// </summary>
    public static QueryDefinition ListFeatureSets()
    {
        var answers = string.Join(", ", SimilarPlans.Questions.Select(id => $"\"{id}\": c.body.plan.answers[\"{id}\"]"));
        var fields = string.Join(", ", FeatureSetFields.Select(f => $"\"{f}\": c.body.plan.{f}"));
        return new QueryDefinition($"SELECT VALUE {{ {fields}, \"answers\": {{ {answers} }} }} FROM c");
    }

    /// <summary>Plans carry <c>remindAt</c> only while a reminder waits; it is indexed, so this reads just the due plans.</summary>
    public static QueryDefinition DueReminders(DateTimeOffset now) =>
        new QueryDefinition("SELECT c.tenantId, c.id, c.remindAt FROM c WHERE c.remindAt <= @now")
            .WithParameter("@now", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Plans carry <c>gateAt</c> only while the gate sender has something owed on them; it is indexed like <c>remindAt</c>.</summary>
    public static QueryDefinition DueGates(DateTimeOffset now) =>
        new QueryDefinition("SELECT c.tenantId, c.id, c.gateAt FROM c WHERE c.gateAt <= @now")
            .WithParameter("@now", now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>Every query, with sample arguments: what the tests check the stored shape against.</summary>
    public static IEnumerable<QueryDefinition> All(DateTimeOffset now) =>
        [FindRelease("Contoso.Web", "2.5"), ListPlans(null), ListPlans("Contoso.Web"), ListFeatureSets(), DueReminders(now), DueGates(now)];
}
