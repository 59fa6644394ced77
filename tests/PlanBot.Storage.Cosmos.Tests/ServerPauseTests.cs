using PlanBot.Conversations.Ports;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>The Cosmos server itself frozen (SIGSTOP) and thawed (SIGCONT): a server of this test's own, so no other test waits on it.</summary>
public sealed class ServerPauseTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private CosmosServer server = null!;
    private readonly CosmosFixture clients = new();

    public async Task InitializeAsync() => server = await CosmosServer.StartAsync();

    public async Task DisposeAsync()
    {
        await clients.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_frozen_server_makes_every_call_fail_fast_and_once_thawed_nothing_is_lost()
    {
        var host = await clients.OpenAsync(CosmosFixture.NewDatabase(), o => o.RequestTimeout = TimeSpan.FromSeconds(1), endpoint: server.Endpoint);
        var (conversation, planId) = await OutageTests.StartAsync(host);
        var before = await host.Store.LoadAsync(conversation, None);

        await server.PauseAsync();
        try
        {
            await OutageTests.AssertUnavailableQuicklyAsync(() => host.Store.LoadAsync(conversation, None));
            before.ActivePlan!.Document.Answered("why", "during the outage");
            await OutageTests.AssertUnavailableQuicklyAsync(() => host.Store.CommitAsync(new TurnCommit(null, [before.ActivePlan]), None));
            await OutageTests.AssertNotReachableQuicklyAsync(host);
        }
        finally
        {
            await server.ResumeAsync();
        }

        await OutageTests.AssertRecoversAsync(host, conversation, planId);
    }
}
