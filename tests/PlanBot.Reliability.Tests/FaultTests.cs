using System.Diagnostics;
using System.Net;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// Faults around a turn: the store refusing writes, the Connector throttling, failing, timing out or
/// dropping the connection, and the host dying between the commit and the send. The user is told
/// plainly, nothing is half-saved, no answer is lost, and a reply that never went out is shown on
/// the user's next message, once.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output) : IDisposable
{
    private const string NotSaved = "Nothing of your last message was saved";

    private static readonly Question[] Q = [.. PlanChecklist.Questions];

    private readonly TempDatabase database = new();
    private readonly TeamsUser owner = TeamsUser.Named("owner", "Dana Owner");
    private readonly TeamsConversation chat = TeamsConversation.Personal("owner");

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_store_locked_beyond_its_busy_timeout_says_not_saved_keeps_nothing_half_saved_and_works_once_unlocked()
    {
        var figures = new Figures(output, "Store locked by another writer (BEGIN EXCLUSIVE) beyond Storage:Sqlite:BusyTimeoutMilliseconds=250");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector(), new Dictionary<string, string?> { ["Storage:Sqlite:BusyTimeoutMilliseconds"] = "250" });
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        await bot.SayAsync(chat, owner, "Checkout v2");
        var before = RawDatabase.Rows(database.Path);
        var revision = (await host.PlanAsync(chat))!.Revision;

        var answer = TeamsActivities.Message(chat, owner, "Saved carts are what users asked for");
        var during = new List<IReadOnlyList<Delivery>>();
        var clock = Stopwatch.StartNew();
        await using (await RawDatabase.LockAsync(database.Path))
        {
            during.Add(await bot.StepAsync(answer));
            during.Add(await bot.SayAsync(chat, owner, "status"));
            during.Add(await bot.SayAsync(chat, owner, "skip"));
            during.Add(await bot.SayAsync(chat, owner, "edit risks"));
        }

        var perTurn = clock.Elapsed / during.Count;
        var unchanged = RawDatabase.Rows(database.Path) == before;

        // Once unlocked: Teams' retry of the very activity that failed is taken, and the user's next message works.
        var retried = await bot.StepAsync(answer);
        var next = await bot.SayAsync(chat, owner, "status");
        var plan = (await host.PlanAsync(chat))!;

        figures.Add("turns while locked", during.Count);
        figures.Add("'not saved' replies while locked", during.Count(d => d.Count == 1 && d[0].Text.Contains(NotSaved, StringComparison.Ordinal)));
        figures.Add("rows changed while locked", unchanged ? 0 : 1);
        figures.Add("mean time to the 'not saved' reply (ms)", (int)perTurn.TotalMilliseconds);
        figures.Add("retried activity after unlock", retried.Count == 1 && retried[0].Text.Contains("Saved.", StringComparison.Ordinal) ? "saved, one reply" : $"{retried.Count} replies");
        figures.Add("answers lost", Q.Take(2).Count(q => plan.AnswerTo(q.Id) is null));

        Assert.All(during, d => Assert.Contains(NotSaved, Assert.Single(d).Text, StringComparison.Ordinal));
        Assert.True(unchanged, "a turn that was told 'not saved' changed the stored plan or conversation");
        Assert.Contains("Saved.", Assert.Single(retried).Text, StringComparison.Ordinal);
        Assert.Contains(Q[2].Text, retried[0].Text, StringComparison.Ordinal);
        Assert.Contains($"2 of {PlanChecklist.Count}", Assert.Single(next).Text, StringComparison.Ordinal);
        Assert.Equal(("Checkout v2", "Saved carts are what users asked for"), (plan.AnswerTo(Q[0].Id)?.Value.Text, plan.AnswerTo(Q[1].Id)?.Value.Text));
        Assert.Equal(revision + 1, plan.Revision);
        Assert.Single(plan.History, e => e.What.Contains(Q[1].Text, StringComparison.Ordinal));
    }

    public static TheoryData<string> ConnectorFaults => new(FaultCase.All.Keys);

    [Theory]
    [MemberData(nameof(ConnectorFaults))]
    public async Task Connector_faults_are_retried_within_bounds_and_a_reply_that_never_went_out_is_shown_on_the_next_message_once(string name)
    {
        var fault = FaultCase.All[name];
        var figures = new Figures(output, $"Connector fault: {name}");
        var connector = new FaultyConnector();
        using var host = new ReliabilityHost(database.Path, connector, connectorTimeout: TimeSpan.FromSeconds(1));
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");

        foreach (var f in fault.Faults)
        {
            connector.Faults.Enqueue(f);
        }

        var attemptsBefore = connector.Attempts;
        var clock = Stopwatch.StartNew();
        var first = await bot.SayAsync(chat, owner, "Checkout v2");
        var firstTime = clock.Elapsed;
        var attempts = connector.Attempts - attemptsBefore;
        var second = await bot.SayAsync(chat, owner, "Saved carts");
        var third = await bot.SayAsync(chat, owner, "status");
        var plan = (await host.PlanAsync(chat))!;
        var all = first.Concat(second).Concat(third).ToList();
        var askedSecond = all.Count(d => d.Text.Contains(Q[1].Text, StringComparison.Ordinal));

        figures.Add("faults injected", fault.Faults.Length);
        figures.Add("attempts in the faulty turn", attempts);
        figures.Add("faulty turn took (ms)", (int)firstTime.TotalMilliseconds);
        figures.Add("its reply went out", first.Count == 1 ? "in the turn" : second.Count == 2 ? "on the next message" : $"{first.Count}/{second.Count} replies");
        figures.Add("times that reply was shown", askedSecond);
        figures.Add("answers lost", Q.Take(2).Count(q => plan.AnswerTo(q.Id) is null));

        Assert.True(attempts <= 4, $"{attempts} attempts for one send; the bound is BotFramework:Connector:MaxAttempts = 4");
        Assert.Equal(("Checkout v2", "Saved carts"), (plan.AnswerTo(Q[0].Id)?.Value.Text, plan.AnswerTo(Q[1].Id)?.Value.Text));
        Assert.Equal(1, askedSecond);
        if (fault.DeliveredInTurn)
        {
            Assert.Contains(Q[1].Text, Assert.Single(first).Text, StringComparison.Ordinal);
            Assert.Contains(Q[2].Text, Assert.Single(second).Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(first);
            // The owed reply first, then the answer to the new message: the order the user would have seen.
            Assert.Equal(2, second.Count);
            Assert.Contains(Q[1].Text, second[0].Text, StringComparison.Ordinal);
            Assert.Contains(Q[2].Text, second[1].Text, StringComparison.Ordinal);
        }

        Assert.Contains($"2 of {PlanChecklist.Count}", Assert.Single(third).Text, StringComparison.Ordinal);
        if (fault.MinimumTime is { } minimum)
        {
            Assert.True(firstTime >= minimum, $"Retry-After was not honoured: the turn took {firstTime}");
        }
    }

    [Fact]
    public async Task A_host_that_dies_between_the_commit_and_the_send_owes_the_reply_and_the_next_turn_sends_it_once()
    {
        var figures = new Figures(output, "Host dies between commit and send (same host recovers)");
        var connector = new FaultyConnector();
        using var host = new ReliabilityHost(database.Path, connector);
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");

        connector.FailEverySend = true;
        var lost = await bot.SayAsync(chat, owner, "Checkout v2");
        connector.FailEverySend = false;
        var next = await bot.SayAsync(chat, owner, "Saved carts");
        var after = await bot.SayAsync(chat, owner, "status");
        var plan = (await host.PlanAsync(chat))!;

        figures.Add("replies delivered in the dying turn", lost.Count);
        figures.Add("replies on the next message", string.Join(" + ", next.Select(d => Describe(d.Text))));
        figures.Add("times the owed reply was shown", next.Concat(after).Count(d => d.Text.Contains(Q[1].Text, StringComparison.Ordinal)));
        figures.Add("answers lost", Q.Take(2).Count(q => plan.AnswerTo(q.Id) is null));

        Assert.Empty(lost);
        Assert.Equal(2, next.Count);
        Assert.Contains(Q[1].Text, next[0].Text, StringComparison.Ordinal);
        Assert.Contains(Q[2].Text, next[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Q[1].Text, Assert.Single(after).Text, StringComparison.Ordinal);
        Assert.Equal("Checkout v2", plan.AnswerTo(Q[0].Id)?.Value.Text);
    }

    [Fact]
    public async Task A_restarted_host_sends_the_reply_its_predecessor_committed_but_never_sent_once()
    {
        var figures = new Figures(output, "Host killed between commit and send, then restarted");
        var settings = new Dictionary<string, string?> { ["Engine:OwedReplyGrace"] = "00:00:00.200" };
        var connector = new FaultyConnector();
        using (var dying = new ReliabilityHost(database.Path, connector, settings))
        {
            using var bot = dying.NewClient();
            await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
            connector.FailEverySend = true;
            Assert.Empty(await bot.SayAsync(chat, owner, "Checkout v2"));
        }

        connector.FailEverySend = false;
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        using var restarted = new ReliabilityHost(database.Path, connector, settings);
        using var resumed = restarted.NewClient();
        var next = await resumed.SayAsync(chat, owner, "Saved carts");
        var after = await resumed.SayAsync(chat, owner, "status");

        figures.Add("replies on the first message to the new host", string.Join(" + ", next.Select(d => Describe(d.Text))));
        figures.Add("times the owed reply was shown", next.Concat(after).Count(d => d.Text.Contains(Q[1].Text, StringComparison.Ordinal)));

        Assert.Equal(2, next.Count);
        Assert.Contains(Q[1].Text, next[0].Text, StringComparison.Ordinal);
        Assert.Contains(Q[2].Text, next[1].Text, StringComparison.Ordinal);
        Assert.Contains($"2 of {PlanChecklist.Count}", Assert.Single(after).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_retrying_an_activity_whose_reply_never_went_out_gets_that_reply_once_and_nothing_is_saved_twice()
    {
        var figures = new Figures(output, "Teams retries the activity whose reply was lost");
        var connector = new FaultyConnector();
        using var host = new ReliabilityHost(database.Path, connector);
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        var answer = TeamsActivities.Message(chat, owner, "Checkout v2");

        connector.FailEverySend = true;
        Assert.Empty(await bot.StepAsync(answer));
        connector.FailEverySend = false;
        var retried = await bot.StepAsync(answer);
        var again = await bot.StepAsync(answer);
        var plan = (await host.PlanAsync(chat))!;

        figures.Add("replies to the retry", retried.Count);
        figures.Add("replies to a second retry", again.Count);
        figures.Add("times the answer was saved", plan.History.Count(e => e.What.Contains(Q[0].Text, StringComparison.Ordinal)));

        Assert.Contains(Q[1].Text, Assert.Single(retried).Text, StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Single(plan.History, e => e.What.Contains(Q[0].Text, StringComparison.Ordinal));
        Assert.Equal("Checkout v2", plan.AnswerTo(Q[0].Id)?.Value.Text);
    }

    private static string Describe(string text)
    {
        var question = PlanChecklist.Questions.FirstOrDefault(q => text.Contains(q.Text, StringComparison.Ordinal));
        return question is null ? $"\"{text.ReplaceLineEndings(" ")[..Math.Min(40, text.Length)]}…\"" : $"question '{question.Id}'";
    }

    /// <summary>A Connector failure pattern and whether the turn's own retries get the reply through.</summary>
    private sealed record FaultCase(ConnectorFault[] Faults, bool DeliveredInTurn, TimeSpan? MinimumTime = null)
    {
        public static readonly Dictionary<string, FaultCase> All = new()
        {
            ["429 with Retry-After 1 s, twice"] = new([ConnectorFault.Status(HttpStatusCode.TooManyRequests, 1), ConnectorFault.Status(HttpStatusCode.TooManyRequests, 1)], true, TimeSpan.FromSeconds(2)),
            ["503 three times"] = new([.. Enumerable.Repeat(ConnectorFault.Status(HttpStatusCode.ServiceUnavailable), 3)], true),
            ["502 then 504"] = new([ConnectorFault.Status(HttpStatusCode.BadGateway), ConnectorFault.Status(HttpStatusCode.GatewayTimeout)], true),
            ["412 once"] = new([ConnectorFault.Status(HttpStatusCode.PreconditionFailed)], true),
            ["connection reset three times"] = new([.. Enumerable.Repeat(ConnectorFault.Reset(), 3)], true),
            ["429 four times (retries exhausted)"] = new([.. Enumerable.Repeat(ConnectorFault.Status(HttpStatusCode.TooManyRequests), 4)], false),
            ["503 four times (retries exhausted)"] = new([.. Enumerable.Repeat(ConnectorFault.Status(HttpStatusCode.ServiceUnavailable), 4)], false),
            ["500 once (not a retried status)"] = new([ConnectorFault.Status(HttpStatusCode.InternalServerError)], false),
            ["connection reset four times (retries exhausted)"] = new([.. Enumerable.Repeat(ConnectorFault.Reset(), 4)], false),
            ["no answer until the 1 s client timeout"] = new([ConnectorFault.Silence()], false),
        };
    }
}
