using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Fakes;
using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Release admins set up what makes a plan's approval gate the real deployment: gate keys for Azure
/// Pipelines checks (shown once, in a personal chat, kept as a hash) and GitHub environments linked
/// to a product, one tenant per repository.
/// </summary>
public sealed class GateScriptTests
{
    private readonly BotWorld world = new();

    private async Task<TenantDocument> TenantAsync(string tenant = BotWorld.Tenant) =>
        (await world.Tenants.GetTenantAsync(tenant, CancellationToken.None))!.Document;

    [Fact]
    public async Task A_new_gate_key_goes_to_its_maker_in_a_personal_chat_and_the_conversation_sees_only_its_id()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");

        await channel.Send("gate key");

        var stored = Assert.Single((await TenantAsync()).GateKeys!);
        var direct = Assert.Single(channel.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Equal(TestPeople.Dana, direct.Reply.Recipient);
        Assert.Contains($"Your PlanBot gate key {stored.Id}", direct.Text, StringComparison.Ordinal);
        Assert.Contains("`pbg_", direct.Text, StringComparison.Ordinal);
        Assert.All(channel.Replies.Where(r => r.Reply.Mode != DeliveryMode.Direct), r => Assert.DoesNotContain("pbg_", r.Text, StringComparison.Ordinal));
        channel.ExpectReplyContaining($"Made the gate key {stored.Id}. I'm sending it to you in a personal chat");
        Assert.DoesNotContain("pbg_", stored.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_keys_live_at_once_for_rotation_a_third_waits_for_a_revocation()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        await channel.Send("gate key");
        await channel.Send("gate key");

        await channel.Send("gate key");

        channel.ExpectReplyContaining("This tenant has 2 gate keys already");
        Assert.DoesNotContain(channel.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        var first = (await TenantAsync()).GateKeys![0].Id;
        await channel.Send("gate keys");
        channel.ExpectReplyContaining($"- {first}, made by Dana Owner");

        await channel.Send($"gate key revoke {first}");

        channel.ExpectReplyContaining($"Revoked the gate key {first}: checks using it are refused from now on.");
        Assert.DoesNotContain((await TenantAsync()).GateKeys!, k => k.Id == first);
        await channel.Send("gate key");
        Assert.Single(channel.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
    }

    [Fact]
    public async Task Only_a_release_admin_makes_or_revokes_gate_keys()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var megan = world.Chat(TestPeople.Megan);

        await megan.Send("gate key");

        megan.ExpectReplyContaining("Only a release admin may set up gates: Dana Owner.");
        Assert.Null((await TenantAsync()).GateKeys);
        Assert.DoesNotContain(megan.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
    }

    [Fact]
    public async Task A_github_environment_linked_in_the_release_channel_waits_for_that_products_plans()
    {
        var channel = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");

        await channel.Send("link github contoso/contoso-web production");

        channel.ExpectReplyContaining("Deployments of contoso/contoso-web to the environment production now wait for the approved plan of Contoso.Web; the version is read from the deployment's ref (a tag such as v2.4).");
        var link = Assert.Single((await TenantAsync()).GitHubLinks!);
        Assert.Equal(("contoso/contoso-web", "production", "Contoso.Web", "ref"), (link.Repository, link.Environment, link.Product, link.VersionFrom));
        Assert.Equal(BotWorld.Tenant, (await TenantAsync(GitHubDirectory.TenantId)).GitHub!.Repositories["Contoso/Contoso-Web"]);

        await channel.Send("link github");
        channel.ExpectReplyContaining("- contoso/contoso-web → production: Contoso.Web, version from the deployment's ref");
    }

    [Fact]
    public async Task A_repository_another_tenant_linked_is_refused_until_it_is_unlinked_there()
    {
        var contoso = await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        await contoso.Send("link github contoso/contoso-web production");
        var fabrikam = world.InChannel(TestPeople.Megan, "19:fabrikam-release@thread.tacv2", tenant: "msteams:tenant-fabrikam");
        await fabrikam.Send("channel set Fabrikam.Api");

        await fabrikam.Send("link github contoso/contoso-web production");

        fabrikam.ExpectReplyContaining("contoso/contoso-web is linked to PlanBot elsewhere");
        Assert.Null((await TenantAsync("msteams:tenant-fabrikam")).GitHubLinks);

        await contoso.Send("unlink github contoso/contoso-web production");
        contoso.ExpectReplyContaining("Deployments of contoso/contoso-web to production no longer wait for plans here.");
        await fabrikam.Send("link github contoso/contoso-web production");
        fabrikam.ExpectReplyContaining("now wait for the approved plan of Fabrikam.Api");
    }

    [Fact]
    public async Task A_link_outside_a_release_channel_names_its_product_and_where_the_version_comes_from()
    {
        await world.SetReleaseChannel(TestPeople.Dana, "Contoso.Web");
        var dana = world.Chat(TestPeople.Dana);

        await dana.Send("link github contoso/contoso-web production");
        dana.ExpectReplyContaining("Name the product: this conversation is not the release channel of exactly one product.");

        await dana.Send("link github contoso/contoso-web production Contoso.Web version payload.release");
        dana.ExpectReplyContaining("the version is read from the deployment payload's release");
        Assert.Equal("payload.release", Assert.Single((await TenantAsync()).GitHubLinks!).VersionFrom);

        await dana.Send("link github contoso production");
        dana.ExpectReplyContaining("Name the repository as owner/repo and then its environment.");
    }
}
