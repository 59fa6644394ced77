using System.Net;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Schema;
using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.Delivery;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Storage.Sqlite;

namespace PlanBot.Bench.Micro;

/// <summary>
/// The parts of one turn, each on its own: reading the activity, the whole turn without HTTP
/// (engine, SQLite, rendering, the outbound request built and handed to a stub), a store read
/// and a read-plus-write of a finished plan (about 17 KB of JSON), the plan document's JSON,
/// rendering the question and summary cards, and listing a tenant's 1,000 plans.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(MicroConfig))]
public class TurnBenchmarks : IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private const int PlansInListTenant = 1000;

    private readonly List<View> views = [];
    private string folder = null!;
    private SqliteStoreOptions storeOptions = null!;
    private SqliteConversationStore store = null!;
    private HttpClient http = null!;
    private BotFrameworkReplyChannel channel = null!;
    private TurnProcessor processor = null!;
    private byte[] answerActivity = null!;
    private ConversationRef conversation = null!;
    private string documentJson = null!;
    private byte[] documentUtf8 = null!;
    private PlanDocument document = null!;
    private View question = null!;
    private View summary = null!;
    private OwedReply reply = null!;
    private string listTenant = null!;
    private IReadOnlyList<Domain.Plans.Plan> listed = null!;
    private int interview;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Dispose()
    {
        store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        http.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Benchmark(Description = "activity: parse + map to a turn")]
    public Turn? ActivityParse()
    {
        var activity = JsonSerializer.Deserialize(answerActivity, BotFrameworkJsonContext.Default.Activity)!;
        return ActivityMapper.ToTurn(activity);
    }

    /// <summary>One whole interview per invocation, reported per turn: everything a POST does except Kestrel and sockets.</summary>
    [Benchmark(Description = "turn: engine + SQLite + render + send (no HTTP)", OperationsPerInvoke = 24)]
    public async Task TurnWithoutHttp()
    {
        // A tenant of its own: the similar-products look-up sees one plan, as in a small tenant.
        var n = Interlocked.Increment(ref interview);
        var tenant = $"micro-{Environment.ProcessId}-{n}";
        var id = $"a:micro-{n}";
        var user = BenchUser.For($"micro-{n}");
        var turn = 0;
        foreach (var text in Interview.Messages($"Bench{n}.Web"))
        {
            var activity = JsonSerializer.Deserialize(Interview.Activity(ServiceUrl, id, $"m-{n}-{turn++}", text, tenant, user), BotFrameworkJsonContext.Default.Activity)!;
            await processor.ProcessAsync(ActivityMapper.ToTurn(activity)!, channel, CancellationToken.None);
        }
    }

    [Benchmark(Description = "store: load conversation + plan")]
    public Task<ConversationSnapshot> StoreLoad() => store.LoadAsync(conversation, CancellationToken.None);

    [Benchmark(Description = "store: load + commit the plan")]
    public async Task StoreLoadAndCommit()
    {
        var snapshot = await store.LoadAsync(conversation, CancellationToken.None);
        await store.CommitAsync(new TurnCommit(null, [snapshot.ActivePlan!]), CancellationToken.None);
    }

    [Benchmark(Description = "plan document: deserialize from string")]
    public PlanDocument DocumentFromString() => JsonSerializer.Deserialize(documentJson, StateJsonContext.Default.PlanDocument)!;

    [Benchmark(Description = "plan document: deserialize from UTF-8")]
    public PlanDocument DocumentFromUtf8() => JsonSerializer.Deserialize(documentUtf8, StateJsonContext.Default.PlanDocument)!;

    [Benchmark(Description = "plan document: serialize to string")]
    public string DocumentToString() => JsonSerializer.Serialize(document, StateJsonContext.Default.PlanDocument);

    [Benchmark(Description = "card: render a question")]
    public RenderedReply RenderQuestion() => channel.Render(question, conversation);

    [Benchmark(Description = "card: render the plan summary")]
    public RenderedReply RenderSummary() => channel.Render(summary, conversation);

    [Benchmark(Description = "reply: build and send one card (stub handler)")]
    public Task<DeliveryReceipt> SendReply() => channel.SendAsync(conversation, reply, CancellationToken.None);

    [Benchmark(Description = "list: 1,000 plans of a tenant (cached)")]
    public Task<IReadOnlyList<Domain.Plans.Plan>> ListPlansCached() => store.ListPlansAsync(listTenant, null, CancellationToken.None);

    /// <summary>What the engine does with that list after section 1 of a product's first plan.</summary>
    [Benchmark(Description = "similar: rank 1,000 plans against one")]
    public IReadOnlyList<Domain.Reuse.SimilarPlan> RankSimilar() => Domain.Reuse.SimilarPlans.Rank(document.Plan, listed);

    [Benchmark(Description = "list: 1,000 plans of a tenant (parsed)")]
    public async Task<IReadOnlyList<Domain.Plans.Plan>> ListPlansParsed()
    {
        await using var cold = new SqliteConversationStore(storeOptions);
        return await cold.ListPlansAsync(listTenant, null, CancellationToken.None);
    }

    private async Task SetupAsync()
    {
        folder = Directory.CreateTempSubdirectory("planbot-micro-").FullName;
        storeOptions = new SqliteStoreOptions { Path = Path.Combine(folder, "planbot.db") };
        store = new SqliteConversationStore(storeOptions);
        await store.InitializeAsync(CancellationToken.None);
        http = new HttpClient(new StubConnector());
        var connector = new ConnectorClient(http, new ConversationPacer(TimeProvider.System, enabled: false));
        channel = new BotFrameworkReplyChannel(connector);
        var options = new EngineOptions();
        var engine = new PlanEngine(store, options, store, new TeamsPeopleDirectory(connector));
        processor = new TurnProcessor(store, engine, new DeliveryLedger(), options, TimeProvider.System, new PostRegistry(store, TimeProvider.System), NullLogger<TurnProcessor>.Instance);

        // One finished interview, its views recorded, gives the documents and views measured.
        var recording = new RecordingChannel(channel, views);
        const string Id = "a:micro-setup";
        var messages = Interview.Messages("Bench0.Web");
        var user = BenchUser.For("micro-setup");
        Turn? last = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var bytes = Interview.Activity(ServiceUrl, Id, $"setup-{i}", messages[i], Interview.TenantId, user);
            last = ActivityMapper.ToTurn(JsonSerializer.Deserialize(bytes, BotFrameworkJsonContext.Default.Activity)!)!;
            await processor.ProcessAsync(last, recording, CancellationToken.None);
            if (i == 5)
            {
                answerActivity = bytes;
            }
        }

        conversation = last!.Conversation;
        question = views.OfType<QuestionView>().Last();
        summary = views.OfType<PlanSummaryView>().Last();
        reply = new OwedReply(Guid.NewGuid().ToString("N"), channel.Render(question, conversation), DateTimeOffset.UtcNow, "micro", "setup-5");
        var snapshot = await store.LoadAsync(conversation, CancellationToken.None);
        document = snapshot.ActivePlan!.Document;
        documentJson = JsonSerializer.Serialize(document, StateJsonContext.Default.PlanDocument);
        documentUtf8 = Encoding.UTF8.GetBytes(documentJson);

        // A tenant with 1,000 finished plans, for the list (the similar-products look-up reads them all).
        listTenant = "msteams:micro-list";
        for (var i = 0; i < PlansInListTenant; i++)
        {
            var copy = JsonSerializer.Deserialize(documentJson, StateJsonContext.Default.PlanDocument)!;
            copy.Plan = copy.Plan with { Id = Guid.NewGuid().ToString("N"), TenantId = listTenant, Product = $"Micro{i}.Web" };
            await store.CommitAsync(new TurnCommit(null, [new Versioned<PlanDocument>(copy, null)]), CancellationToken.None);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        listed = await store.ListPlansAsync(listTenant, null, CancellationToken.None);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"// plan document: {documentUtf8.Length} bytes of JSON; {listed.Count} listed plans held in memory: {held / 1024.0 / 1024.0:0.0} MB");
    }

    /// <summary>Answers like the Connector: an id for a sent activity, 404 for a member look-up (a personal chat).</summary>
    private sealed class StubConnector : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.Method == HttpMethod.Get
                ? new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("""{"error":{"code":"MemberNotFoundInConversation","message":"not a member"}}""", Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"stub"}""", Encoding.UTF8, "application/json") });
    }

    private sealed class RecordingChannel(IReplyChannel inner, List<View> seen) : IReplyChannel
    {
        public RenderedReply Render(View view, ConversationRef where)
        {
            seen.Add(view);
            return inner.Render(view, where);
        }

        public Task<DeliveryReceipt> SendAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken) =>
            inner.SendAsync(to, reply, cancellationToken);
    }
}
