using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PlanBot.BotFramework.Connector;
using PlanBot.Conversations.Ports;
using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Plans;
using PlanBot.Gates.GitHub;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Gates.Tests.Infrastructure;

/// <summary>
/// The real host (real SQLite file, real pipeline, its gate sender running) with the Bot Connector
/// replaced by a recorder and its clock by one the test moves. Alex Wilber is the tenant's release
/// admin and an approver; Dana Owner owns the plans. Chat goes through <c>/api/messages</c> as Teams
/// posts it; plans are put in the store in the state a test starts from.
/// </summary>
public sealed partial class GatesHost : WebApplicationFactory<Program>
{
    public const string TeamsTenant = "msteams:" + Activities.TenantId;

    /// <summary>Alex as the Teams adapter reads him from <see cref="Activities"/>.</summary>
    public static readonly PersonRef Alex = new("29:alex", "Alex Wilber", AadObjectId: "7faf8ab2-3d56-4244-b585-20c8a42ed2b8");

    private readonly TempDatabase database = new();
    private readonly Dictionary<string, string?> settings;
    private readonly X509Certificate2? trusted;
    private readonly Activities alexChat = new("a:personal-alex", Alex.Id, Alex.Name);
    private readonly Activities danaChat = new("a:personal-dana", People.Owner.Id, People.Owner.Name);
    private int plans;

    public GatesHost(IDictionary<string, string?>? settings = null, X509Certificate2? trustedCertificate = null, FakeTimeProvider? clock = null)
    {
        Clock = clock ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
        this.settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Gates:ScanInterval"] = "00:00:00.200",
            ["Gates:RetryDelay"] = "00:00:00.100",
            ["Gates:AzureDevOpsHosts:0"] = "127.0.0.1",
        };
        trusted = trustedCertificate;
    }

    public RecordingConnector Connector { get; } = new();

    /// <summary>What the host logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    public FakeTimeProvider Clock { get; }

    public IConversationStore Store => Services.GetRequiredService<IConversationStore>();

    public ITenantStore Tenants => Services.GetRequiredService<ITenantStore>();

    /// <summary>Makes Alex the tenant's release admin, as installing the bot would.</summary>
    public async Task MakeAlexAdminAsync()
    {
        var tenant = new TenantDocument { TenantId = TeamsTenant };
        tenant.ReleaseAdmins.Add(Alex);
        await Tenants.SaveTenantAsync(new Versioned<TenantDocument>(tenant, null), CancellationToken.None);
    }

    /// <summary>Alex types <paramref name="text"/> in his personal chat with the bot; returns what the bot sent in that turn.</summary>
    public Task<IReadOnlyList<RecordedCall>> AlexSaysAsync(string text) => SayAsync(alexChat.Message(text));

    /// <summary>Dana, the plans' owner, types <paramref name="text"/> in her personal chat with the bot.</summary>
    public Task<IReadOnlyList<RecordedCall>> DanaSaysAsync(string text)
    {
        var message = danaChat.Message(text);
        message["from"]!["aadObjectId"] = People.Owner.AadObjectId;
        return SayAsync(message);
    }

    /// <summary>
    /// Alex decides on the plan from his personal chat, as an approver does: opens it, and approves
    /// or rejects the revision he was shown (a first decision typed on a revision not yet shown to
    /// him shows it instead, so he types it again).
    /// </summary>
    public async Task AlexDecidesAsync(string planId, string decision, string release = "Contoso.Web 2.4")
    {
        await AlexSaysAsync($"plan {release}");
        var before = (await PlanAsync(planId)).Decisions.Count;
        await AlexSaysAsync(decision);
        if ((await PlanAsync(planId)).Decisions.Count == before)
        {
            await AlexSaysAsync(decision);
        }

        Assert.True((await PlanAsync(planId)).Decisions.Count > before, $"Alex's `{decision}` was not recorded.");
    }

    /// <summary>Alex makes a gate key with <c>gate key</c>; returns the key as the personal chat showed it.</summary>
    public async Task<string> MakeGateKeyAsync()
    {
        var calls = await AlexSaysAsync("gate key");
        var shown = calls.Select(c => c.Text ?? string.Empty).Select(t => GateKeyShown().Match(t)).Single(m => m.Success);
        return shown.Value;
    }

    /// <summary>
    /// Puts the plan of <paramref name="product"/> <paramref name="version"/> in the store: answered,
    /// owned by Dana, with Alex its approver, in review unless <paramref name="approved"/>, its approval
    /// request posted in the release channel.
    /// </summary>
    public async Task<string> SeedPlanAsync(string product = "Contoso.Web", string version = "2.4", bool approved = false, string tenantId = TeamsTenant)
    {
        var id = $"plan-gates-{Interlocked.Increment(ref plans)}";
        var plan = SamplePlans.InReview(Alex) with { Id = id, TenantId = tenantId, Product = product, Version = version };
        if (approved)
        {
            plan = plan.Decide(Alex, Verdict.Approve, null, SamplePlans.Start);
        }

        var document = new PlanDocument { Plan = plan };
        document.Posts[PostKeys.Approval] = new ChannelPost(ReleaseThread(tenantId), "1700000000001", SamplePlans.Start);
        await Store.CommitAsync(new TurnCommit(null, [new Versioned<PlanDocument>(document, null)]), CancellationToken.None);
        return id;
    }

    public async Task<Plan> PlanAsync(string id) => (await Store.GetPlanAsync(TeamsTenant, id, CancellationToken.None))!.Document.Plan;

    public async Task<PlanDocument> DocumentAsync(string id) => (await Store.GetPlanAsync(TeamsTenant, id, CancellationToken.None))!.Document;

    /// <summary>The approval thread in the release channel, where messages about the plan's gates go.</summary>
    public static ConversationRef ReleaseThread(string tenantId = TeamsTenant) => new(
        TeamsChannel.Id,
        tenantId,
        "19:release@thread.tacv2;messageid=1700000000001",
        ConversationKind.Channel,
        Activities.ServiceUrl,
        "19:team@thread.tacv2",
        Activities.BotId,
        new ConversationThread("19:release@thread.tacv2", "1700000000001"));

    /// <summary>What the bot sent into the plan's approval thread (replies and card updates), as read.</summary>
    public IReadOnlyList<string> ThreadTexts() =>
        Connector.Calls.Where(c => c.Method != HttpMethod.Get && Uri.UnescapeDataString(c.Uri.AbsolutePath).Contains("19:release@thread.tacv2", StringComparison.Ordinal)).Select(c => c.Text ?? string.Empty).ToList();

    private async Task<IReadOnlyList<RecordedCall>> SayAsync(System.Text.Json.Nodes.JsonObject message)
    {
        Connector.Clear();
        using var http = CreateClient();
        using var response = await http.PostAsJsonAsync("/api/messages", message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Connector.Calls.ToList();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Sqlite:Path", database.Path);
        builder.UseSetting("BotFramework:Connector:BaseDelay", "00:00:00.010");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient<ConnectorClient>().ConfigurePrimaryHttpMessageHandler(() => Connector);
            services.AddSingleton<TimeProvider>(Clock);
            if (trusted is { } certificate)
            {
                // The fake GitHub's certificate, made for this run, is the one trusted: nothing else is.
                services.AddHttpClient(GitHubAppTokens.Client).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() },
                });
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            database.Dispose();
        }
    }

    [GeneratedRegex(@"pbg_[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+")]
    private static partial Regex GateKeyShown();
}
