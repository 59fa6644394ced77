using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Storage.Cosmos.Items;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>What is particular to storing in Cosmos DB: the item shapes, ids, keys and the order of writes.</summary>
[Collection(CosmosCollection.Name)]
public sealed class CosmosConversationStoreTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_plan_is_stored_in_its_tenants_partition_with_the_shared_document_shape_as_its_body()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId, "Contoso.Web", "2.4-RC1").Attached(conversation).Answered("features", "Instant refunds");

        await host.Store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);

        using var raw = await host.Plans.ReadItemStreamAsync(plan.Plan.Id, new PartitionKey(conversation.TenantId));
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        using var item = await JsonDocument.ParseAsync(raw.Content);
        var root = item.RootElement;
        Assert.Equal(plan.Plan.Id, root.GetProperty("id").GetString());
        Assert.Equal(conversation.TenantId, root.GetProperty("tenantId").GetString());
        Assert.Equal("contoso.web|2.4-rc1", root.GetProperty("releaseKey").GetString());
        Assert.Equal("contoso.web", root.GetProperty("productKey").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("_etag").GetString()));
        AssertSameJson(JsonSerializer.SerializeToElement(plan, StateJsonContext.Default.PlanDocument), root.GetProperty("body"));
    }

    [Fact]
    public async Task A_conversation_pointer_is_stored_under_a_hashed_id_with_its_key_and_ttl_beside_the_body()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase(), o => o.ConversationTtlSeconds = 86_400);
        var tenant = NewTenant();
        // Slack and Teams keys carry characters a Cosmos id must not: '/', '?', '#', '\'.
        var conversation = NewConversation(tenant) with { ConversationId = "19:a/b?c#d\\e@thread.skype;messageid=1" };
        var pointer = NewPointer(conversation);
        pointer.Session.TimeZone = "Europe/Berlin";

        await host.Store.CommitAsync(Create(pointer), None);

        var id = ItemKeys.ConversationId(conversation.Key);
        Assert.Matches("^c-[0-9a-f]{64}$", id);
        using var raw = await host.Conversations.ReadItemStreamAsync(id, new PartitionKey(id));
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        using var item = await JsonDocument.ParseAsync(raw.Content);
        var root = item.RootElement;
        Assert.Equal(conversation.Key, root.GetProperty("key").GetString());
        Assert.Equal(tenant, root.GetProperty("tenantId").GetString());
        Assert.Equal(86_400, root.GetProperty("ttl").GetInt32());
        AssertSameJson(JsonSerializer.SerializeToElement(pointer, StateJsonContext.Default.ConversationDocument), root.GetProperty("body"));

        var loaded = await host.Store.LoadAsync(conversation, None);
        Assert.Equal("Europe/Berlin", loaded.Conversation?.Document.Session.TimeZone);
        Assert.Equal(conversation, loaded.Conversation?.Document.Reference);
    }

    [Fact]
    public async Task A_second_plan_for_one_release_is_refused_by_the_unique_key_even_from_another_host()
    {
        var database = CosmosFixture.NewDatabase();
        var a = await cosmos.OpenAsync(database);
        var b = await cosmos.OpenAsync(database);
        var tenant = NewTenant();
        var first = NewPlan(tenant, "Contoso.Web", "2.4");
        var second = NewPlan(tenant, " CONTOSO.web ", "2.4");

        var outcomes = await Task.WhenAll(
            Outcome(a.Store.CommitAsync(Create(null, first), None)),
            Outcome(b.Store.CommitAsync(Create(null, second), None)));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ConcurrencyException);
        var plans = await a.Store.ListPlansAsync(tenant, "contoso.web", None);
        var only = Assert.Single(plans);
        Assert.Equal(only.Id, (await b.Store.FindPlanAsync(tenant, "Contoso.WEB", "2.4", None))?.Document.Plan.Id);
    }

    [Fact]
    public async Task A_switch_with_a_stale_pointer_writes_no_plan_at_all()
    {
        var database = CosmosFixture.NewDatabase();
        var a = await cosmos.OpenAsync(database);
        var b = await cosmos.OpenAsync(database);
        var conversation = NewConversation(NewTenant());
        var first = NewPlan(conversation.TenantId).Attached(conversation);
        await a.Store.CommitAsync(Create(NewPointer(conversation, first.Plan.Id), first), None);
        var stale = await a.Store.LoadAsync(conversation, None);
        var fresh = await b.Store.LoadAsync(conversation, None);
        fresh.Conversation!.Document.Session.TimeZone = "Asia/Tokyo";
        await b.Store.CommitAsync(new TurnCommit(fresh.Conversation, []), None);

        // Host A switches to a new plan on the pointer it read before B wrote it.
        var next = NewPlan(conversation.TenantId).Attached(conversation);
        stale.ActivePlan!.Document.Sessions[conversation.Key].Attached = false;
        stale.Conversation!.Document.ActivePlanId = next.Plan.Id;
        await Assert.ThrowsAsync<ConcurrencyException>(() => a.Store.CommitAsync(
            new TurnCommit(stale.Conversation, [stale.ActivePlan, new Versioned<PlanDocument>(next, null)]), None));

        Assert.Null(await a.Store.GetPlanAsync(conversation.TenantId, next.Plan.Id, None));
        var after = await a.Store.LoadAsync(conversation, None);
        Assert.Equal(first.Plan.Id, after.Conversation!.Document.ActivePlanId);
        Assert.True(after.ActivePlan!.Document.Sessions[conversation.Key].Attached);
        Assert.Equal("Asia/Tokyo", after.Conversation.Document.Session.TimeZone);
    }

    [Fact]
    public async Task A_plan_id_that_cannot_be_a_Cosmos_id_is_simply_not_found()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());
        var before = host.Store.RequestCount;

        Assert.Null(await host.Store.GetPlanAsync(NewTenant(), "../plans/other", None));
        Assert.Null(await host.Store.GetPlanAsync(NewTenant(), "a?b#c", None));

        Assert.Equal(before, host.Store.RequestCount);
    }

    [Fact]
    public async Task A_plan_over_two_megabytes_is_refused_before_it_is_sent()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());
        var plan = NewPlan(NewTenant()).Answered("features", new string('x', 2 * 1024 * 1024));
        var before = host.Store.RequestCount;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Store.CommitAsync(Create(null, plan), None));

        Assert.Contains("2 MB", refused.Message, StringComparison.Ordinal);
        Assert.Contains(plan.Plan.Id, refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, host.Store.RequestCount);
    }

    [Fact]
    public async Task Plans_are_listed_newest_first_and_only_within_the_tenant()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());
        var tenant = NewTenant();
        var older = NewPlan(tenant, "Contoso.Web", "2.3");
        older.Plan = older.Plan with { CreatedAt = Now.AddDays(-30) };
        var newer = NewPlan(tenant, "Contoso.Web", "2.4");
        var other = NewPlan(tenant, "Contoso.Api", "1.0");
        other.Plan = other.Plan with { CreatedAt = Now.AddDays(-1) };
        await host.Store.CommitAsync(Create(null, older, newer, other), None);
        await host.Store.CommitAsync(Create(null, NewPlan(NewTenant(), "Contoso.Web", "2.5")), None);

        Assert.Equal(new[] { newer.Plan.Id, other.Plan.Id, older.Plan.Id }, (await host.Store.ListPlansAsync(tenant, null, None)).Select(p => p.Id));
        Assert.Equal(new[] { newer.Plan.Id, older.Plan.Id }, (await host.Store.ListPlansAsync(tenant, "CONTOSO.WEB", None)).Select(p => p.Id));
        Assert.Equal(Owner, (await host.Store.ListPlansAsync(tenant, "contoso.api", None)).Single().Owner);
    }

    /// <summary>The same JSON, whatever escaping the server chose when it stored it.</summary>
    private static void AssertSameJson(JsonElement expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"Stored:   {actual.GetRawText()}\nExpected: {expected.GetRawText()}");

    private static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
