using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Slack;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// Redelivery storms: Teams retrying an activity, users double-clicking, Slack retrying an event.
/// Each is processed once: one reply, one stored answer, however many copies arrive and in whatever
/// order with new messages around them.
/// </summary>
public sealed class RedeliveryTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private static readonly Question[] Q = [.. PlanChecklist.Questions];

    private readonly TempDatabase database = new();
    private readonly TeamsUser owner = TeamsUser.Named("owner", "Dana Owner");
    private readonly TeamsConversation chat = TeamsConversation.Personal("owner");
    private FakeSlack slack = null!;

    public async Task InitializeAsync()
    {
        slack = await FakeSlack.StartAsync();
        slack.AddUser(SlackPayloads.Owner, "Alex Wilber");
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    public void Dispose() => database.Dispose();

    /// <summary>A valid answer to question <paramref name="i"/>, told apart from every other where the kind allows.</summary>
    private static string Answer(int i) => Q[i].Kind == AnswerKind.FreeText ? $"Answer {i}" : InterviewAnswers.For(Q[i]);

    [Fact]
    public async Task The_same_activity_ten_times_in_a_row_between_new_messages_is_processed_once()
    {
        var figures = new Figures(output, "Teams: one activity delivered 10 times in a row, new messages between");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        var repeated = TeamsActivities.Message(chat, owner, "Checkout v2");
        var repliesToRepeated = 0;
        var repliesToNew = new List<int>();

        repliesToRepeated += (await bot.StepAsync(repeated)).Count;
        for (var i = 1; i < 10; i++)
        {
            repliesToRepeated += (await bot.StepAsync(repeated)).Count;
            repliesToNew.Add((await bot.SayAsync(chat, owner, Answer(i))).Count);
        }

        var plan = (await host.PlanAsync(chat))!;
        var answered = plan.History.Count(e => e.What.StartsWith("Answered", StringComparison.Ordinal));
        figures.Add("deliveries of the repeated activity", 10);
        figures.Add("replies to it", repliesToRepeated);
        figures.Add("new messages between", repliesToNew.Count);
        figures.Add("replies to the new messages", repliesToNew.Sum());
        figures.Add("answers stored (expected 10)", answered);
        figures.Add("duplicates", repliesToRepeated - 1 + answered - 10);

        Assert.Equal(1, repliesToRepeated);
        Assert.All(repliesToNew, n => Assert.Equal(1, n));
        Assert.Equal("Checkout v2", plan.AnswerTo(Q[0].Id)?.Value.Text);
        for (var i = 1; i < 10; i++)
        {
            Assert.NotNull(plan.AnswerTo(Q[i].Id));
            if (Q[i].Kind == AnswerKind.FreeText)
            {
                Assert.Equal(Answer(i), plan.AnswerTo(Q[i].Id)!.Value.Text);
            }
        }

        Assert.Equal(10, answered);
    }

    [Fact]
    public async Task The_same_activity_ten_times_at_once_with_other_people_answering_is_processed_once()
    {
        var figures = new Figures(output, "Teams: one activity delivered 10 times at once, 2 other people answering meanwhile, 5 rounds");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        var others = ReleaseScenario.People("dev", 2);
        var otherChats = others.Select(o => TeamsConversation.Personal(o.Id[3..])).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            await bot.SayAsync(otherChats[i], others[i], "plan Contoso.Web 2.4");
        }

        const int rounds = 5;
        var sent = 0;
        var repliesToRepeated = new List<int>();
        var repliesToOthers = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            // The others each answer a question of section 7 or 8, away from the owner's.
            for (var i = 0; i < others.Count; i++)
            {
                await bot.SayAsync(otherChats[i], others[i], $"edit {7 + i}");
            }

            var repeated = TeamsActivities.Message(chat, owner, Answer(round));
            var before = bot.Connector.LastSequence;
            var copies = Enumerable.Range(0, 10).Select(_ => bot.PostAsync(repeated.DeepClone()));
            var news = others.Select((o, i) => bot.PostAsync(TeamsActivities.Message(otherChats[i], o, $"Answer from {o.Name} in round {round}")));
            var statuses = await Task.WhenAll(copies.Concat(news));
            sent += 10;
            Assert.All(statuses, s => Assert.Equal(System.Net.HttpStatusCode.OK, s.Status));
            var delivered = bot.Connector.Since(before);
            repliesToRepeated.Add(delivered.Count(d => d.ConversationId == chat.Id));
            repliesToOthers.Add(delivered.Count(d => d.ConversationId != chat.Id));
        }

        var plan = (await host.PlanAsync(chat))!;
        var ownerAnswers = plan.History.Count(e => e.By.SameAs(new Domain.Answers.PersonRef(owner.Id, owner.Name)) && e.What.StartsWith("Answered", StringComparison.Ordinal));
        figures.Add("copies sent", sent);
        figures.Add("replies to the copies (expected 5)", repliesToRepeated.Sum());
        figures.Add("replies to the others' new messages (expected 10)", repliesToOthers.Sum());
        figures.Add("owner answers stored (expected 5)", ownerAnswers);
        figures.Add("duplicates", repliesToRepeated.Sum() - rounds + ownerAnswers - rounds);

        Assert.All(repliesToRepeated, n => Assert.Equal(1, n));
        Assert.All(repliesToOthers, n => Assert.Equal(others.Count, n));
        Assert.Equal(rounds, ownerAnswers);
        for (var round = 0; round < rounds; round++)
        {
            Assert.NotNull(plan.AnswerTo(Q[round].Id));
        }
    }

    [Fact]
    public async Task An_activity_redelivered_after_the_conversation_moved_to_another_plan_changes_nothing()
    {
        var figures = new Figures(output, "Teams: an activity redelivered after the conversation switched plans");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        var answer = TeamsActivities.Message(chat, owner, "Checkout v2");
        Assert.Single(await bot.StepAsync(answer));

        // The user moves on to another release; then Teams' retry of the earlier answer arrives.
        Assert.Contains(Q[0].Text, Assert.Single(await bot.SayAsync(chat, owner, "plan Fabrikam.Shop 1.0")).Text, StringComparison.Ordinal);
        var late = await bot.StepAsync(answer);
        var other = await host.PlanAsync(chat, "Fabrikam.Shop", "1.0");
        var first = await host.PlanAsync(chat);

        figures.Add("replies to the late copy (expected 0)", late.Count);
        figures.Add("answers it put into the other plan (expected 0)", other!.Answers.Count);

        Assert.Empty(late);
        Assert.Empty(other.Answers);
        Assert.Equal("Checkout v2", first!.AnswerTo(Q[0].Id)?.Value.Text);
    }

    [Fact]
    public async Task An_activity_redelivered_after_the_plan_was_cancelled_gets_no_second_reply()
    {
        var figures = new Figures(output, "Teams: an activity redelivered after the conversation left its plan (cancel)");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        await bot.SayAsync(chat, owner, "plan Contoso.Web 2.4");
        var answer = TeamsActivities.Message(chat, owner, "Checkout v2");
        Assert.Single(await bot.StepAsync(answer));
        await bot.SayAsync(chat, owner, "cancel");

        var late = await bot.StepAsync(answer);

        figures.Add("replies to the late copy (expected 0)", late.Count);
        Assert.Empty(late);
    }

    [Fact]
    public async Task A_slack_event_retried_three_times_gets_one_reply_in_sequence_at_once_and_past_the_in_memory_window()
    {
        var figures = new Figures(output, "Slack: one event delivered with X-Slack-Retry-Num 1..3");
        var settings = SlackClient.Settings(slack);
        // The in-memory filter forgets at once, so the store's record of consumed events must do the work.
        settings["Slack:RecentEventWindow"] = "00:00:00.001";
        using var host = new ReliabilityHost(database.Path, new FaultyConnector(), settings);
        using var client = new SlackClient(host);
        var sent = 0;
        var posts = new List<int>();

        // 1. In sequence, each retry after the previous delivery was processed; new messages between.
        var envelope = SlackPayloads.Envelope(SlackPayloads.DirectMessage("plan Contoso.Web 2.4"));
        var before = slack.Messages().Count;
        for (var retry = 0; retry <= 3; retry++)
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.EventAsync(envelope, retry == 0 ? null : retry)).Status);
            sent++;
            await client.WhenIdleAsync();
            if (retry < 3)
            {
                await client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage("status")));
                await client.WhenIdleAsync();
            }
        }

        posts.Add(slack.Messages().Count - before - 3);

        // 2. All four at once.
        var answer = SlackPayloads.Envelope(SlackPayloads.DirectMessage("Checkout v2"));
        before = slack.Messages().Count;
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(retry => client.EventAsync(answer.DeepClone(), retry == 0 ? null : retry)));
        sent += answers.Length;
        await client.WhenIdleAsync();
        posts.Add(slack.Messages().Count - before);

        // 3. Retries long after, with the in-memory window long gone.
        await Task.Delay(50);
        before = slack.Messages().Count;
        for (var retry = 1; retry <= 3; retry++)
        {
            await client.EventAsync(answer, retry);
            sent++;
        }

        await client.WhenIdleAsync();
        posts.Add(slack.Messages().Count - before);
        var plan = await host.Store.FindPlanAsync("slack:" + SlackPayloads.TeamId, "Contoso.Web", "2.4", CancellationToken.None);

        figures.Add("deliveries sent (first + retries)", sent);
        figures.Add("replies: in sequence / at once / late (expected 1 / 1 / 0)", string.Join(" / ", posts));
        figures.Add("answers stored (expected 1)", plan!.Document.Plan.History.Count(e => e.What.StartsWith("Answered", StringComparison.Ordinal)));
        figures.Add("duplicates", posts[0] - 1 + posts[1] - 1 + posts[2]);

        Assert.Equal([1, 1, 0], posts);
        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.OK, a.Status));
        Assert.Equal("Checkout v2", plan.Document.Plan.AnswerTo(Q[0].Id)?.Value.Text);
        Assert.Single(plan.Document.Plan.History, e => e.What.StartsWith("Answered", StringComparison.Ordinal));
    }
}
