using System.Diagnostics;
using System.Net;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Reliability.Tests.Infrastructure;
using PlanBot.Testing;

namespace PlanBot.Reliability.Tests;

/// <summary>
/// Writers racing on one plan document over the real host and SQLite: twenty people answering at
/// once, every approver clicking at once, and an edit racing an approval.
/// </summary>
public sealed class RaceTests(ITestOutputHelper output) : IDisposable
{
    private const int CommitConflictEvent = 1002;
    private const int CommitGaveUpEvent = 1003;

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Twenty_people_answering_one_plan_at_once_lose_no_answer()
    {
        var figures = new Figures(output, "Race: 20 people (20 conversations) answer 20 questions of one plan at once, 3 rounds");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        var questions = PlanChecklist.Questions.Where(q => q.Id != Plan.ApproversQuestion).Take(20).ToList();
        var people = ReleaseScenario.People("person", questions.Count);
        var chats = people.Select(p => TeamsConversation.Personal(p.Id[3..])).ToList();
        for (var i = 0; i < people.Count; i++)
        {
            await bot.SayAsync(chats[i], people[i], "plan Contoso.Web 2.4");
        }

        const int rounds = 3;
        var lost = 0;
        var refused = 0;
        var slowest = TimeSpan.Zero;
        for (var round = 1; round <= rounds; round++)
        {
            for (var i = 0; i < people.Count; i++)
            {
                await MoveToAsync(bot, chats[i], people[i], questions[i]);
            }

            var answers = questions.Select((q, i) => q.Kind == AnswerKind.FreeText ? $"Round {round}: answer of {people[i].Name}" : InterviewAnswers.For(q)).ToList();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var clock = Stopwatch.StartNew();
            var racing = people.Select(async (person, i) =>
            {
                await start.Task;
                return await bot.PostAsync(TeamsActivities.Message(chats[i], person, answers[i]));
            }).ToList();
            var before = bot.Connector.LastSequence;
            start.SetResult();
            var statuses = await Task.WhenAll(racing);
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s.Status));

