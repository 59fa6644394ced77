using System.Diagnostics;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.Turns;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using PlanBot.Testing;
using static PlanBot.Storage.Cosmos.Tests.Infrastructure.Samples;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>
/// The store cut off from Cosmos DB by a relay in between: every call fails fast with
/// <see cref="StoreUnavailableException"/>, the readiness probe says false, and once the path is
/// back everything works on the data as it was.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class OutageTests(CosmosFixture cosmos)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The request timeout plus room for a busy two-core machine.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task While_requests_hang_every_call_fails_fast_and_after_the_path_heals_nothing_is_lost()
    {
        await using var proxy = new TcpProxy(cosmos.Endpoint);
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase(), o => o.RequestTimeout = RequestTimeout, endpoint: proxy.Endpoint);
        var (conversation, planId) = await StartAsync(host);
        var before = await host.Store.LoadAsync(conversation, None);

        proxy.Hold();

        await AssertUnavailableQuicklyAsync(() => host.Store.LoadAsync(conversation, None));
        var change = before.ActivePlan!;
        change.Document.Answered("why", "during the outage");
        await AssertUnavailableQuicklyAsync(() => host.Store.CommitAsync(new TurnCommit(null, [change]), None));
        await AssertUnavailableQuicklyAsync(() => host.Store.GetPlanAsync(conversation.TenantId, planId, None));
        await AssertUnavailableQuicklyAsync(() => host.Store.ListPlansAsync(conversation.TenantId, null, None));
        await AssertNotReachableQuicklyAsync(host);

        proxy.Restore();

        await AssertRecoversAsync(host, conversation, planId);
    }

    [Fact]
    public async Task While_connections_are_refused_every_call_fails_fast_and_after_the_path_heals_nothing_is_lost()
    {
        await using var proxy = new TcpProxy(cosmos.Endpoint);
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase(), o => o.RequestTimeout = RequestTimeout, endpoint: proxy.Endpoint);
        var (conversation, planId) = await StartAsync(host);
        var before = await host.Store.LoadAsync(conversation, None);

        proxy.Refuse();

        await AssertUnavailableQuicklyAsync(() => host.Store.LoadAsync(conversation, None));
        var change = before.ActivePlan!;
        change.Document.Answered("why", "during the outage");
        await AssertUnavailableQuicklyAsync(() => host.Store.CommitAsync(new TurnCommit(null, [change]), None));
        await AssertUnavailableQuicklyAsync(() => host.Store.FindPlanAsync(conversation.TenantId, "nothing", "1.0", None));
        await AssertNotReachableQuicklyAsync(host);

        proxy.Restore();

        await AssertRecoversAsync(host, conversation, planId);
    }

    [Fact]
    public async Task A_store_whose_server_is_not_there_at_all_reports_itself_unavailable()
    {
        await using var proxy = new TcpProxy(cosmos.Endpoint);
        proxy.Refuse();
        var host = await cosmos.OpenAsync(CosmosFixture.NewDatabase(), o => o.RequestTimeout = RequestTimeout, endpoint: proxy.Endpoint, initialize: false);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => host.Store.InitializeAsync(None));
        await AssertUnavailableQuicklyAsync(() => host.Store.LoadAsync(NewConversation(NewTenant()), None));
        await AssertNotReachableQuicklyAsync(host);
    }

    [Fact]
    public async Task A_host_that_cannot_sign_in_reports_the_store_unavailable_and_not_ready()
    {
        var options = CosmosFixture.Options(cosmos.Endpoint, CosmosFixture.NewDatabase(), o =>
        {
            o.Key = null;
            o.ManagedIdentityClientId = "6f1c0de2-0000-4000-8000-000000000009";
            o.RequestTimeout = RequestTimeout;
        });
        using var client = CosmosClientFactory.Create(options, credential: new NoIdentityHere());
        var store = new CosmosConversationStore(client, options);

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync(None));
        Assert.Contains("could not sign in", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Storage:Cosmos:ManagedIdentityClientId", refused.Message, StringComparison.Ordinal);
        await AssertUnavailableQuicklyAsync(() => store.LoadAsync(NewConversation(NewTenant()), None));
        Assert.False(await store.IsReachableAsync(None));
    }

    internal static async Task<(ConversationRef Conversation, string PlanId)> StartAsync(TestStore host)
    {
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId).Attached(conversation).Answered("features", "before the outage");
        await host.Store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);
        return (conversation, plan.Plan.Id);
    }

    internal static async Task AssertUnavailableQuicklyAsync(Func<Task> call)
    {
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StoreUnavailableException>(call);
        Assert.True(clock.Elapsed < Quickly, $"Took {clock.Elapsed} to report the outage.");
    }

    internal static async Task AssertNotReachableQuicklyAsync(TestStore host)
    {
        var clock = Stopwatch.StartNew();
        Assert.False(await host.Store.IsReachableAsync(None));
        Assert.True(clock.Elapsed < Quickly, $"Took {clock.Elapsed} to say the store is not reachable.");
    }

    /// <summary>
    /// Reachable again, and the data is what was committed before the outage. A write sent during
    /// the outage may still land once the path heals (its bytes were on their way): the plan is then
    /// wholly that write, never a mix, and the next write on fresh data succeeds either way.
    /// </summary>
    internal static async Task AssertRecoversAsync(TestStore host, ConversationRef conversation, string planId)
    {
        await Eventually.TrueAsync(() => host.Store.IsReachableAsync(None), "the store to be reachable again", TimeSpan.FromSeconds(20));

        var after = await LoadWithRetryAsync(host, conversation);
        Assert.Equal(planId, after.Conversation?.Document.ActivePlanId);
        var plan = after.ActivePlan!.Document;
        Assert.Equal("before the outage", plan.Plan.AnswerTo("features")?.Value.Text);
        Assert.True(plan.Sessions[conversation.Key].Attached);
        var why = plan.Plan.AnswerTo("why")?.Value.Text;
        Assert.True(why is null || why == "during the outage", $"Unexpected answer: {why}");
        Assert.Equal(why is null ? 1 : 2, plan.Plan.Revision);

        plan.Answered("risks", "after the outage");
        await host.Store.CommitAsync(new TurnCommit(null, [after.ActivePlan]), None);
        var saved = await host.Store.GetPlanAsync(conversation.TenantId, planId, None);
        Assert.Equal("after the outage", saved!.Document.Plan.AnswerTo("risks")?.Value.Text);
        Assert.Equal("before the outage", saved.Document.Plan.AnswerTo("features")?.Value.Text);
    }

    /// <summary>The first requests after a partition may still fail while pooled connections are replaced.</summary>
    private static async Task<ConversationSnapshot> LoadWithRetryAsync(TestStore host, ConversationRef conversation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await host.Store.LoadAsync(conversation, None);
            }
            catch (StoreUnavailableException) when (attempt < 5)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>What a managed identity credential does on a machine that has none.</summary>
    private sealed class NoIdentityHere : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");
    }
}
