using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Domain.Checklist;
using PlanBot.Storage.Contract;

namespace PlanBot.Storage.Sqlite.Tests;

/// <summary>
/// Several store instances on one file, as several host processes would have: SQLite's lock and the
/// version column decide who wins, and a writer that waits too long gets a clear outage error.
/// </summary>
public sealed class SqliteStoreConcurrencyTests : IAsyncLifetime, IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly List<SqliteConversationStore> opened = [];

    private string DatabasePath => folder.File("planbot.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await store.DisposeAsync();
        }
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Two_instances_writing_the_same_plan_at_once_let_one_win_and_the_other_reapplies_on_fresh_data()
    {
        var (first, second) = (await OpenAsync(), await OpenAsync());
        var plan = await CreatePlanAsync(first);
        var readByFirst = (await first.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        var readBySecond = (await second.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        readByFirst.Document.Answered("features", "Instant refunds");
        readBySecond.Document.Answered("why", "Customers asked for it");

        var results = await Task.WhenAll(
            Attempt(first, readByFirst),
            Attempt(second, readBySecond));

        Assert.Single(results, won => won);
        var loser = results[0] ? (Store: second, Question: "why", Text: "Customers asked for it") : (Store: first, Question: "features", Text: "Instant refunds");
        var fresh = (await loser.Store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        await loser.Store.CommitAsync(new TurnCommit(null, [new(fresh.Document.Answered(loser.Question, loser.Text), fresh.ETag)]), CancellationToken.None);

        var after = (await first.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!.Document.Plan;
        Assert.Equal("Instant refunds", after.AnswerTo("features")?.Value.Text);
        Assert.Equal("Customers asked for it", after.AnswerTo("why")?.Value.Text);
        Assert.Equal(2, after.Revision);
    }

    [Fact]
    public async Task Twenty_writers_on_two_instances_retrying_on_conflict_lose_no_answer()
    {
        var stores = new[] { await OpenAsync(), await OpenAsync() };
        var plan = await CreatePlanAsync(stores[0]);
        var questions = PlanChecklist.Questions.Take(20).Select(q => q.Id).ToList();
        var allHaveRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = questions.Count;
        var conflicts = 0;

        async Task WriteAsync(SqliteConversationStore store, string question)
        {
            for (var attempt = 1; ; attempt++)
            {
                var read = (await store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
                if (attempt == 1)
                {
                    // Everyone reads the same version before anyone writes: at least 19 must lose the first round.
                    if (Interlocked.Decrement(ref reading) == 0)
                    {
                        allHaveRead.SetResult();
                    }

                    await allHaveRead.Task;
                }

                try
                {
                    await store.CommitAsync(new TurnCommit(null, [new(read.Document.Answered(question, $"answer to {question}"), read.ETag)]), CancellationToken.None);
                    return;
                }
                catch (ConcurrencyException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }

        await Task.WhenAll(questions.Select((question, i) => Task.Run(() => WriteAsync(stores[i % 2], question))));

        var after = (await stores[1].GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!.Document.Plan;
        Assert.Equal(questions.Order(), after.Answers.Keys.Order());
        Assert.All(questions, q => Assert.Equal($"answer to {q}", after.AnswerTo(q)?.Value.Text));
        Assert.Equal(20, after.Revision);
        Assert.True(conflicts >= 19, $"Only {conflicts} conflicts: the writers did not race.");
    }

    [Fact]
    public async Task A_database_locked_past_the_busy_timeout_makes_CommitAsync_report_the_store_unavailable_and_keeps_the_data()
    {
        const int busyTimeout = 200;
        var store = await OpenAsync(busyTimeout);
        var plan = await CreatePlanAsync(store);
        var before = (await store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        var change = (await store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        change.Document.Answered("features", "Instant refunds");

        StoreUnavailableException error;
        var waited = Stopwatch.StartNew();
        await using (var holder = await RawSqlite.OpenAsync(DatabasePath))
        {
            await holder.ExecuteAsync("BEGIN EXCLUSIVE");
            await holder.ExecuteAsync("UPDATE plans SET state = state");
            waited.Restart();
            error = await Assert.ThrowsAsync<StoreUnavailableException>(() =>
                store.CommitAsync(new TurnCommit(null, [change]), CancellationToken.None));
            waited.Stop();
            await holder.ExecuteAsync("ROLLBACK");
        }

        Assert.IsType<SqliteException>(error.InnerException);
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(busyTimeout * 0.75), TimeSpan.FromMilliseconds(999));
        var after = (await store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Null(after.Document.Plan.AnswerTo("features"));

        // Nothing was left half-done: the same change goes through once the lock is gone.
        await store.CommitAsync(new TurnCommit(null, [change]), CancellationToken.None);
        var saved = (await store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        Assert.Equal("Instant refunds", saved.Document.Plan.AnswerTo("features")?.Value.Text);
    }

    [Fact]
    public async Task A_writer_that_finishes_within_the_busy_timeout_is_waited_for()
    {
        var store = await OpenAsync(busyTimeoutMilliseconds: 10_000);
        var plan = await CreatePlanAsync(store);
        var change = (await store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        change.Document.Answered("features", "Instant refunds");

        await using var holder = await RawSqlite.OpenAsync(DatabasePath);
        await holder.ExecuteAsync("BEGIN EXCLUSIVE");
        var waited = Stopwatch.StartNew();
        var commit = Task.Run(() => store.CommitAsync(new TurnCommit(null, [change]), CancellationToken.None));
        await Task.Delay(300);
        Assert.False(commit.IsCompleted);
        await holder.ExecuteAsync("COMMIT");
        await commit;
        waited.Stop();

        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(250), $"The commit went through after {waited.Elapsed}, while the other writer held the lock.");
        var saved = (await store.GetPlanAsync(plan.TenantId, plan.Id, CancellationToken.None))!;
        Assert.Equal("Instant refunds", saved.Document.Plan.AnswerTo("features")?.Value.Text);
    }

    private static async Task<bool> Attempt(SqliteConversationStore store, Versioned<PlanDocument> plan)
    {
        await Task.Yield();
        try
        {
            await store.CommitAsync(new TurnCommit(null, [plan]), CancellationToken.None);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }

    private static async Task<Domain.Plans.Plan> CreatePlanAsync(SqliteConversationStore store)
    {
        var plan = StoreSamples.NewPlan(StoreSamples.NewTenant());
        await store.CommitAsync(new TurnCommit(null, [new(plan, null)]), CancellationToken.None);
        return plan.Plan;
    }

    private async Task<SqliteConversationStore> OpenAsync(int busyTimeoutMilliseconds = 5000)
    {
        var store = new SqliteConversationStore(new SqliteStoreOptions { Path = DatabasePath, BusyTimeoutMilliseconds = busyTimeoutMilliseconds });
        opened.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
