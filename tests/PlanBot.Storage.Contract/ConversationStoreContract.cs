using System.Text.Json;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
using Xunit;
using static PlanBot.Storage.Contract.StoreSamples;

namespace PlanBot.Storage.Contract;

/// <summary>
/// What every <see cref="IConversationStore"/> promises, written once and run against each store:
/// a store's test project links this folder
/// (<c>&lt;Compile Include="..\PlanBot.Storage.Contract\**\*.cs" LinkBase="Contract" /&gt;</c>),
/// derives one class from this one and says how to open the store. Tests make their own tenants and
/// conversations, so one store (one file, one container) may serve them all.
/// </summary>
public abstract partial class ConversationStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>
    /// True when a commit of several documents is all-or-nothing. A store that cannot promise it
    /// writes the plans first and the pointer last, and each document is still wholly old or wholly new.
    /// </summary>
    protected abstract bool SupportsMultiDocumentAtomicity { get; }

    /// <summary>A store ready for use; it may be shared with other tests.</summary>
    protected abstract Task<IConversationStore> CreateStoreAsync();

    /// <summary>A new store instance over the same data, as a restarted host would open it.</summary>
    protected abstract Task<IConversationStore> ReopenStoreAsync();

    [Fact]
    public async Task Commit_creates_pointer_and_plan_together_and_LoadAsync_returns_both_with_ETags()
    {
        var store = await CreateStoreAsync();
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId);

        await store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);

        var snapshot = await store.LoadAsync(conversation, None);
        Assert.NotNull(snapshot.Conversation);
        Assert.False(string.IsNullOrEmpty(snapshot.Conversation.ETag));
        Assert.Equal(conversation.Key, snapshot.Conversation.Document.Key);
        Assert.Equal(conversation.TenantId, snapshot.Conversation.Document.TenantId);
        Assert.Equal(plan.Plan.Id, snapshot.Conversation.Document.ActivePlanId);
        Assert.NotNull(snapshot.ActivePlan);
        Assert.False(string.IsNullOrEmpty(snapshot.ActivePlan.ETag));
        Assert.Equal(plan.Plan.Id, snapshot.ActivePlan.Document.Plan.Id);
        Assert.Equal(plan.Plan.Title, snapshot.ActivePlan.Document.Plan.Title);
    }

    [Fact]
    public async Task LoadAsync_of_an_unknown_conversation_returns_neither_document()
    {
        var store = await CreateStoreAsync();

        var snapshot = await store.LoadAsync(NewConversation(NewTenant()), None);

        Assert.Null(snapshot.Conversation);
        Assert.Null(snapshot.ActivePlan);
    }

    [Fact]
    public async Task LoadAsync_of_a_pointer_without_an_active_plan_returns_no_plan()
    {
        var store = await CreateStoreAsync();
        var conversation = NewConversation(NewTenant());
        await store.CommitAsync(new TurnCommit(new(NewPointer(conversation), null), []), None);

        var snapshot = await store.LoadAsync(conversation, None);

        Assert.NotNull(snapshot.Conversation);
        Assert.Null(snapshot.Conversation.Document.ActivePlanId);
        Assert.Null(snapshot.ActivePlan);
    }

    [Fact]
    public async Task Replace_with_the_current_ETag_saves_the_change_and_issues_a_new_ETag()
    {
        var store = await CreateStoreAsync();
        var (conversation, read) = await StartAsync(store);

        var plan = read.ActivePlan!;
        plan.Document.Answered("features", "Instant refunds");
        plan.Document.Sessions[conversation.Key] = new ConversationSession { Cursor = "valuable-features" };
        read.Conversation!.Document.Session.TimeZone = "Europe/Berlin";
        await store.CommitAsync(new TurnCommit(read.Conversation, [plan]), None);

        var again = await store.LoadAsync(conversation, None);
        Assert.NotEqual(read.ActivePlan!.ETag, again.ActivePlan!.ETag);
        Assert.NotEqual(read.Conversation.ETag, again.Conversation!.ETag);
        Assert.Equal("Instant refunds", again.ActivePlan.Document.Plan.AnswerTo("features")?.Value.Text);
        Assert.Equal("valuable-features", again.ActivePlan.Document.Sessions[conversation.Key].Cursor);
        Assert.Equal("Europe/Berlin", again.Conversation.Document.Session.TimeZone);
    }

    [Fact]
    public async Task Replace_of_a_plan_with_a_stale_ETag_throws_ConcurrencyException_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var (conversation, stale) = await StartAsync(store);
        var fresh = await store.LoadAsync(conversation, None);
        await store.CommitAsync(new TurnCommit(null, [Answer(fresh.ActivePlan!, "features", "Saved cards")]), None);
        var saved = await store.LoadAsync(conversation, None);

        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.CommitAsync(new TurnCommit(null, [Answer(stale.ActivePlan!, "features", "Instant refunds")]), None));

        var after = await store.LoadAsync(conversation, None);
        Assert.Equal(saved.ActivePlan!.ETag, after.ActivePlan!.ETag);
        Assert.Equal("Saved cards", after.ActivePlan.Document.Plan.AnswerTo("features")?.Value.Text);
        Assert.Equal(saved.ActivePlan.Document.Plan.Revision, after.ActivePlan.Document.Plan.Revision);
    }

    [Fact]
    public async Task Replace_of_a_pointer_with_a_stale_ETag_throws_ConcurrencyException_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var (conversation, stale) = await StartAsync(store);
        var fresh = await store.LoadAsync(conversation, None);
        fresh.Conversation!.Document.Session.TimeZone = "Asia/Tokyo";
        await store.CommitAsync(new TurnCommit(fresh.Conversation, []), None);
        var saved = await store.LoadAsync(conversation, None);

        stale.Conversation!.Document.ActivePlanId = null;
        stale.Conversation.Document.Session.TimeZone = "Europe/Lisbon";
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(new TurnCommit(stale.Conversation, []), None));

        var after = await store.LoadAsync(conversation, None);
        Assert.Equal(saved.Conversation!.ETag, after.Conversation!.ETag);
        Assert.Equal("Asia/Tokyo", after.Conversation.Document.Session.TimeZone);
        Assert.Equal(stale.ActivePlan!.Document.Plan.Id, after.Conversation.Document.ActivePlanId);
    }

    [Fact]
    public async Task Replace_with_an_ETag_the_store_never_issued_throws_ConcurrencyException()
    {
        var store = await CreateStoreAsync();
        var (conversation, read) = await StartAsync(store);
        var forged = read.ActivePlan! with { ETag = "\"not-an-etag-of-this-store\"" };

        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.CommitAsync(new TurnCommit(null, [Answer(forged, "features", "Instant refunds")]), None));

        var after = await store.LoadAsync(conversation, None);
        Assert.Equal(read.ActivePlan!.ETag, after.ActivePlan!.ETag);
        Assert.Null(after.ActivePlan.Document.Plan.AnswerTo("features"));
    }

    [Fact]
    public async Task Replace_of_a_document_that_was_never_created_throws_ConcurrencyException()
    {
        var store = await CreateStoreAsync();
        var (conversation, read) = await StartAsync(store);
        var missingPlan = new Versioned<PlanDocument>(NewPlan(conversation.TenantId), read.ActivePlan!.ETag);
        var missingConversation = NewConversation(conversation.TenantId);
        var missingPointer = new Versioned<ConversationDocument>(NewPointer(missingConversation), read.Conversation!.ETag);

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(new TurnCommit(null, [missingPlan]), None));
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(new TurnCommit(missingPointer, []), None));

        Assert.Null(await store.GetPlanAsync(conversation.TenantId, missingPlan.Document.Plan.Id, None));
        Assert.Null((await store.LoadAsync(missingConversation, None)).Conversation);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Concurrent_commits_with_the_same_ETag_let_exactly_one_win(int writers)
    {
        var store = await CreateStoreAsync();
        var (conversation, _) = await StartAsync(store);
        var copies = new List<Versioned<PlanDocument>>();
        for (var i = 0; i < writers; i++)
        {
            // Each writer reads for itself, as separate turns on separate hosts would.
            copies.Add(Answer((await store.LoadAsync(conversation, None)).ActivePlan!, "features", $"writer {i}"));
        }

        Assert.Single(copies.Select(c => c.ETag).Distinct());
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = copies
            .Select(copy => Task.Run(async () =>
            {
                await go.Task;
                try
                {
                    await store.CommitAsync(new TurnCommit(null, [copy]), None);
                    return (Text: copy.Document.Plan.AnswerTo("features")!.Value.Text, Won: true);
                }
                catch (ConcurrencyException)
                {
                    return (Text: copy.Document.Plan.AnswerTo("features")!.Value.Text, Won: false);
                }
            }))
            .ToList();
        go.SetResult();
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o.Won);
        var after = await store.LoadAsync(conversation, None);
        Assert.Equal(winner.Text, after.ActivePlan!.Document.Plan.AnswerTo("features")?.Value.Text);
        Assert.Equal(1, after.ActivePlan.Document.Plan.Revision);
    }

    [Fact]
    public async Task Creating_a_plan_for_a_release_that_exists_in_another_case_throws_ConcurrencyException()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var product = NewId("Payments");
        var first = NewPlan(tenant, product, "2.4.0-RC1");
        await store.CommitAsync(Create(null, first), None);

        var second = NewPlan(tenant, product.ToUpperInvariant(), "2.4.0-rc1");
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(Create(null, second), None));

        Assert.Null(await store.GetPlanAsync(tenant, second.Plan.Id, None));
        var found = await store.FindPlanAsync(tenant, product, "2.4.0-RC1", None);
        Assert.Equal(first.Plan.Id, found?.Document.Plan.Id);
        Assert.Single(await store.ListPlansAsync(tenant, null, None));
    }

    [Fact]
    public async Task The_same_release_in_another_tenant_is_another_plan()
    {
        var store = await CreateStoreAsync();
        var product = NewId("Payments");
        var ours = NewPlan(NewTenant(), product, "2.4.0");
        var theirs = NewPlan(NewTenant(), product, "2.4.0");

        await store.CommitAsync(Create(null, ours), None);
        await store.CommitAsync(Create(null, theirs), None);

        Assert.Equal(ours.Plan.Id, (await store.FindPlanAsync(ours.Plan.TenantId, product, "2.4.0", None))?.Document.Plan.Id);
        Assert.Equal(theirs.Plan.Id, (await store.FindPlanAsync(theirs.Plan.TenantId, product, "2.4.0", None))?.Document.Plan.Id);
    }

    [Fact]
    public async Task Creating_a_plan_whose_id_exists_throws_ConcurrencyException_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var original = NewPlan(tenant, NewId("product"), "1.0.0");
        await store.CommitAsync(Create(null, original), None);
        var saved = await store.GetPlanAsync(tenant, original.Plan.Id, None);

        var impostor = new PlanDocument { Plan = original.Plan with { Product = NewId("other"), Version = "9.9.9" } };
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(Create(null, impostor), None));

        var after = await store.GetPlanAsync(tenant, original.Plan.Id, None);
        Assert.Equal(saved!.ETag, after!.ETag);
        Assert.Equal(original.Plan.Product, after.Document.Plan.Product);
        Assert.Equal("1.0.0", after.Document.Plan.Version);
    }

    [Fact]
    public async Task Creating_a_pointer_whose_key_exists_throws_ConcurrencyException_and_changes_nothing()
    {
        var store = await CreateStoreAsync();
        var (conversation, read) = await StartAsync(store);

        var second = NewPointer(conversation);
        second.Session.TimeZone = "Asia/Tokyo";
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(new TurnCommit(new(second, null), []), None));

        var after = await store.LoadAsync(conversation, None);
        Assert.Equal(read.Conversation!.ETag, after.Conversation!.ETag);
        Assert.Equal(read.ActivePlan!.Document.Plan.Id, after.Conversation.Document.ActivePlanId);
        Assert.Null(after.Conversation.Document.Session.TimeZone);
    }

    [Fact]
    public async Task Replacing_a_plan_with_a_document_that_names_another_tenant_throws_ConcurrencyException()
    {
        var store = await CreateStoreAsync();
        var (conversation, read) = await StartAsync(store);
        var plan = read.ActivePlan!;
        plan.Document.Plan = plan.Document.Plan with { TenantId = NewTenant() };

        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(new TurnCommit(null, [plan]), None));

        var after = await store.GetPlanAsync(conversation.TenantId, plan.Document.Plan.Id, None);
        Assert.Equal(conversation.TenantId, after?.Document.Plan.TenantId);
        Assert.Equal(read.ActivePlan!.ETag, after?.ETag);
        Assert.Null(await store.GetPlanAsync(plan.Document.Plan.TenantId, plan.Document.Plan.Id, None));
    }

    [Fact]
    public async Task A_commit_of_plans_alone_leaves_the_pointer_as_it_was()
    {
        var store = await CreateStoreAsync();
        var (conversation, read) = await StartAsync(store);

        await store.CommitAsync(new TurnCommit(null, [Answer(read.ActivePlan!, "features", "Instant refunds")]), None);

        var after = await store.LoadAsync(conversation, None);
        Assert.Equal(read.Conversation!.ETag, after.Conversation!.ETag);
        Assert.NotEqual(read.ActivePlan!.ETag, after.ActivePlan!.ETag);
    }

    [Fact]
    public async Task A_conflicting_plan_keeps_the_pointer_of_the_same_commit_from_being_written()
    {
        var store = await CreateStoreAsync();
        var (conversation, stale) = await StartAsync(store);
        var fresh = await store.LoadAsync(conversation, None);
        await store.CommitAsync(new TurnCommit(null, [Answer(fresh.ActivePlan!, "features", "Saved cards")]), None);

        stale.Conversation!.Document.Session.TimeZone = "Asia/Tokyo";
        await Assert.ThrowsAsync<ConcurrencyException>(() =>
            store.CommitAsync(new TurnCommit(stale.Conversation, [Answer(stale.ActivePlan!, "features", "Instant refunds")]), None));

        var after = await store.LoadAsync(conversation, None);
        Assert.Equal(stale.Conversation.ETag, after.Conversation!.ETag);
        Assert.Null(after.Conversation.Document.Session.TimeZone);
    }

    /// <summary>
    /// All-or-nothing across documents. A store without it (<see cref="SupportsMultiDocumentAtomicity"/>
    /// false) is held to less: every document is wholly old or wholly new. A store may also override
    /// this test to skip it, naming why.
    /// </summary>
    [Fact]
    public virtual async Task A_conflict_in_a_later_document_leaves_the_earlier_documents_of_the_commit_unchanged()
    {
        var store = await CreateStoreAsync();
        var (conversation, stale) = await StartAsync(store);
        var tenant = conversation.TenantId;
        var other = NewPlan(tenant);
        await store.CommitAsync(Create(null, other), None);
        var fresh = await store.LoadAsync(conversation, None);
        fresh.Conversation!.Document.Session.TimeZone = "Asia/Tokyo";
        await store.CommitAsync(new TurnCommit(fresh.Conversation, [Answer(fresh.ActivePlan!, "features", "Saved cards")]), None);
        var otherRead = (await store.GetPlanAsync(tenant, other.Plan.Id, None))!;

        // A good plan, then a plan that conflicts.
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(
            new TurnCommit(null, [Answer(otherRead, "why", "first of two"), Answer(stale.ActivePlan!, "features", "Instant refunds")]),
            None));
        await AssertOldOrNewAsync(store, otherRead, "why", "first of two");

        // A good plan and a new plan, then a pointer that conflicts.
        var created = NewPlan(tenant);
        otherRead = (await store.GetPlanAsync(tenant, other.Plan.Id, None))!;
        await Assert.ThrowsAsync<ConcurrencyException>(() => store.CommitAsync(
            new TurnCommit(stale.Conversation, [Answer(otherRead, "risks", "before the pointer"), new(created, null)]),
            None));
        await AssertOldOrNewAsync(store, otherRead, "risks", "before the pointer");
        var createdAfter = await store.GetPlanAsync(tenant, created.Plan.Id, None);
        if (SupportsMultiDocumentAtomicity)
        {
            Assert.Null(createdAfter);
        }

        var pointer = await store.LoadAsync(conversation, None);
        Assert.Equal("Asia/Tokyo", pointer.Conversation!.Document.Session.TimeZone);
    }

    [Fact]
    public async Task FindPlanAsync_ignores_the_case_of_product_and_version()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var product = NewId("Payments");
        var plan = NewPlan(tenant, product, "2.4.0-RC1");
        await store.CommitAsync(Create(null, plan), None);

        var found = await store.FindPlanAsync(tenant, product.ToUpperInvariant(), "2.4.0-rc1", None);

        Assert.NotNull(found);
        Assert.Equal(plan.Plan.Id, found.Document.Plan.Id);
        Assert.False(string.IsNullOrEmpty(found.ETag));
        Assert.Equal(product, found.Document.Plan.Product);
        Assert.Null(await store.FindPlanAsync(tenant, product, "2.4.1", None));
    }

    [Fact]
    public async Task FindPlanAsync_does_not_see_another_tenants_plan()
    {
        var store = await CreateStoreAsync();
        var product = NewId("Payments");
        var plan = NewPlan(NewTenant(), product, "2.4.0");
        await store.CommitAsync(Create(null, plan), None);

        Assert.Null(await store.FindPlanAsync(NewTenant(), product, "2.4.0", None));
        Assert.NotNull(await store.FindPlanAsync(plan.Plan.TenantId, product, "2.4.0", None));
    }

    [Fact]
    public async Task GetPlanAsync_returns_the_plan_in_its_tenant_and_null_in_another()
    {
        var store = await CreateStoreAsync();
        var plan = NewPlan(NewTenant());
        await store.CommitAsync(Create(null, plan), None);

        var own = await store.GetPlanAsync(plan.Plan.TenantId, plan.Plan.Id, None);
        Assert.Equal(plan.Plan.Id, own?.Document.Plan.Id);
        Assert.False(string.IsNullOrEmpty(own?.ETag));
        Assert.Null(await store.GetPlanAsync(NewTenant(), plan.Plan.Id, None));
        Assert.Null(await store.GetPlanAsync(plan.Plan.TenantId, NewId("plan"), None));
    }

    [Fact]
    public async Task ListPlansAsync_returns_the_tenants_plans_newest_first()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var oldest = NewPlan(tenant, createdAt: Now.AddDays(-10));
        var middle = NewPlan(tenant, createdAt: Now.AddDays(-3));
        var newest = NewPlan(tenant, createdAt: Now.AddHours(2));
        await store.CommitAsync(Create(null, middle), None);
        await store.CommitAsync(Create(null, newest, oldest), None);
        await store.CommitAsync(Create(null, NewPlan(NewTenant(), createdAt: Now)), None);

        var plans = await store.ListPlansAsync(tenant, null, None);

        Assert.Equal(new[] { newest.Plan.Id, middle.Plan.Id, oldest.Plan.Id }, plans.Select(p => p.Id));
        Assert.Empty(await store.ListPlansAsync(NewTenant(), null, None));
    }

    [Fact]
    public async Task ListPlansPageAsync_pages_through_the_tenants_plans_newest_first()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var plans = Enumerable.Range(0, 5).Select(i => NewPlan(tenant, createdAt: Now.AddDays(-i))).ToArray();
        await store.CommitAsync(Create(null, plans), None);
        await store.CommitAsync(Create(null, NewPlan(NewTenant(), createdAt: Now.AddDays(1))), None);

        var first = await store.ListPlansPageAsync(tenant, 0, 2, None);
        var second = await store.ListPlansPageAsync(tenant, 2, 2, None);
        var last = await store.ListPlansPageAsync(tenant, 4, 2, None);

        Assert.Equal(plans.Select(p => p.Plan.Id), first.Concat(second).Concat(last).Select(p => p.Id));
        Assert.Single(last);
        Assert.Empty(await store.ListPlansPageAsync(tenant, 6, 2, None));
    }

    [Fact]
    public async Task ListPlansAsync_filters_by_product_ignoring_case()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var payments = NewId("Payments");
        var first = NewPlan(tenant, payments, "1.0.0", Now.AddDays(-1));
        var second = NewPlan(tenant, payments, "1.1.0", Now);
        var ledger = NewPlan(tenant, NewId("Ledger"), "1.0.0", Now);
        await store.CommitAsync(Create(null, first, second, ledger), None);
        await store.CommitAsync(Create(null, NewPlan(NewTenant(), payments, "1.0.0")), None);

        var plans = await store.ListPlansAsync(tenant, payments.ToUpperInvariant(), None);

        Assert.Equal(new[] { second.Plan.Id, first.Plan.Id }, plans.Select(p => p.Id));
        Assert.Equal(new[] { ledger.Plan.Id }, (await store.ListPlansAsync(tenant, ledger.Plan.Product, None)).Select(p => p.Id));
        Assert.Empty(await store.ListPlansAsync(tenant, NewId("nothing"), None));
    }

    [Fact]
    public async Task ListFeatureSetsAsync_returns_each_plan_of_the_tenant_with_what_the_similarity_reads()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var shop = NewPlan(tenant, NewId("Shop"), "1.0", Now.AddDays(-2))
            .Answered("features", "Saved carts; gift cards")
            .Answered("components", "cart-service 3.1, web 1.0")
            .Answered("risks", "Payment provider change");
        shop.Plan = shop.Plan.Cancel(Owner, Now);
        var web = NewPlan(tenant, NewId("Web"), "2.4", Now.AddDays(-1)).Answered("valuable-features", "Dark mode");
        await store.CommitAsync(Create(null, shop, web), None);
        await store.CommitAsync(Create(null, NewPlan(NewTenant()).Answered("features", "Elsewhere")), None);

        var sets = (await store.ListFeatureSetsAsync(tenant, None)).ToDictionary(p => p.Id);

        Assert.Equal(new[] { shop.Plan.Id, web.Plan.Id }.Order(StringComparer.Ordinal), sets.Keys.Order(StringComparer.Ordinal));
        var listed = sets[shop.Plan.Id];
        Assert.Equal((shop.Plan.TenantId, shop.Plan.Product, shop.Plan.Version, PlanState.Cancelled, shop.Plan.Owner), (listed.TenantId, listed.Product, listed.Version, listed.State, listed.Owner));
        AssertSameInstant(shop.Plan.CreatedAt, listed.CreatedAt);
        Assert.Equal("Saved carts; gift cards", listed.AnswerTo("features")?.Value.Text);
        Assert.Equal("cart-service 3.1, web 1.0", listed.AnswerTo("components")?.Value.Text);
        Assert.Null(listed.AnswerTo("valuable-features"));
        Assert.Equal("Dark mode", sets[web.Plan.Id].AnswerTo("valuable-features")?.Value.Text);
        Assert.Null(sets[web.Plan.Id].AnswerTo("features"));
    }

    /// <summary>
    /// Reminder instants far in the future: hosts running against the same store (other test
    /// classes) look for reminders due by the real clock and so never touch these plans.
    /// </summary>
    private static readonly DateTimeOffset FarAhead = new(2200, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The two indexed instants a host looks for across tenants: reminders due, and gate work due.</summary>
    public static TheoryData<string> DueIndexes => new() { nameof(PlanDocument.RemindAt), nameof(PlanDocument.GateAt) };

    [Theory]
    [MemberData(nameof(DueIndexes))]
    public async Task ListDue_finds_the_due_plans_of_every_tenant_earliest_first(string index)
    {
        var store = await CreateStoreAsync();
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        var dueLater = Due(index, NewPlan(tenantA), FarAhead.AddHours(-1));
        var dueFirst = Due(index, NewPlan(tenantB), FarAhead.AddHours(-2));
        var notYet = Due(index, NewPlan(tenantA), FarAhead.AddHours(1));
        var never = NewPlan(tenantB);
        await store.CommitAsync(Create(null, dueLater, notYet), None);
        await store.CommitAsync(Create(null, dueFirst, never), None);
        var mine = new[] { dueLater, dueFirst, notYet, never }.Select(p => p.Plan.Id).ToHashSet();

        var due = (await ListDueAsync(store, index, FarAhead, 1000)).Where(d => mine.Contains(d.PlanId)).ToList();

        Assert.Equal([dueFirst.Plan.Id, dueLater.Plan.Id], due.Select(d => d.PlanId));
        Assert.Equal([tenantB, tenantA], due.Select(d => d.TenantId));
        AssertSameInstant(FarAhead.AddHours(-2), due[0].DueAt);
    }

    [Theory]
    [MemberData(nameof(DueIndexes))]
    public async Task ListDue_follows_each_write_of_the_plan_and_honours_the_maximum(string index)
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        // Each index its own day ahead: the two runs share the store and must not see each other's plans.
        var at = FarAhead.AddDays(index == nameof(PlanDocument.GateAt) ? 2 : 1);
        var plan = Due(index, NewPlan(tenant), at.AddMinutes(-5));
        var other = Due(index, NewPlan(tenant), at.AddMinutes(-4));
        await store.CommitAsync(Create(null, plan, other), None);

        var read = (await store.GetPlanAsync(tenant, plan.Plan.Id, None))!;
        Due(index, read.Document, null);
        await store.CommitAsync(new TurnCommit(null, [read]), None);
        Assert.DoesNotContain(await ListDueAsync(store, index, at, 1000), d => d.PlanId == plan.Plan.Id);

        read = (await store.GetPlanAsync(tenant, plan.Plan.Id, None))!;
        Due(index, read.Document, at.AddMinutes(-10));
        await store.CommitAsync(new TurnCommit(null, [read]), None);
        var first = Assert.Single(await ListDueAsync(store, index, at, 1));
        Assert.True(first.DueAt <= at.AddMinutes(-10), "The earliest due plan comes first.");
        Assert.Contains(await ListDueAsync(store, index, at, 1000), d => d.PlanId == other.Plan.Id);
    }

    [Fact]
    public async Task A_plan_due_for_a_reminder_is_not_due_for_its_gates_nor_the_other_way_round()
    {
        var store = await CreateStoreAsync();
        var tenant = NewTenant();
        var at = FarAhead.AddDays(3);
        var reminding = Due(nameof(PlanDocument.RemindAt), NewPlan(tenant), at.AddMinutes(-1));
        var gating = Due(nameof(PlanDocument.GateAt), NewPlan(tenant), at.AddMinutes(-1));
        await store.CommitAsync(Create(null, reminding, gating), None);

        Assert.Contains(await store.ListDueRemindersAsync(at, 1000, None), d => d.PlanId == reminding.Plan.Id);
        Assert.DoesNotContain(await store.ListDueRemindersAsync(at, 1000, None), d => d.PlanId == gating.Plan.Id);
        Assert.Contains(await store.ListDueGatesAsync(at, 1000, None), d => d.PlanId == gating.Plan.Id);
        Assert.DoesNotContain(await store.ListDueGatesAsync(at, 1000, None), d => d.PlanId == reminding.Plan.Id);
    }

    private static PlanDocument Due(string index, PlanDocument document, DateTimeOffset? at)
    {
        if (index == nameof(PlanDocument.GateAt))
        {
            document.GateAt = at;
        }
        else
        {
            document.RemindAt = at;
        }

        return document;
    }

    private static async Task<IReadOnlyList<(string TenantId, string PlanId, DateTimeOffset DueAt)>> ListDueAsync(IConversationStore store, string index, DateTimeOffset now, int max) =>
        index == nameof(PlanDocument.GateAt)
            ? (await store.ListDueGatesAsync(now, max, None)).Select(d => (d.TenantId, d.PlanId, d.DueAt)).ToList()
            : (await store.ListDueRemindersAsync(now, max, None)).Select(d => (d.TenantId, d.PlanId, d.DueAt)).ToList();

    [Fact]
    public async Task A_new_store_over_the_same_data_resumes_with_every_field()
    {
        var tenant = NewTenant();
        var conversation = new ConversationRef("msteams", tenant, NewId("19:channel"), ConversationKind.Channel, "https://smba.example/emea/", "19:team", "28:bot");
        var plan = FullPlan(tenant, conversation);
        var pointer = FullPointer(conversation, plan.Plan.Id);
        var store = await CreateStoreAsync();
        await store.CommitAsync(Create(pointer, plan), None);

        var reopened = await ReopenStoreAsync();
        var snapshot = await reopened.LoadAsync(conversation, None);

        AssertSamePointer(pointer, snapshot.Conversation?.Document);
        AssertSamePlan(plan, snapshot.ActivePlan?.Document);

        // The reopened store carries on where the first left off.
        await reopened.CommitAsync(new TurnCommit(snapshot.Conversation, [snapshot.ActivePlan!]), None);
        var again = await store.LoadAsync(conversation, None);
        Assert.NotEqual(snapshot.ActivePlan!.ETag, again.ActivePlan!.ETag);
        AssertSamePlan(plan, again.ActivePlan.Document);
    }

    [Fact]
    public async Task IsReachableAsync_is_true_for_a_working_store()
    {
        var store = await CreateStoreAsync();

        Assert.True(await store.IsReachableAsync(None));
    }

    private static TurnCommit Create(ConversationDocument? pointer, params PlanDocument[] plans) =>
        new(pointer is null ? null : new(pointer, null), plans.Select(p => new Versioned<PlanDocument>(p, null)).ToList());

    /// <summary>The plan with one more free-text answer, keeping the version it was read at.</summary>
    private static Versioned<PlanDocument> Answer(Versioned<PlanDocument> read, string questionId, string text)
    {
        read.Document.Answered(questionId, text);
        return read;
    }

    /// <summary>A new conversation working on a new plan, as stored and then read back.</summary>
    private static async Task<(ConversationRef Conversation, ConversationSnapshot Read)> StartAsync(IConversationStore store)
    {
        var conversation = NewConversation(NewTenant());
        var plan = NewPlan(conversation.TenantId);
        await store.CommitAsync(Create(NewPointer(conversation, plan.Plan.Id), plan), None);
        var read = await store.LoadAsync(conversation, None);
        Assert.NotNull(read.Conversation);
        Assert.NotNull(read.ActivePlan);
        return (conversation, read);
    }

    private async Task AssertOldOrNewAsync(IConversationStore store, Versioned<PlanDocument> written, string questionId, string text)
    {
        var plan = written.Document.Plan;
        var after = await store.GetPlanAsync(plan.TenantId, plan.Id, None);
        Assert.NotNull(after);
        var answer = after.Document.Plan.AnswerTo(questionId)?.Value.Text;
        if (SupportsMultiDocumentAtomicity)
        {
            Assert.Null(answer);
            Assert.Equal(written.ETag, after.ETag);
            Assert.Equal(plan.Revision - 1, after.Document.Plan.Revision);
        }
        else
        {
            Assert.True(
                (answer is null && after.ETag == written.ETag) || (answer == text && after.Document.Plan.Revision == plan.Revision),
                $"The plan is neither as it was nor as written: answer \"{answer}\", revision {after.Document.Plan.Revision}.");
        }
    }

    private static void AssertSamePointer(ConversationDocument expected, ConversationDocument? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.TenantId, actual.TenantId);
        Assert.Equal(expected.Reference, actual.Reference);
        Assert.Equal(expected.ActivePlanId, actual.ActivePlanId);
        AssertSameSession(expected.Session, actual.Session);
        Assert.Equal(Json(expected), Json(actual));
    }

    private static void AssertSamePlan(PlanDocument expected, PlanDocument? actual)
    {
        Assert.NotNull(actual);
        var want = expected.Plan;
        var got = actual.Plan;
        Assert.Equal(want.Id, got.Id);
        Assert.Equal(want.TenantId, got.TenantId);
        Assert.Equal(want.Product, got.Product);
        Assert.Equal(want.Version, got.Version);
        Assert.Equal(want.Owner, got.Owner);
        AssertSameInstant(want.CreatedAt, got.CreatedAt);
        Assert.Equal(want.State, got.State);
        Assert.Equal(want.Revision, got.Revision);
        Assert.Equal(want.Quorum, got.Quorum);
        Assert.Equal(want.BaselinePlanId, got.BaselinePlanId);

        Assert.Equal(want.Answers.Keys.Order(), got.Answers.Keys.Order());
        foreach (var (question, answer) in want.Answers)
        {
            AssertSameAnswer(answer, got.Answers[question]);
        }

        Assert.Equal(want.Decisions.Count, got.Decisions.Count);
        foreach (var (w, g) in want.Decisions.Zip(got.Decisions))
        {
            Assert.Equal(w.Approver, g.Approver);
            Assert.Equal(w.Verdict, g.Verdict);
            AssertSameInstant(w.At, g.At);
            Assert.Equal(w.Revision, g.Revision);
            Assert.Equal(w.Reason, g.Reason);
            Assert.Equal(w.Stale, g.Stale);
        }

        Assert.Equal(want.History.Count, got.History.Count);
        foreach (var (w, g) in want.History.Zip(got.History))
        {
            AssertSameInstant(w.At, g.At);
            Assert.Equal(w.By, g.By);
            Assert.Equal(w.What, g.What);
            Assert.Equal(w.Revision, g.Revision);
        }

        Assert.Equal(expected.Sessions.Keys.Order(), actual.Sessions.Keys.Order());
        foreach (var (key, session) in expected.Sessions)
        {
            AssertSameSession(session, actual.Sessions[key]);
        }

        Assert.Equal(Json(expected), Json(actual));
    }

    private static void AssertSameAnswer(Answer want, Answer got)
    {
        Assert.Equal(want.QuestionId, got.QuestionId);
        Assert.Equal(want.Value.Text, got.Value.Text);
        AssertSameInstant(want.Value.DateUtc, got.Value.DateUtc);
        AssertSameInstant(want.Value.WindowStartUtc, got.Value.WindowStartUtc);
        AssertSameInstant(want.Value.WindowEndUtc, got.Value.WindowEndUtc);
        Assert.Equal(want.Value.TimeZone, got.Value.TimeZone);
        Assert.Equal(want.Value.People ?? [], got.Value.People ?? []);
        Assert.Equal(want.Value.People is null, got.Value.People is null);
        Assert.Equal(want.Value.Yes, got.Value.Yes);
        Assert.Equal(want.Value.Detail, got.Value.Detail);
        Assert.Equal(want.Provenance.AnsweredBy, got.Provenance.AnsweredBy);
        AssertSameInstant(want.Provenance.At, got.Provenance.At);
        Assert.Equal(want.Provenance.Channel, got.Provenance.Channel);
        Assert.Equal(want.Provenance.CarriedOver, got.Provenance.CarriedOver);
        Assert.Equal(want.Provenance.CarriedFromPlanId, got.Provenance.CarriedFromPlanId);
    }

    private static void AssertSameSession(ConversationSession want, ConversationSession got)
    {
        Assert.Equal(want.Attached, got.Attached);
        Assert.Equal(want.Cursor, got.Cursor);
        Assert.Equal(want.EditingSection, got.EditingSection);
        Assert.Equal(want.Skipped, got.Skipped);
        Assert.Equal(want.Consumed.Select(c => c.Id), got.Consumed.Select(c => c.Id));
        foreach (var (w, g) in want.Consumed.Zip(got.Consumed))
        {
            AssertSameInstant(w.At, g.At);
        }

        Assert.Equal(want.Outbox.Count, got.Outbox.Count);
        foreach (var (w, g) in want.Outbox.Zip(got.Outbox))
        {
            Assert.Equal(w.Id, g.Id);
            Assert.Equal(w.Reply, g.Reply);
            AssertSameInstant(w.CommittedAt, g.CommittedAt);
            Assert.Equal(w.Instance, g.Instance);
            Assert.Equal(w.ReplyToActivityId, g.ReplyToActivityId);
        }

        Assert.Equal(want.TimeZone, got.TimeZone);
        Assert.Equal(want.Reference, got.Reference);
    }

    /// <summary>The same instant and the same offset: an answer is shown back in the zone it was given in.</summary>
    private static void AssertSameInstant(DateTimeOffset? want, DateTimeOffset? got)
    {
        Assert.Equal(want, got);
        Assert.Equal(want?.Offset, got?.Offset);
    }

    /// <summary>The shared stored shape, to catch any field the assertions above do not name.</summary>
    private static string Json(PlanDocument document) => JsonSerializer.Serialize(document, StateJsonContext.Default.PlanDocument);

    private static string Json(ConversationDocument document) => JsonSerializer.Serialize(document, StateJsonContext.Default.ConversationDocument);
}
