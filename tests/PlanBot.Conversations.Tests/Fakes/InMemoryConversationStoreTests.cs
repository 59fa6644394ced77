using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>The fake store keeps the promises of the port, so scripts over it prove something about real stores.</summary>
public sealed class InMemoryConversationStoreTests
{
    private const string Tenant = "msteams:tenant-contoso";

    private static readonly ConversationRef Chat = new("msteams", Tenant, "a:chat-1", ConversationKind.Personal);

    private readonly InMemoryConversationStore store = new();

    private static Versioned<PlanDocument> NewPlan(string id = "plan-1", string product = "Contoso.Web", string version = "2.4", string tenant = Tenant) =>
        new(new PlanDocument { Plan = Plan.Start(id, tenant, product, version, TestPeople.Dana, DateTimeOffset.UtcNow) }, null);

    private static Versioned<ConversationDocument> NewPointer(string? activePlanId) =>
        new(new ConversationDocument { Key = Chat.Key, TenantId = Tenant, Reference = Chat, ActivePlanId = activePlanId }, null);

    private Task Commit(Versioned<ConversationDocument>? conversation, params Versioned<PlanDocument>[] plans) =>
        store.CommitAsync(new TurnCommit(conversation, plans), CancellationToken.None);

    [Fact]
    public async Task Load_returns_the_pointer_with_its_active_plan_in_one_read()
    {
        await Commit(NewPointer("plan-1"), NewPlan());
        store.ResetCounters();

        var snapshot = await store.LoadAsync(Chat, CancellationToken.None);

        Assert.Equal("plan-1", snapshot.ActivePlan!.Document.Plan.Id);
        Assert.Equal("1", snapshot.ActivePlan.ETag);
        Assert.Equal("1", snapshot.Conversation!.ETag);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task Reads_hand_out_fresh_copies()
    {
        await Commit(null, NewPlan());
        var first = await store.GetPlanAsync(Tenant, "plan-1", CancellationToken.None);

        first!.Document.Sessions["changed"] = new ConversationSession();
        var second = await store.GetPlanAsync(Tenant, "plan-1", CancellationToken.None);

        Assert.Empty(second!.Document.Sessions);
    }

    [Fact]
    public async Task Write_with_the_version_read_succeeds_and_bumps_the_version()
    {
        await Commit(null, NewPlan());
        var read = await store.GetPlanAsync(Tenant, "plan-1", CancellationToken.None);

        await Commit(null, read!);

        Assert.Equal("2", (await store.GetPlanAsync(Tenant, "plan-1", CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task Write_with_a_stale_version_is_a_conflict()
    {
        await Commit(null, NewPlan());
        var mine = await store.GetPlanAsync(Tenant, "plan-1", CancellationToken.None);
        var theirs = await store.GetPlanAsync(Tenant, "plan-1", CancellationToken.None);
        await Commit(null, theirs!);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Commit(null, mine!));
    }

    [Fact]
    public async Task Creating_a_plan_id_that_exists_is_a_conflict()
    {
        await Commit(null, NewPlan());

        await Assert.ThrowsAsync<ConcurrencyException>(() => Commit(null, NewPlan(product: "Other", version: "1")));
    }

    [Fact]
    public async Task Creating_a_second_plan_for_the_same_release_is_a_conflict_whatever_the_case()
    {
        await Commit(null, NewPlan());

        await Assert.ThrowsAsync<ConcurrencyException>(() => Commit(null, NewPlan("plan-2", "contoso.WEB", "2.4")));
    }

    [Fact]
    public async Task Same_release_in_another_tenant_is_another_plan()
    {
        await Commit(null, NewPlan());

        await Commit(null, NewPlan("plan-2", tenant: "msteams:tenant-fabrikam"));

        Assert.Equal(2, store.PlanCount);
        Assert.Null(await store.GetPlanAsync("msteams:tenant-fabrikam", "plan-1", CancellationToken.None));
    }

    [Fact]
    public async Task Creating_a_pointer_that_exists_is_a_conflict()
    {
        await Commit(NewPointer(null));

        await Assert.ThrowsAsync<ConcurrencyException>(() => Commit(NewPointer(null)));
    }

    [Fact]
    public async Task Commit_with_one_stale_document_writes_none_of_them()
    {
        await Commit(NewPointer(null));
        var before = store.Dump();

        await Assert.ThrowsAsync<ConcurrencyException>(() => Commit(NewPointer("plan-1"), NewPlan()));

        Assert.Equal(before, store.Dump());
    }

    [Fact]
    public async Task Find_compares_product_and_version_case_insensitively_within_the_tenant()
    {
        await Commit(null, NewPlan());

        Assert.NotNull(await store.FindPlanAsync(Tenant, "CONTOSO.web", "2.4", CancellationToken.None));
        Assert.Null(await store.FindPlanAsync("msteams:tenant-fabrikam", "Contoso.Web", "2.4", CancellationToken.None));
    }

    [Fact]
    public async Task Down_store_refuses_reads_and_writes()
    {
        store.Unavailable = true;

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.LoadAsync(Chat, CancellationToken.None));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => Commit(null, NewPlan()));
        Assert.Equal(0, store.PlanCount);
    }

    [Fact]
    public async Task Injected_conflict_writes_nothing_once()
    {
        store.InjectConflicts(1);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Commit(null, NewPlan()));
        Assert.Equal(0, store.PlanCount);
        await Commit(null, NewPlan());
        Assert.Equal(1, store.PlanCount);
    }
}
