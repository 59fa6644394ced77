using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlanBot.Testing.Slack;

/// <summary>
/// Slack, as far as the bot can tell, on 127.0.0.1: a Web API at <see cref="ApiBase"/> that records
/// every call and answers like Slack (<c>{"ok":true,"channel":…,"ts":…}</c>, or a canned error or 429),
/// and a Socket Mode WebSocket server at <see cref="SocketUrl"/>. Everything it sees goes into one
/// ordered log, so a test can tell an acknowledgement came before a post.
/// </summary>
public sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeResponse>> canned = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Name, string Tz, string? Email, string Team)> users = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private long sequence;
    private long nextTs = 1_700_000_000_000100;

    private FakeSlack(WebApplication app)
    {
        this.app = app;
    }

    public Uri ApiBase { get; private set; } = null!;

    public Uri SocketUrl { get; private set; } = null!;

    public ConcurrentQueue<ApiCall> Calls { get; } = new();

    /// <summary>The ts each chat.postMessage was answered with, by the call's sequence number.</summary>
    public ConcurrentDictionary<long, string> PostedTs { get; } = new();

    /// <summary>Everything in order: <c>("call", method)</c> and <c>("ack", text)</c>.</summary>
    public ConcurrentQueue<(long Sequence, string Kind, string Detail)> Log { get; } = new();

    public Channel<SocketSession> Connections { get; } = Channel.CreateUnbounded<SocketSession>();

    /// <summary>How long users.info takes to answer (to keep a turn busy).</summary>
    public TimeSpan UserInfoDelay { get; set; }

    public static async Task<FakeSlack> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var slack = new FakeSlack(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (string method, HttpContext context) => slack.AnswerAsync(method, context));
        app.Map("/socket", slack.AcceptAsync);
        await app.StartAsync();
        var root = app.Urls.Single().TrimEnd('/');
        slack.ApiBase = new Uri(root + "/api/");
        slack.SocketUrl = new Uri(root.Replace("http://", "ws://", StringComparison.Ordinal) + "/socket");
        return slack;
    }

    /// <summary>A user <c>users.info</c> knows; <paramref name="team"/> is their own workspace (another one for a Slack Connect guest).</summary>
    public void AddUser(string id, string name, string tz = "Europe/London", string? email = null, string team = SlackPayloads.TeamId) => users[id] = (name, tz, email, team);

    /// <summary>The user ids conversations.members lists for each channel id.</summary>
    public ConcurrentDictionary<string, List<string>> ChannelMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>How many members conversations.members returns per page before a next_cursor.</summary>
    public int MembersPageSize { get; set; } = 1000;

    /// <summary>Answers the next call of <paramref name="method"/> with <paramref name="response"/> instead of success.</summary>
    public void Enqueue(string method, FakeResponse response) =>
        canned.GetOrAdd(method, _ => new ConcurrentQueue<FakeResponse>()).Enqueue(response);

    public IReadOnlyList<ApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).OrderBy(c => c.Sequence).ToList();

    /// <summary>Messages posted or updated (chat.postMessage, chat.update) since <paramref name="after"/>.</summary>
    public IReadOnlyList<ApiCall> Messages(long after = 0) =>
        Calls.Where(c => c.Sequence > after && c.Method is "chat.postMessage" or "chat.update").OrderBy(c => c.Sequence).ToList();

    /// <summary>The first call of <paramref name="method"/>, waiting for it to come.</summary>
    public Task<ApiCall> WaitForAsync(string method, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => CallsTo(method) is [var first, ..] ? first : null, $"a {method} call to the fake Slack", timeout ?? TimeSpan.FromSeconds(10));

    /// <summary>Drops a connection without a close handshake, as a network failure would.</summary>
    public Task DisposeSocketAsync(SocketSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Abort();
        return session.Closed;
    }

    public long LastSequence => Interlocked.Read(ref sequence);

    internal long Record(string kind, string detail)
    {
        var number = Interlocked.Increment(ref sequence);
        Log.Enqueue((number, kind, detail));
        return number;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task AnswerAsync(string method, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var number = Record("call", method);
        Calls.Enqueue(new ApiCall(number, method, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body));
        if (canned.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.Status == FakeResponse.AbortStatus)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await context.Response.WriteAsync(scripted.Body);
            return;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        var json = context.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true ? JsonNode.Parse(body)?.AsObject() : null;
        var form = QueryHelpers.ParseQuery(body);
        JsonObject answer;
        switch (method)
        {
            case "chat.postMessage":
            case "chat.update":
                var ts = method == "chat.update" ? json?["ts"]?.GetValue<string>() ?? NextTs() : NextTs();
                PostedTs[number] = ts;
                answer = new JsonObject { ["ok"] = true, ["channel"] = PostedChannel(json?["channel"]?.GetValue<string>()), ["ts"] = ts };
                break;
            case "chat.postEphemeral":
                answer = new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() };
                break;
            case "views.open":
            case "views.update":
            case "views.publish":
                answer = new JsonObject { ["ok"] = true, ["view"] = new JsonObject { ["id"] = "V" + NextTs().Replace(".", string.Empty, StringComparison.Ordinal), ["hash"] = "h1" } };
                break;
            case "users.info":
                if (UserInfoDelay > TimeSpan.Zero)
                {
                    await Task.Delay(UserInfoDelay);
                }

                var id = form.TryGetValue("user", out var user) ? user.ToString() : string.Empty;
                answer = users.TryGetValue(id, out var known)
                    ? new JsonObject { ["ok"] = true, ["user"] = UserJson(id, known) }
                    : new JsonObject { ["ok"] = false, ["error"] = "user_not_found" };
                break;
            case "users.lookupByEmail":
                var email = form.TryGetValue("email", out var e) ? e.ToString() : string.Empty;
                var match = users.FirstOrDefault(u => string.Equals(u.Value.Email, email, StringComparison.OrdinalIgnoreCase));
                answer = match.Key is null
                    ? new JsonObject { ["ok"] = false, ["error"] = "users_not_found" }
                    : new JsonObject { ["ok"] = true, ["user"] = UserJson(match.Key, match.Value) };
                break;
            case "conversations.members":
                var listed = form.TryGetValue("channel", out var mc) && ChannelMembers.TryGetValue(mc.ToString(), out var ids) ? ids : null;
                if (listed is null)
                {
                    answer = new JsonObject { ["ok"] = false, ["error"] = "channel_not_found" };
                    break;
                }

                var from = form.TryGetValue("cursor", out var cursor) ? int.Parse(cursor.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
                var pageSize = Math.Min(MembersPageSize, form.TryGetValue("limit", out var limit) ? int.Parse(limit.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 100);
                var next = from + pageSize < listed.Count ? (from + pageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
                answer = new JsonObject
                {
                    ["ok"] = true,
                    ["members"] = new JsonArray(listed.Skip(from).Take(pageSize).Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
                    ["response_metadata"] = new JsonObject { ["next_cursor"] = next },
                };
                break;
            case "conversations.info":
                var channel = form.TryGetValue("channel", out var c) ? c.ToString() : string.Empty;
                answer = new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = channel, ["is_im"] = channel.StartsWith('D'), ["is_mpim"] = false } };
                break;
            case "apps.connections.open":
                answer = new JsonObject { ["ok"] = true, ["url"] = SocketUrl.ToString() };
                break;
            default:
                answer = new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
                break;
        }

        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private static JsonObject UserJson(string id, (string Name, string Tz, string? Email, string Team) user) => new()
    {
        ["id"] = id,
        ["team_id"] = user.Team,
        ["name"] = user.Name.ToLowerInvariant().Replace(' ', '.'),
        ["real_name"] = user.Name,
        ["tz"] = user.Tz,
        ["profile"] = new JsonObject { ["display_name"] = user.Name, ["real_name"] = user.Name, ["email"] = user.Email },
    };

    /// <summary>
    /// The channel a message landed in: posting to a user id lands in the app's direct message with
    /// them, whose id Slack returns (here "D" and the rest of the user id).
    /// </summary>
    private static string? PostedChannel(string? channel) =>
        channel is ['U' or 'W', .. var rest] ? $"D{rest}" : channel;

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new SocketSession(socket, this);
        Record("connect", "socket");
        await Connections.Writer.WriteAsync(session);
        await session.RunAsync(stopping.Token);
    }

    private string NextTs()
    {
        var value = Interlocked.Increment(ref nextTs);
        return (value / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }
}
