using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Storage.Cosmos.Tests.Hosts;
using PlanBot.Storage.Cosmos.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Hosting;

namespace PlanBot.Storage.Cosmos.Tests;

/// <summary>
/// Two host processes on different ports over one Cosmos database, as two App Service instances
/// would run: concurrent answers and approvals on one plan from both end with each present once.
/// </summary>
[Collection(CosmosCollection.Name)]
public sealed class MultiHostTests(CosmosFixture cosmos) : IAsyncLifetime
{
    private const string Tenant = "msteams:tenant-multi-host";

    /// <summary>How often each host looks for due reminders.</summary>
    private static readonly TimeSpan ScanInterval = TimeSpan.FromSeconds(1);

    /// <summary>Two host processes and a Cosmos server share a busy machine: what they do may take a while.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string database = CosmosFixture.NewDatabase();
    private FakeConnector connector = null!;
    private PlanBotProcess first = null!;
    private PlanBotProcess second = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Storage:Provider"] = "Cosmos",
            ["Storage:Cosmos:Endpoint"] = cosmos.Endpoint.ToString(),
            ["Storage:Cosmos:Key"] = CosmosFixture.LocalKey,
            ["Storage:Cosmos:Database"] = database,
            ["Storage:Cosmos:CreateIfMissing"] = "true",
            ["Storage:Cosmos:LimitToEndpoint"] = "true",
            ["Storage:Cosmos:AcceptAnyServerCertificate"] = "true",
            ["Storage:Cosmos:ConnectionMode"] = "Gateway",
            ["Engine:ReminderScanInterval"] = ScanInterval.ToString(),
        };
        first = await PlanBotProcess.StartAsync(PlanBotProcess.FreePort(), "unused.db", settings);
        second = await PlanBotProcess.StartAsync(PlanBotProcess.FreePort(), "unused.db", settings);
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await connector.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_answers_and_approvals_through_two_hosts_are_each_recorded_once()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var owner = new User("29:owner", "Dana Owner", "a:owner");
        await SayAsync(http, first, owner, "plan Contoso.Web 2.4");

        // Everyone joins the plan, alternating hosts, then all answer their own question at once.
        var questions = PlanChecklist.Questions.Where(q => q.Id != "approvers").ToList();
        var people = questions.Select((q, i) => (Question: q, User: new User($"29:dev{i}", $"Developer {i}", $"a:dev{i}"))).ToList();
        foreach (var (question, user) in people)
        {
            await SayAsync(http, HostFor(user), user, "plan Contoso.Web 2.4");
        }

        await Task.WhenAll(people.Select(async p =>
        {
            var section = SectionInfo.Of(p.Question.Section).Number;
            await SayAsync(http, HostFor(p.User), p.User, $"edit {section}");
            var inSection = PlanChecklist.In(p.Question.Section).ToList();
            for (var i = 0; i < inSection.Count; i++)
            {
                // Walk to this person's question, keeping what others answered.
                var text = inSection[i].Id == p.Question.Id ? Answer(p.Question) : "skip";
                await SayAsync(http, HostFor(p.User), p.User, text);
                if (inSection[i].Id == p.Question.Id)
                {
                    break;
                }
            }
        }));

        await SayAsync(http, second, owner, "edit 5");
        var approverA = new User("29:approver-a", "Approver A", "a:approver-a");
        var approverB = new User("29:approver-b", "Approver B", "a:approver-b");
        await SayAsync(http, second, owner, "<at>Approver A</at> <at>Approver B</at>", [approverA, approverB]);
        await SayAsync(http, first, owner, "quorum all");

        var store = await cosmos.OpenAsync(database);
        var plan = (await store.Store.FindPlanAsync(Tenant, "Contoso.Web", "2.4", CancellationToken.None))!.Document.Plan;
        Assert.DoesNotContain(connector.Bodies, b => b.Contains("did not get through", StringComparison.Ordinal) || b.Contains("not saved", StringComparison.Ordinal));
        Assert.All(PlanChecklist.Questions, q => Assert.NotNull(plan.AnswerTo(q.Id)));
        foreach (var (question, user) in people)
        {
            Assert.Equal(user.Id, plan.AnswerTo(question.Id)!.Provenance.AnsweredBy.Id);
        }

        // Submitting needs a release channel; put the plan in review through the store-side rule instead.
        // (The hosts record sent replies on the plan in the background, so this write retries on fresh data like theirs.)
        var revision = -1;
        for (var attempt = 0; revision < 0 && attempt < 10; attempt++)
        {
            var stored = (await store.Store.FindPlanAsync(Tenant, "Contoso.Web", "2.4", CancellationToken.None))!;
            stored.Document.Plan = stored.Document.Plan.Submit(plan.Owner, DateTimeOffset.UtcNow);
            try
            {
                await store.Store.CommitAsync(new Conversations.Ports.TurnCommit(null, [stored]), CancellationToken.None);
                revision = stored.Document.Plan.Revision;
            }
            catch (Conversations.Ports.ConcurrencyException)
            {
            }
        }


        // Both approvers click at once, each on a different host, twice (a double click).
        await Task.WhenAll(new[] { (approverA, first), (approverA, second), (approverB, second), (approverB, first) }
            .Select(click => InvokeAsync(http, click.Item2, click.Item1, plan.Id, revision)));

        var decided = (await store.Store.FindPlanAsync(Tenant, "Contoso.Web", "2.4", CancellationToken.None))!.Document.Plan;
        Assert.Equal(PlanState.Approved, decided.State);
        Assert.Single(decided.Decisions, d => d.Approver.Id == approverA.Id && !d.Stale);
        Assert.Single(decided.Decisions, d => d.Approver.Id == approverB.Id && !d.Stale);
    }

    [Fact]
    public async Task A_due_reminder_is_sent_once_by_two_host_processes_looking_every_second()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var owner = new User("29:owner", "Dana Owner", "a:owner-reminders");
        var megan = new User("29:megan", "Megan Bowen", "a:megan");
        await SayAsync(http, first, owner, "plan Contoso.Web 3.0");
        await SayAsync(http, second, owner, "assign 6 <at>Megan Bowen</at>", [megan]);
        var store = await cosmos.OpenAsync(database);
        await Eventually.TrueAsync(
            async () => (await store.Store.FindPlanAsync(Tenant, "Contoso.Web", "3.0", CancellationToken.None))!.Document.Posts.ContainsKey("assign:6"),
            "the assignment's message to Megan to be recorded on the plan",
            Patience);

        // A day passes: move the assignment back rather than wait (the hosts read the real clock).
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var stored = (await store.Store.FindPlanAsync(Tenant, "Contoso.Web", "3.0", CancellationToken.None))!;
            var document = stored.Document;
            document.Plan = document.Plan with { Assignments = [.. document.Plan.Assignments.Select(a => a with { At = a.At.AddDays(-1).AddMinutes(-1) })] };
            Conversations.Reminders.ReminderSchedule.Refresh(document, new Conversations.Engine.EngineOptions());
            try
            {
                await store.Store.CommitAsync(new Conversations.Ports.TurnCommit(null, [stored]), CancellationToken.None);
                break;
            }
            catch (Conversations.Ports.ConcurrencyException)
            {
                // A host recorded a sent reply on the plan meanwhile: apply to the fresh copy.
            }
        }

        static bool IsReminder(string body) => body.Contains("Reminder: Dana Owner asked you", StringComparison.Ordinal);
        await Eventually.TrueAsync(() => connector.Bodies.Any(IsReminder), "a host to send the reminder", Patience);
        // Nothing outside a host marks its looking, so watch while both look three more times.
        await Consistently.TrueAsync(() => connector.Bodies.Count(IsReminder) == 1, "one reminder, not two", 3 * ScanInterval);

        Assert.Single(connector.Bodies, IsReminder);
        Assert.Equal(1, (await store.Store.FindPlanAsync(Tenant, "Contoso.Web", "3.0", CancellationToken.None))!.Document.Reminders.Values.Single().Count);
    }

    private PlanBotProcess HostFor(User user) => user.Id.GetHashCode(StringComparison.Ordinal) % 2 == 0 ? first : second;

    private static string Answer(Question question) => question.Kind switch
    {
        AnswerKind.Date => DateTime.UtcNow.Date.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        AnswerKind.DateTimeWindow => $"{DateTime.UtcNow.Date.AddDays(50):yyyy-MM-dd} 22:00 to 23:30",
        AnswerKind.People => "dev@contoso.com",
        AnswerKind.YesNoWithDetail => "Yes, a short session",
        _ => $"Answer to {question.Id}",
    };

    private async Task SayAsync(HttpClient http, PlanBotProcess host, User user, string text, IReadOnlyList<User>? mentions = null)
    {
        var activity = Activity(user, "message");
        activity["text"] = text;
        if (mentions is not null)
        {
            activity["entities"] = new JsonArray(mentions.Select(m => (JsonNode)new JsonObject
            {
                ["type"] = "mention",
                ["text"] = $"<at>{m.Name}</at>",
                ["mentioned"] = new JsonObject { ["id"] = m.Id, ["name"] = m.Name },
            }).ToArray());
        }

        using var response = await http.PostAsJsonAsync(host.Endpoint, activity);
        response.EnsureSuccessStatusCode();
    }

    private async Task InvokeAsync(HttpClient http, PlanBotProcess host, User user, string planId, int revision)
    {
        var activity = Activity(user, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "approve", ["data"] = new JsonObject { ["planId"] = planId, ["revision"] = revision } },
            ["trigger"] = "manual",
        };
        using var response = await http.PostAsJsonAsync(host.Endpoint, activity);
        response.EnsureSuccessStatusCode();
    }

    private JsonObject Activity(User user, string type) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl.ToString(),
        ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name },
        ["recipient"] = new JsonObject { ["id"] = "28:planbot", ["name"] = "PlanBot" },
        ["conversation"] = new JsonObject { ["id"] = user.Chat, ["conversationType"] = "personal" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-multi-host" } },
    };

    private sealed record User(string Id, string Name, string Chat);
}
