using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>A plan is visible only inside its own tenant.</summary>
public sealed class TenantIsolationTests
{
    private const string Fabrikam = "msteams:tenant-fabrikam";

    private readonly BotWorld world = new();

    [Fact]
    public async Task Same_release_in_two_tenants_is_two_plans()
    {
        var contoso = world.Chat();
        await contoso.Send("plan Contoso.Web 2.4");
        await contoso.Send("Checkout v2");
        var fabrikam = world.Chat(TestPeople.Person("Sam Fabrikam"), Fabrikam);

        await fabrikam.Send("plan Contoso.Web 2.4");

        fabrikam.ExpectReplyContaining("Started the deployment plan for Contoso.Web 2.4.");
        fabrikam.ExpectQuestion("features");
        Assert.Equal(2, world.Store.PlanCount);
        Assert.Empty(world.Store.PlanOf(Fabrikam, "Contoso.Web", "2.4")!.Plan.Answers);
        Assert.Single(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.Answers);
    }

    [Fact]
    public async Task List_shows_only_the_plans_of_the_own_tenant()
    {
        var contoso = world.Chat();
        await contoso.Send("plan Contoso.Web 2.4");
        await contoso.Send("plan Contoso.Api 3.1");
        var fabrikam = world.Chat(TestPeople.Person("Sam Fabrikam"), Fabrikam);
        await fabrikam.Send("plan Fabrikam.Shop 1.0");
        await fabrikam.Send("plan Contoso.Web 2.4");

        await contoso.Send("list");
        contoso.ExpectReplyContaining("- Contoso.Web 2.4: a draft, 0% complete, owner Dana Owner");
        contoso.ExpectReplyContaining("- Contoso.Api 3.1: a draft");
        contoso.ExpectNoReplyContaining("Fabrikam.Shop");
        contoso.ExpectNoReplyContaining("Sam Fabrikam");

        await fabrikam.Send("list");
        fabrikam.ExpectReplyContaining("- Fabrikam.Shop 1.0");
        fabrikam.ExpectReplyContaining("- Contoso.Web 2.4: a draft, 0% complete, owner Sam Fabrikam");
        fabrikam.ExpectNoReplyContaining("Contoso.Api");
    }

    [Fact]
    public async Task List_in_a_tenant_without_plans_says_so()
    {
        var chat = world.Chat();

        await chat.Send("list");

        chat.ExpectReplyContaining("No plans in this tenant yet.");
    }

    [Fact]
    public async Task Conversation_id_seen_under_another_tenant_gets_a_reply_and_reaches_nothing_of_the_first()
    {
        var contoso = world.Chat(conversationId: "shared-channel");
        await contoso.Send("plan Contoso.Web 2.4");
        await contoso.Send("Checkout v2");
        var stored = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!;
        var fabrikam = world.Chat(TestPeople.Person("Sam Fabrikam"), Fabrikam, conversationId: "shared-channel");

        var exception = await Record.ExceptionAsync(() => fabrikam.Send("show"));

        Assert.Null(exception);
        Assert.NotEmpty(fabrikam.Replies);
        fabrikam.ExpectNoReplyContaining("Checkout v2");
        fabrikam.ExpectNoReplyContaining("Dana Owner");
        Assert.Equal(stored.Plan.Revision, world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.Revision);
    }
}