            var delivered = bot.Connector.Since(before);
            refused += delivered.Count(d => d.Text.Contains("did not get through", StringComparison.Ordinal));
            var plan = (await host.PlanAsync(chats[0]))!;
            for (var i = 0; i < questions.Count; i++)
            {
                var stored = plan.AnswerTo(questions[i].Id);
                var landed = stored is not null && stored.Provenance.AnsweredBy.Id == people[i].Id
                    && (questions[i].Kind != AnswerKind.FreeText || stored.Value.Text == answers[i]);
                lost += landed ? 0 : 1;
                Assert.Contains("Saved.", Assert.Single(delivered, d => d.ConversationId == chats[i].Id).Text, StringComparison.Ordinal);
            }
        }

        figures.Add("racing writers per round", questions.Count);
        figures.Add("answers sent", questions.Count * rounds);
        figures.Add("answers lost", lost);
        figures.Add("'send it again' replies (gave up after Engine:MaxCommitAttempts)", refused);
        figures.Add("write conflicts re-run on fresh data", host.Logs.Count(CommitConflictEvent));
        figures.Add("most conflicts one turn met (Engine:MaxCommitAttempts = 10)", MostConflicts(host.Logs));
        figures.Add("turns that gave up", host.Logs.Count(CommitGaveUpEvent));
        figures.Add("slowest round (ms)", (int)slowest.TotalMilliseconds);

        Assert.Equal(0, lost);
        Assert.Equal(0, refused);
    }

    [Fact]
    public async Task Every_approver_clicking_approve_at_once_twice_each_is_recorded_once_each()
    {
        var figures = new Figures(output, "Race: 5 approvers click Approve at once, each twice (double-click), 2 non-approvers click too");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        var scenario = new ReleaseScenario(host, bot);
        var approvers = ReleaseScenario.People("approver", 5);
        var outsiders = ReleaseScenario.People("outsider", 2);
        await scenario.SetReleaseChannelAsync();
        await scenario.DraftAsync(approvers);
        await bot.SayAsync(scenario.OwnerChat, scenario.Owner, "quorum all");
        var (submitted, thread) = await scenario.SubmitAsync();

        var before = bot.Connector.LastSequence;
        var clicks = approvers.Concat(approvers).Concat(outsiders)
            .Select(person => bot.PostAsync(TeamsActivities.Decide(thread, person, submitted.Id, submitted.Revision)))
            .ToList();
        var responses = await Task.WhenAll(clicks);
        var delivered = bot.Connector.Since(before);
        var plan = await scenario.PlanAsync();
        var live = plan.Decisions.Where(d => !d.Stale).ToList();

        figures.Add("clicks sent", responses.Length);
        figures.Add("decisions recorded (expected 5)", plan.Decisions.Count);
        figures.Add("approvers recorded twice", live.GroupBy(d => d.Approver.Id).Count(g => g.Count() > 1));
        figures.Add("non-approvers recorded", plan.Decisions.Count(d => outsiders.Any(o => o.Id == d.Approver.Id)));
        var inThread = delivered.Where(d => d.ConversationId == thread.Id).ToList();
        figures.Add("'approved revision' notices in the thread (expected 5)", inThread.Count(d => !d.IsUpdate && d.Text.Contains("approved revision", StringComparison.Ordinal)));
        figures.Add("'approved revision' messages to the owner elsewhere (expected 5)", delivered.Except(inThread).Count(d => !d.IsNewThread && d.Text.Contains("approved revision", StringComparison.Ordinal)));
        figures.Add("final state", plan.State);
        figures.Add("write conflicts re-run on fresh data", host.Logs.Count(CommitConflictEvent));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(PlanState.Approved, plan.State);
        Assert.Equal(approvers.Count, plan.Decisions.Count);
        Assert.Equal(approvers.Select(a => a.Id).Order(), live.Select(d => d.Approver.Id).Order());
        Assert.All(live, d => Assert.Equal((Verdict.Approve, submitted.Revision), (d.Verdict, d.Revision)));
        Assert.Equal(approvers.Count, plan.History.Count(e => e.What == $"Approved revision {submitted.Revision}"));
        Assert.Equal(approvers.Count, inThread.Count(d => !d.IsUpdate && d.Text.Contains("approved revision", StringComparison.Ordinal)));
        Assert.Equal(approvers.Count, delivered.Except(inThread).Count(d => !d.IsNewThread && d.Text.Contains("approved revision", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_edit_racing_an_approval_never_lets_the_approval_count_for_content_it_did_not_see()
    {
        var figures = new Figures(output, "Race: the owner's edit against the approver's click on the card, 12 rounds");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        var scenario = new ReleaseScenario(host, bot);
        var approver = ReleaseScenario.People("approver", 1)[0];
        var (submitted, thread) = await scenario.InReviewAsync([approver]);

        const int rounds = 12;
        var clicked = new HashSet<int>();
        var countedThenStale = 0;
        var refusedAsChanged = 0;
        var wrongRevision = 0;
        for (var round = 0; round < rounds; round++)
        {
            var shown = (await scenario.PlanAsync()).Revision;
            clicked.Add(shown);
            await bot.SayAsync(scenario.OwnerChat, scenario.Owner, "edit risks");
            var edit = TeamsActivities.Message(scenario.OwnerChat, scenario.Owner, $"A risk found in round {round}");
            var approve = TeamsActivities.Decide(thread, approver, submitted.Id, shown);

            // Alternate who gets a head start, so both orders happen.
            var headStart = TimeSpan.FromMilliseconds(round % 3 * 2);
            var editing = Task.Run(async () => { await Task.Delay(round % 2 == 0 ? headStart : TimeSpan.Zero); return await bot.PostAsync(edit); });
            var approving = Task.Run(async () => { await Task.Delay(round % 2 == 1 ? headStart : TimeSpan.Zero); return await bot.PostAsync(approve); });
            await Task.WhenAll(editing, approving);
            var answer = (await approving).Body;

            var plan = await scenario.PlanAsync();
            wrongRevision += plan.Decisions.Count(d => !clicked.Contains(d.Revision));
            Assert.All(plan.Decisions.Where(d => !d.Stale), d => Assert.Equal(plan.Revision, d.Revision));
            Assert.Equal(shown + 1, plan.Revision);
            Assert.Equal(PlanState.InReview, plan.State);
            if (plan.Decisions.Any(d => d.Revision == shown))
            {
                countedThenStale++;
                Assert.Contains($"approved revision {shown}", answer, StringComparison.Ordinal);
                Assert.All(plan.Decisions, d => Assert.True(d.Stale));
            }
            else
            {
                refusedAsChanged++;
                Assert.Contains("changed since this was shown", answer, StringComparison.Ordinal);
            }
        }

        figures.Add("rounds", rounds);
        figures.Add("approval counted on the old revision, then stale", countedThenStale);
        figures.Add("approval refused for the changed revision", refusedAsChanged);
        figures.Add("approvals recorded against content not shown", wrongRevision);

        Assert.Equal(0, wrongRevision);
    }

    [Fact]
    public async Task An_edit_racing_a_typed_approval_never_lets_it_count_for_content_its_approver_was_not_shown()
    {
        var figures = new Figures(output, "Race: the owner's edit against the approver typing approve after `status`, 12 rounds");
        using var host = new ReliabilityHost(database.Path, new FaultyConnector());
        using var bot = host.NewClient();
        var scenario = new ReleaseScenario(host, bot);
        var approver = ReleaseScenario.People("approver", 1)[0];
        await scenario.InReviewAsync([approver]);
        var approverChat = TeamsConversation.Personal("approver-chat");
        await bot.SayAsync(approverChat, approver, $"plan {scenario.Product} {ReleaseScenario.Version}");

        const int rounds = 12;
        var counted = 0;
        var shownAgain = 0;
        var wrongRevision = 0;
        for (var round = 0; round < rounds; round++)
        {
            // The approver looks at the plan: this is the revision a typed decision refers to.
            await bot.SayAsync(approverChat, approver, "status");
            var looked = await scenario.PlanAsync();
            var shown = looked.Revision;
            await bot.SayAsync(scenario.OwnerChat, scenario.Owner, "edit risks");
            var edit = TeamsActivities.Message(scenario.OwnerChat, scenario.Owner, $"A risk found in round {round}");
            var approve = TeamsActivities.Message(approverChat, approver, "approve");

            var headStart = TimeSpan.FromMilliseconds(round % 3 * 2);
            var editing = Task.Run(async () => { await Task.Delay(round % 2 == 0 ? headStart : TimeSpan.Zero); return await bot.PostAsync(edit); });
            var approving = Task.Run(async () => { await Task.Delay(round % 2 == 1 ? headStart : TimeSpan.Zero); return await bot.PostAsync(approve); });
            await Task.WhenAll(editing, approving);

            var plan = await scenario.PlanAsync();
            var recorded = plan.Decisions.Skip(looked.Decisions.Count).ToList();
            wrongRevision += recorded.Count(d => d.Revision != shown);
            Assert.Equal(shown + 1, plan.Revision);
            Assert.All(plan.Decisions, d => Assert.True(d.Stale));
            if (recorded.Count > 0)
            {
                counted++;
            }
            else
            {
                shownAgain++;
            }
        }

        figures.Add("rounds", rounds);
        figures.Add("approval counted on the revision shown, then stale after the edit", counted);
        figures.Add("approval not recorded: the change shown instead", shownAgain);
        figures.Add("approvals recorded against a revision not shown", wrongRevision);

        Assert.Equal(0, wrongRevision);
        Assert.True(shownAgain > 0, "No round had the edit land first; the race was not exercised.");
    }

    /// <summary>The highest attempt number in the "write conflict" log lines: how close a turn came to giving up.</summary>
    private static int MostConflicts(LogSink logs) =>
        logs.Entries.Where(e => e.EventId.Id == CommitConflictEvent)
            .Select(e => System.Text.RegularExpressions.Regex.Match(e.Values, @"Attempt=(\d+)"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>Puts the conversation on <paramref name="question"/>: edit its section, then skip to it.</summary>
    private static async Task MoveToAsync(TeamsClient bot, TeamsConversation chat, TeamsUser person, Question question)
    {
        var section = SectionInfo.Of(question.Section);
        var inSection = PlanChecklist.In(question.Section).ToList();
        var replies = await bot.SayAsync(chat, person, $"edit {section.Number}");
        for (var skip = 0; skip < inSection.IndexOf(question); skip++)
        {
            replies = await bot.SayAsync(chat, person, "skip");
        }

        Assert.Contains(question.Text, Assert.Single(replies).Text, StringComparison.Ordinal);
    }
}
