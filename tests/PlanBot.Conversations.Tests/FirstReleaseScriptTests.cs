using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// A product's first release (OpenUP "determine whether a plan exists"): no baseline is offered,
/// and once the features and components are known, plans of other products with a similar feature
/// set are suggested with what they share, and one can be taken as the starting point.
/// </summary>
public sealed class FirstReleaseScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task First_plan_of_a_product_starts_without_a_baseline_offer()
    {
        await ShopPlanAsync();
        var dana = world.Chat();
        // A later release of the same product is no baseline for an earlier one.
        await dana.Send("plan Contoso.Web 3.0");
        await dana.Send("plan Contoso.Web 2.4");

        dana.ExpectReplyContaining("Started the deployment plan for Contoso.Web 2.4.");
        dana.ExpectQuestion("features");
        dana.ExpectNoReplyContaining("There is already a plan");
        Assert.Null(world.PlanOf("Contoso.Web", "2.4").BaselinePlanId);
    }

    [Fact]
    public async Task Similar_products_plans_are_suggested_after_the_components_with_what_they_share()
    {
        await ShopPlanAsync();
        await PlanWithScopeAsync("Contoso.Kiosk", "1.0", "Self-service checkout", "Quick checkout", "kiosk-app");
        await PlanWithScopeAsync("Fabrikam.Payroll", "1.0", "Payslips, tax forms", "Payslips on mobile", "payroll-engine");
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout and saved carts");
        await dana.Send("Faster checkout");
        dana.ExpectNoReplyContaining("first plan");

        await dana.Send("checkout-api, web-frontend");

        dana.ExpectQuestion("why");
        dana.ExpectReplyContaining("This is Contoso.Web's first plan. Plans of products with a similar feature set: ");
        dana.ExpectReplyContaining("Contoso.Shop 1.0 (shares carts, checkout, checkout-api, saved; ");
        dana.ExpectReplyContaining("Contoso.Kiosk 1.0 (shares checkout; ");
        dana.ExpectReplyContaining("`baseline <product> <version>` copies one's answers as a starting point, each to confirm.");
        // The closer match comes first; a product sharing nothing is not suggested.
        Assert.True(
            dana.LastReply.IndexOf("Contoso.Shop 1.0", StringComparison.Ordinal) < dana.LastReply.IndexOf("Contoso.Kiosk 1.0", StringComparison.Ordinal),
            dana.LastReply);
        dana.ExpectNoReplyContaining("Fabrikam.Payroll");
    }

    [Fact]
    public async Task Suggested_plan_taken_as_baseline_comes_over_unconfirmed()
    {
        await ShopPlanAsync();
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout and saved carts");
        await dana.Send("Faster checkout");
        await dana.Send("checkout-api, web-frontend");

        await dana.Send("baseline Contoso.Shop 1.0");

        var shop = world.PlanOf("Contoso.Shop", "1.0");
        var web = world.PlanOf("Contoso.Web", "2.4");
        dana.ExpectReplyContaining("Started Contoso.Web 2.4 from the plan for Contoso.Shop 1.0");
        Assert.Equal(shop.Id, web.BaselinePlanId);
        // What Dana already typed stays hers; the rest comes from the shop's plan, to confirm.
        Assert.Equal("checkout-api, web-frontend", web.AnswerTo("components")!.Value.Text);
        Assert.False(web.AnswerTo("components")!.IsUnconfirmed);
        PlanningSteps.AssertSameValue(shop.AnswerTo("why")!.Value, web.AnswerTo("why")!.Value);
        Assert.True(web.AnswerTo("why")!.IsUnconfirmed);
        Assert.Equal(shop.Id, web.AnswerTo("why")!.Provenance.CarriedFromPlanId);
        Assert.Null(web.AnswerTo("available-by"));
        dana.ExpectQuestion("why");
        Assert.Equal(("why", true), dana.Asked);
    }

    [Fact]
    public async Task No_suggestion_when_no_other_product_shares_features_or_components()
    {
        await PlanWithScopeAsync("Fabrikam.Payroll", "1.0", "Payslips, tax forms", "Payslips on mobile", "payroll-engine");
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout and saved carts");
        await dana.Send("Faster checkout");

        await dana.Send("checkout-api, web-frontend");

        dana.ExpectQuestion("why");
        dana.ExpectReplyContaining("note: Saved.");
        dana.ExpectNoReplyContaining("similar feature set");
        dana.ExpectNoReplyContaining("Fabrikam.Payroll");
    }

    [Fact]
    public async Task No_suggestion_for_a_product_that_had_a_plan_before()
    {
        await ShopPlanAsync();
        await PlanWithScopeAsync("Contoso.Web", "2.3", "Wish lists", "Wish lists", "web-frontend");
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("fresh");
        await dana.Send("Checkout and saved carts");
        await dana.Send("Faster checkout");

        await dana.Send("checkout-api, web-frontend");

        dana.ExpectQuestion("why");
        dana.ExpectNoReplyContaining("similar feature set");
    }

    [Fact]
    public async Task Cancelled_plan_of_another_product_is_not_suggested()
    {
        var alex = await ShopPlanAsync();
        await alex.Send("cancel");
        Assert.Equal(PlanState.Cancelled, world.PlanOf("Contoso.Shop", "1.0").State);
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout and saved carts");
        await dana.Send("Faster checkout");

        await dana.Send("checkout-api, web-frontend");

        dana.ExpectNoReplyContaining("Contoso.Shop");
    }

    /// <summary>Another team's plan for a shop with checkout and carts, answered in full by Alex.</summary>
    private async Task<ChatScript> ShopPlanAsync()
    {
        return await world.CompletePlan("Contoso.Shop", "1.0", new Dictionary<string, string>
        {
            ["features"] = "Checkout, saved carts",
            ["valuable-features"] = "Saved carts",
            ["components"] = "checkout-api, cart-store",
            ["why"] = "New functionality the shop's customers asked for",
        }, TestPeople.Alex);
    }

    /// <summary>A plan of another product with only section 1's scope answered.</summary>
    private async Task PlanWithScopeAsync(string product, string version, string features, string valuable, string components)
    {
        var chat = world.Chat(TestPeople.Alex);
        await chat.Send($"plan {product} {version}");
        await chat.Send(features);
        await chat.Send(valuable);
        await chat.Send(components);
        chat.ExpectQuestion("why");
    }
}
