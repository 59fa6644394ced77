using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>Two hosts over one database, each with its own client and pointer cache, as two App Service instances.</summary>
[Collection(CosmosCollection.Name)]
public sealed class TwoHostsTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_plan_switch_on_one_host_is_noticed_by_the_other_on_its_next_load()
    {
        var (a, b, conversation, first) = await TwoHostsOnOnePlanAsync();

        var second = await SwitchAsync(b, conversation);

        var (store, wire) = (a.Store.RequestCount, a.Wire.Count);
        var seen = await a.Store.LoadAsync(conversation, None);
        Assert.Equal(second.Plan.Id, seen.Conversation!.Document.ActivePlanId);
        Assert.Equal(second.Plan.Id, seen.ActivePlan!.Document.Plan.Id);
        // The cached pointer led to the old plan, which said "detached": read the pointer, then the new plan.
        Assert.Equal(3, a.Store.RequestCount - store);
        Assert.Equal(3, a.Wire.Count - wire);
        Assert.False((await a.Store.GetPlanAsync(conversation.TenantId, first.Plan.Id, None))!.Document.Sessions[conversation.Key].Attached);

        // Host A's cache now holds the new pointer: back to one read.
        (store, wire) = (a.Store.RequestCount, a.Wire.Count);
        await a.Store.LoadAsync(conversation, None);
        Assert.Equal(1, a.Store.RequestCount - store);
        Assert.Equal(1, a.Wire.Count - wire);
    }

    [Fact]
    public async Task A_switch_on_the_stale_host_is_refused_and_then_succeeds_on_fresh_data()
    {
        var (a, b, conversation, _) = await TwoHostsOnOnePlanAsync();
        var stale = await a.Store.LoadAsync(conversation, None);
        await SwitchAsync(b, conversation);

        // Host A switches too, on what it read before B's switch.
        var third = NewPlan(conversation.TenantId).Attached(conversation);
        stale.ActivePlan!.Document.Sessions[conversation.Key].Attached = false;
        stale.Conversation!.Document.ActivePlanId = third.Plan.Id;
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            a.Store.CommitAsync(new TurnCommit(stale.Conversation, [stale.ActivePlan, new Versioned<PlanDocument>(third, null)]), None));

        var fresh = await a.Store.LoadAsync(conversation, None);
        fresh.ActivePlan!.Document.Sessions[conversation.Key].Attached = false;
        fresh.Conversation!.Document.ActivePlanId = third.Plan.Id;
        await a.Store.CommitAsync(new TurnCommit(fresh.Conversation, [fresh.ActivePlan, new Versioned<PlanDocument>(third, null)]), None);

        var onB = await b.Store.LoadAsync(conversation, None);
        Assert.Equal(third.Plan.Id, onB.ActivePlan!.Document.Plan.Id);
    }

    [Fact]
    public async Task A_detach_on_one_host_is_noticed_by_the_other()
    {
        var (a, b, conversation, first) = await TwoHostsOnOnePlanAsync();
        var onB = await b.Store.LoadAsync(conversation, None);
        onB.ActivePlan!.Document.Sessions[conversation.Key].Attached = false;
        onB.Conversation!.Document.ActivePlanId = null;
        await b.Store.CommitAsync(new TurnCommit(onB.Conversation, [onB.ActivePlan]), None);

        var onA = await a.Store.LoadAsync(conversation, None);

        Assert.Null(onA.Conversation!.Document.ActivePlanId);
        Assert.Null(onA.ActivePlan);
        Assert.NotNull(await a.Store.GetPlanAsync(conversation.TenantId, first.Plan.Id, None));
    }

    [Fact]
    public async Task A_plan_deleted_behind_a_hosts_back_sends_it_back_to_the_pointer()
    {
        var (a, _, conversation, first) = await TwoHostsOnOnePlanAsync();
        using (await a.Plans.DeleteItemStreamAsync(first.Plan.Id, new Microsoft.Azure.Cosmos.PartitionKey(conversation.TenantId)))
        {
        }

        var onA = await a.Store.LoadAsync(conversation, None);

        Assert.Equal(first.Plan.Id, onA.Conversation!.Document.ActivePlanId);
        Assert.Null(onA.ActivePlan);
    }

    private async Task<(TestStore A, TestStore B, ConversationRef Conversation, PlanDocument First)> TwoHostsOnOnePlanAsync()
    {
        var database = CosmosFixture.NewDatabase();
        var a = await cosmos.OpenAsync(database);
        var b = await cosmos.OpenAsync(database);
        var conversation = NewConversation(NewTenant());
        var first = NewPlan(conversation.TenantId).Attached(conversation);
        await a.Store.CommitAsync(Create(NewPointer(conversation, first.Plan.Id), first), None);
        Assert.Equal(first.Plan.Id, (await a.Store.LoadAsync(conversation, None)).ActivePlan?.Document.Plan.Id);
        Assert.Equal(first.Plan.Id, (await b.Store.LoadAsync(conversation, None)).ActivePlan?.Document.Plan.Id);
        return (a, b, conversation, first);
    }

    /// <summary>What a <c>plan &lt;product&gt; &lt;version&gt;</c> turn does: detach from the old plan, attach to a new one, move the pointer.</summary>
    private static async Task<PlanDocument> SwitchAsync(TestStore host, ConversationRef conversation)
    {
        var read = await host.Store.LoadAsync(conversation, None);
        var next = NewPlan(conversation.TenantId).Attached(conversation);
        read.ActivePlan!.Document.Sessions[conversation.Key].Attached = false;
        read.Conversation!.Document.ActivePlanId = next.Plan.Id;
        await host.Store.CommitAsync(new TurnCommit(read.Conversation, [read.ActivePlan, new Versioned<PlanDocument>(next, null)]), None);
        return next;
    }
}
