using PlanBot.Conversations.Ports;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>
/// Round trips per turn, counted twice: by the store and on the wire (every HTTP request the SDK
/// sends in Gateway mode). An answering turn is one read and one write.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class RequestsPerTurnTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_answering_turn_with_a_warm_pointer_cache_is_one_read_and_one_write()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId).Attached(conversation);
        await host.Store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);
        await AnswerAsync(host, conversation, "warm-up");

        for (var turn = 0; turn < 3; turn++)
        {
            var (store, wire) = Counters(host);

            await AnswerAsync(host, conversation, $"answer {turn}");

            Assert.Equal(2, host.Store.RequestCount - store);
            Assert.True(2 == host.Wire.Count - wire, string.Join("\n", host.Wire.Requests));
            Assert.Equal(["GET", "PUT"], host.Wire.Requests.TakeLast(2).Select(r => r.Split(' ')[0]));
        }

        var saved = await host.Store.GetPlanAsync(conversation.TenantId, plan.Plan.Id, None);
        Assert.Equal("answer 2", saved!.Document.Plan.AnswerTo("features")?.Value.Text);
    }

    [Fact]
    public async Task The_first_turn_on_a_new_host_reads_the_pointer_and_then_the_plan()
    {
        var database = CosmosFixture.NewDatabase();
        var first = await cosmos.OpenAsync(database);
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId).Attached(conversation);
        await first.Store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);
        var other = await cosmos.OpenAsync(database);
        var (store, wire) = Counters(other);

        await AnswerAsync(other, conversation, "from a new host");

        Assert.Equal(3, other.Store.RequestCount - store);
        Assert.True(3 == other.Wire.Count - wire, string.Join("\n", other.Wire.Requests));

        (store, wire) = Counters(other);
        await AnswerAsync(other, conversation, "and again");
        Assert.Equal(2, other.Store.RequestCount - store);
        Assert.Equal(2, other.Wire.Count - wire);
    }

    [Fact]
    public async Task A_turn_in_a_conversation_without_a_plan_reads_and_writes_only_the_pointer()
    {
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase());
        var conversation = NewConversation(NewTenant());
        await host.Store.CommitAsync(Create(NewPointer(conversation)), None);
        var (store, wire) = Counters(host);

        var snapshot = await host.Store.LoadAsync(conversation, None);
        snapshot.Conversation!.Document.Session.Consume("activity-1", Now);
        await host.Store.CommitAsync(new TurnCommit(snapshot.Conversation, []), None);

        Assert.Equal(2, host.Store.RequestCount - store);
        Assert.True(2 == host.Wire.Count - wire, string.Join("\n", host.Wire.Requests));
    }

    private static (long Store, long Wire) Counters(TestStore host) => (host.Store.RequestCount, host.Wire.Count);

    private static async Task AnswerAsync(TestStore host, Conversations.Turns.ConversationRef conversation, string text)
    {
        var snapshot = await host.Store.LoadAsync(conversation, None);
        var plan = snapshot.ActivePlan!;
        plan.Document.Answered("features", text);
        plan.Document.Sessions[conversation.Key].Consume(Guid.NewGuid().ToString("N"), Now);
        await host.Store.CommitAsync(new TurnCommit(null, [plan]), None);
    }
}
