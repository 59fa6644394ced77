using System.Text.Json;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using Xunit;
using static PlanBot.Storage.Contract.StoreSamples;

namespace PlanBot.Storage.Contract;

/// <summary>
/// The documents of Samples/, as PlanBot wrote them, stored in the store and found by each of its
/// reads: the stored shape and the store's queries (Cosmos DB filters, sorts and projects by paths
/// inside the stored JSON) agree. Each test moves the samples to a tenant and plan ids of its own.
/// </summary>
public abstract partial class ConversationStoreContract
{
    [Fact]
    public async Task Sample_documents_come_back_from_every_read_as_they_were_stored()
    {
        var store = await CreateStoreAsync();
        var samples = new MovedSamples();
        var (inReview, draft) = samples.Plans();
        var pointer = samples.Load(SampleFiles.AttachedPointer, StateJsonContext.Default.ConversationDocument);
        var waiting = samples.Load(SampleFiles.PointerWaitingToStart, StateJsonContext.Default.ConversationDocument);
        await store.CommitAsync(Create(pointer, inReview), None);
        await store.CommitAsync(Create(waiting, draft), None);

        var turn = await store.LoadAsync(pointer.Reference, None);
        Assert.Equal(Json(pointer), Json(turn.Conversation!.Document));
        Assert.Equal(Json(inReview), Json(turn.ActivePlan!.Document));
        var waitingTurn = await store.LoadAsync(waiting.Reference, None);
        Assert.Equal(Json(waiting), Json(waitingTurn.Conversation!.Document));
        Assert.Null(waitingTurn.ActivePlan);
        Assert.Equal(Json(draft), Json((await store.GetPlanAsync(samples.Tenant, samples.DraftId, None))!.Document));
        Assert.Equal(Json(inReview), Json((await store.FindPlanAsync(samples.Tenant, "contoso.web", " 2.5 ", None))!.Document));
    }

    [Fact]
    public async Task Sample_plans_are_listed_newest_first_with_their_feature_sets_and_reminders()
    {
        var store = await CreateStoreAsync();
        var samples = new MovedSamples();
        var (inReview, draft) = samples.Plans();
        await store.CommitAsync(Create(null, inReview, draft), None);

        var listed = await store.ListPlansAsync(samples.Tenant, "CONTOSO.WEB", None);
        Assert.Equal([samples.DraftId, samples.PlanInReviewId], listed.Select(p => p.Id));
        Assert.Equal(JsonSerializer.Serialize(inReview.Plan, StateJsonContext.Default.Plan), JsonSerializer.Serialize(listed[1], StateJsonContext.Default.Plan));

        var sets = (await store.ListFeatureSetsAsync(samples.Tenant, None)).ToDictionary(p => p.Id);
        foreach (var stored in new[] { inReview.Plan, draft.Plan })
        {
            var set = sets[stored.Id];
            Assert.Equal((stored.TenantId, stored.Product, stored.Version, stored.State, stored.Owner), (set.TenantId, set.Product, set.Version, set.State, set.Owner));
            AssertSameInstant(stored.CreatedAt, set.CreatedAt);
            foreach (var question in Domain.Reuse.SimilarPlans.Questions)
            {
                Assert.Equal(stored.AnswerTo(question)?.Value.Text, set.AnswerTo(question)?.Value.Text);
            }
        }

        var mine = new[] { samples.PlanInReviewId, samples.DraftId };
        var due = (await store.ListDueRemindersAsync(draft.RemindAt!.Value, 1000, None)).Where(d => mine.Contains(d.PlanId)).ToList();
        Assert.Equal(mine, due.Select(d => d.PlanId));
        Assert.All(due, d => Assert.Equal(samples.Tenant, d.TenantId));
        Assert.Equal(inReview.RemindAt!.Value, due[0].DueAt);
    }

    [Fact]
    public async Task A_sample_plan_with_gates_comes_back_as_stored_and_is_due_at_its_gate_time()
    {
        var store = await CreateStoreAsync();
        var samples = new MovedSamples();
        var gated = samples.Load(SampleFiles.PlanWithGates, StateJsonContext.Default.PlanDocument);
        await store.CommitAsync(Create(null, gated), None);

        Assert.Equal(Json(gated), Json((await store.GetPlanAsync(samples.Tenant, samples.PlanInReviewId, None))!.Document));
        Assert.DoesNotContain(await store.ListDueGatesAsync(gated.GateAt!.Value.AddSeconds(-1), 1000, None), d => d.PlanId == samples.PlanInReviewId);
        var due = Assert.Single(await store.ListDueGatesAsync(gated.GateAt.Value, 1000, None), d => d.PlanId == samples.PlanInReviewId);
        Assert.Equal(samples.Tenant, due.TenantId);
        AssertSameInstant(gated.GateAt.Value, due.DueAt);
    }

    [Fact]
    public async Task A_sample_tenant_comes_back_as_it_was_stored()
    {
        if (await CreateStoreAsync() is not ITenantStore store)
        {
            return;
        }

        var tenant = new MovedSamples().Load(SampleFiles.Tenant, StateJsonContext.Default.TenantDocument);
        await store.SaveTenantAsync(new Versioned<TenantDocument>(tenant, null), None);

        var read = await store.GetTenantAsync(tenant.TenantId, None);

        Assert.Equal(
            JsonSerializer.Serialize(tenant, StateJsonContext.Default.TenantDocument),
            JsonSerializer.Serialize(read!.Document, StateJsonContext.Default.TenantDocument));
    }

    /// <summary>The samples with their tenant and plan ids replaced by fresh ones, everything else as stored.</summary>
    private sealed class MovedSamples
    {
        public string Tenant { get; } = NewTenant();

        public string PlanInReviewId { get; } = Guid.NewGuid().ToString("N");

        public string DraftId { get; } = Guid.NewGuid().ToString("N");

        public T Load<T>(string sample, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        {
            var text = SampleFiles.Read(sample)
                .Replace(SampleFiles.TenantId, Tenant, StringComparison.Ordinal)
                .Replace(SampleFiles.PlanInReviewId, PlanInReviewId, StringComparison.Ordinal)
                .Replace(SampleFiles.DraftId, DraftId, StringComparison.Ordinal);
            return JsonSerializer.Deserialize(text, type)!;
        }

        /// <summary>The plan in review, and the draft started from it.</summary>
        public (PlanDocument InReview, PlanDocument Draft) Plans() =>
            (Load(SampleFiles.PlanInReview, StateJsonContext.Default.PlanDocument), Load(SampleFiles.DraftFromBaseline, StateJsonContext.Default.PlanDocument));
    }
}
