using System.Net;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using PlanBot.Storage.Cosmos.Items;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using PlanBot.Testing;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>Conversation pointers expire <c>ConversationTtlSeconds</c> after their last write; plans never do.</summary>
[Collection(CosmosCollection.Name)]
public sealed class TimeToLiveTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_pointer_is_gone_once_its_time_to_live_has_passed_and_its_plan_stays()
    {
        var database = CosmosFixture.NewDatabase();
        var host = await cosmos.OpenAsync(database, o => o.ConversationTtlSeconds = 2);
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId).Attached(conversation);
        await host.Store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);
        Assert.NotNull((await host.Store.LoadAsync(conversation, None)).Conversation);
        Assert.Equal(2, await StoredTtlAsync(host, conversation.Key));

        await ExpiredAsync(host, conversation.Key, "the pointer to expire two seconds after it was written");

        // The host that wrote it does not hand out its cached copy past its lifetime.
        var snapshot = await host.Store.LoadAsync(conversation, None);
        Assert.Null(snapshot.Conversation);
        Assert.Null(snapshot.ActivePlan);
        var other = await cosmos.OpenAsync(database, o => o.ConversationTtlSeconds = 2);
        Assert.Null((await other.Store.LoadAsync(conversation, None)).Conversation);
        Assert.NotNull(await host.Store.GetPlanAsync(conversation.TenantId, plan.Plan.Id, None));
    }

    [Fact]
    public async Task A_pointer_in_use_is_written_again_past_half_its_life_so_it_does_not_expire()
    {
        var database = CosmosFixture.NewDatabase();
        var host = await cosmos.OpenAsync(database, o => o.ConversationTtlSeconds = 6);
        // Pointers of other conversations, written just after this one and living half as long and as
        // long: once each has expired, half and then all of this write's life have passed on the server.
        var halfLife = await cosmos.OpenAsync(database, o => o.ConversationTtlSeconds = 3);
        var fullLife = await cosmos.OpenAsync(database, o => o.ConversationTtlSeconds = 6);
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId).Attached(conversation);
        await host.Store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);
        var written = await host.Store.LoadAsync(conversation, None);
        var halfLifeWitness = await WritePointerAsync(halfLife);
        var fullLifeWitness = await WritePointerAsync(fullLife);

        await ExpiredAsync(host, halfLifeWitness, "half of the pointer's six seconds to pass");
        var before = host.Store.RequestCount;
        var refreshed = await host.Store.LoadAsync(conversation, None);
        // Past half its life: read the pointer, write it again as it is, then read the plan.
        Assert.Equal(3, host.Store.RequestCount - before);
        Assert.NotEqual(written.Conversation!.ETag, refreshed.Conversation!.ETag);

        // Past the first write's lifetime, well within the second's.
        await ExpiredAsync(host, fullLifeWitness, "the first write's six seconds to pass");
        Assert.Equal(6, await StoredTtlAsync(host, conversation.Key));
        var later = await host.Store.LoadAsync(conversation, None);
        Assert.Equal(plan.Plan.Id, later.Conversation?.Document.ActivePlanId);
        Assert.Equal(plan.Plan.Id, later.ActivePlan?.Document.Plan.Id);
    }

    [Fact]
    public async Task The_conversations_container_has_time_to_live_on_and_plans_have_none()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());

        var conversations = (await host.Conversations.ReadContainerAsync()).Resource;
        var plans = (await host.Plans.ReadContainerAsync()).Resource;

        Assert.Equal(-1, conversations.DefaultTimeToLive);
        Assert.Null(plans.DefaultTimeToLive);
    }

    /// <summary>A pointer of a new conversation, written now with the time to live of <paramref name="store"/>; returns its key.</summary>
    private static async Task<string> WritePointerAsync(TestStore store)
    {
        var conversation = NewConversation(NewTenant());
        await store.Store.CommitAsync(Create(NewPointer(conversation)), None);
        return conversation.Key;
    }

    /// <summary>Waits until the server no longer has the pointer of <paramref name="conversationKey"/>.</summary>
    private static Task ExpiredAsync(TestStore host, string conversationKey, string awaited) =>
        Eventually.TrueAsync(async () => await StoredTtlAsync(host, conversationKey) is null, awaited);

    private static async Task<int?> StoredTtlAsync(TestStore host, string conversationKey)
    {
        var id = ItemKeys.ConversationId(conversationKey);
        using var response = await host.Conversations.ReadItemStreamAsync(id, new PartitionKey(id));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        using var item = await JsonDocument.ParseAsync(response.Content);
        return item.RootElement.GetProperty("ttl").GetInt32();
    }
}
