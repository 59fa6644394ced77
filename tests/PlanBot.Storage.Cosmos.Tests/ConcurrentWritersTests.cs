using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Plans;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>Many writers on one plan, each re-running its change on fresh data after a lost race, as the turn processor does.</summary>
[Collection(CosmosCollection.Name)]
public sealed class ConcurrentWritersTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Twenty_concurrent_writers_on_one_plan_over_two_hosts_lose_nothing()
    {
        const int Writers = 20;
        var database = CosmosFixture.NewDatabase();
        var hosts = new[] { await cosmos.OpenAsync(database), await cosmos.OpenAsync(database) };
        var tenant = NewTenant();
        var plan = NewPlan(tenant);
        await hosts[0].Store.CommitAsync(Create(null, plan), None);

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            await go.Task;
            var store = hosts[i % hosts.Length].Store;
            for (var attempt = 1; ; attempt++)
            {
                var read = await store.GetPlanAsync(tenant, plan.Plan.Id, None);
                var document = read!.Document;
                var by = new PlanBot.Domain.Answers.PersonRef($"29:writer-{i}", $"Writer {i}");
                document.Plan = document.Plan with { History = [.. document.Plan.History, new PlanEvent(Now, by, $"writer {i}", document.Plan.Revision)] };
                document.Sessions[$"msteams|conversation-{i}"] = new ConversationSession { Cursor = $"writer-{i}" };
                try
                {
                    await store.CommitAsync(new TurnCommit(null, [read]), None);
                    return attempt;
                }
                catch (ConcurrencyException) when (attempt < 200)
                {
                    await Task.Delay(Random.Shared.Next(1, 5));
                }
            }
        })).ToList();
        go.SetResult();
        var attempts = await Task.WhenAll(writers);

        var saved = (await hosts[1].Store.GetPlanAsync(tenant, plan.Plan.Id, None))!.Document;
        Assert.Equal(Writers, saved.Sessions.Count);
        Assert.Equal(
            Enumerable.Range(0, Writers).Select(i => $"writer {i}").Order(),
            saved.Plan.History.Skip(1).Select(e => e.What).Order());
        Assert.True(attempts.Sum() > Writers, "The writers never raced, so the test proved nothing.");
    }
}
