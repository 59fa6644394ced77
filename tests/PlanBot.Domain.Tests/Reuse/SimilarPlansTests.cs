using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;
using PlanBot.Domain.Tests.Support;
using static PlanBot.Domain.Tests.Support.SamplePlans;

namespace PlanBot.Domain.Tests.Reuse;

/// <summary>Plans of other products ranked by how many of the words naming their features and components they share.</summary>
public sealed class SimilarPlansTests
{
    /// <summary>Words any plan may use, which say nothing about what the release contains; and a two-letter one.</summary>
    private const string CommonWords =
        "the new UI for all features and components of this release: our feature, component, service and version are with that, from and into";

    private static Plan PlanOf(string product, string version, string features, string? components = null, string? valuable = null)
    {
        var plan = Plan.Start($"{product}-{version}", "msteams:tenant-1", product, version, People.Owner, Start)
            .WithAnswer(AnswerOf("features", features), Start);
        plan = components is null ? plan : plan.WithAnswer(AnswerOf("components", components), Start);
        return valuable is null ? plan : plan.WithAnswer(AnswerOf("valuable-features", valuable), Start);
    }

    [Fact]
    public void Plans_sharing_feature_words_are_ranked_by_their_overlap_with_the_words_shared()
    {
        var mine = PlanOf("Contoso.Web", "1.0", "checkout basket payments");
        var close = PlanOf("Fabrikam.Shop", "3.1", "checkout basket wishlist");
        var far = PlanOf("Tailspin.App", "2.0", "payments reporting exports dashboards");

        var ranked = SimilarPlans.Rank(mine, [far, close]);

        Assert.Equal(["Fabrikam.Shop", "Tailspin.App"], ranked.Select(s => s.Plan.Product));
        Assert.Equal(["basket", "checkout"], ranked[0].Shared);
        Assert.Equal(2.0 / 4, ranked[0].Score, 6);
        Assert.Equal(["payments"], ranked[1].Shared);
        Assert.Equal(1.0 / 6, ranked[1].Score, 6);
    }

    [Fact]
    public void Components_and_valuable_features_count_as_well_as_features()
    {
        var mine = PlanOf("Contoso.Web", "1.0", "checkout", components: "gateway", valuable: "loyalty");
        var other = PlanOf("Fabrikam.Shop", "3.1", "loyalty", components: "gateway checkout");

        var shared = Assert.Single(SimilarPlans.Rank(mine, [other])).Shared;

        Assert.Equal(["checkout", "gateway", "loyalty"], shared);
    }

    [Fact]
    public void Short_words_and_common_words_are_not_counted()
    {
        var mine = PlanOf("Contoso.Web", "1.0", "checkout: " + CommonWords);
        var other = PlanOf("Fabrikam.Shop", "3.1", "wishlist: " + CommonWords);

        Assert.Empty(SimilarPlans.Rank(mine, [other]));
    }

    [Fact]
    public void Words_of_three_letters_count()
    {
        var mine = PlanOf("Contoso.Web", "1.0", "api checkout");
        var other = PlanOf("Fabrikam.Shop", "3.1", "api wishlist");

        Assert.Equal(["api"], Assert.Single(SimilarPlans.Rank(mine, [other])).Shared);
    }

    [Fact]
    public void Words_compare_without_regard_to_case()
    {
        var mine = PlanOf("Contoso.Web", "1.0", "Checkout");
        var other = PlanOf("Fabrikam.Shop", "3.1", "CHECKOUT");

        var similar = Assert.Single(SimilarPlans.Rank(mine, [other]));

        Assert.Equal(["checkout"], similar.Shared);
        Assert.Equal(1.0, similar.Score);
    }

    [Fact]
    public void Plans_of_the_same_product_in_any_case_and_cancelled_plans_are_left_out()
    {
        var mine = PlanOf("Contoso.Web", "2.0", "checkout basket");
        var earlier = PlanOf("contoso.web", "1.0", "checkout basket");
        var cancelled = PlanOf("Fabrikam.Shop", "3.1", "checkout basket").Cancel(People.Owner, Start);

        Assert.Empty(SimilarPlans.Rank(mine, [earlier, cancelled]));
    }

    [Fact]
    public void Each_other_product_is_judged_by_its_latest_release()
    {
        var mine = PlanOf("Contoso.Web", "1.0", "checkout basket");
        var older = PlanOf("Fabrikam.Shop", "3.9", "checkout basket");
        var newer = PlanOf("FABRIKAM.SHOP", "3.10", "checkout wishlist");

        var similar = Assert.Single(SimilarPlans.Rank(mine, [older, newer]));

        Assert.Same(newer, similar.Plan);
        Assert.Equal(["checkout"], similar.Shared);
    }

    [Fact]
    public void At_most_the_asked_number_of_plans_come_back_best_first()
    {
        var mine = PlanOf("Contoso.Web", "1.0", "checkout basket payments refunds");
        var others = new[]
        {
            PlanOf("A.One", "1.0", "checkout"),
            PlanOf("B.Two", "1.0", "checkout basket payments refunds"),
            PlanOf("C.Three", "1.0", "checkout basket"),
            PlanOf("D.Four", "1.0", "checkout basket payments"),
        };

        Assert.Equal(["B.Two", "D.Four", "C.Three"], SimilarPlans.Rank(mine, others).Select(s => s.Plan.Product));
        Assert.Equal(["B.Two", "D.Four"], SimilarPlans.Rank(mine, others, take: 2).Select(s => s.Plan.Product));
    }

    [Fact]
    public void Plan_that_names_no_features_yet_has_no_similar_plans()
    {
        var mine = Plan.Start("p", "msteams:tenant-1", "Contoso.Web", "1.0", People.Owner, Start);

        Assert.Empty(SimilarPlans.Rank(mine, [PlanOf("Fabrikam.Shop", "3.1", "checkout")]));
    }
}
