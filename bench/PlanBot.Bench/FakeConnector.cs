using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlanBot.Bench;

/// <summary>What the fake Connector saw for one conversation.</summary>
internal sealed class ConversationTally
{
    private int replies;
    private long replyBytes;
    private int lookups;
    private int complete;
    private byte[]? lastReply;

    public int Replies => Volatile.Read(ref replies);

    /// <summary>Bytes of the replies' bodies (the activities as the bot serialized them).</summary>
    public long ReplyBytes => Interlocked.Read(ref replyBytes);

    public int Lookups => Volatile.Read(ref lookups);

    /// <summary>A reply was the summary card of the plan at 100 %, which ends the interview.</summary>
    public bool SawComplete => Volatile.Read(ref complete) != 0;

    /// <summary>What the last reply said (its text, or its card's fallback text), to tell why an interview went astray.</summary>
    public string LastReply => Volatile.Read(ref lastReply) is { } body ? Excerpt(body) : "(none)";

    public void Reply(byte[] body, bool isComplete)
    {
        Volatile.Write(ref lastReply, body);
        Interlocked.Add(ref replyBytes, body.Length);
        Interlocked.Increment(ref replies);
        if (isComplete)
        {
            Volatile.Write(ref complete, 1);
        }
    }

    public void Lookup() => Interlocked.Increment(ref lookups);

    private static string Excerpt(byte[] body)
    {
        try
        {
            using var activity = JsonDocument.Parse(body);
            var root = activity.RootElement;
            if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                return text.GetString()!;
            }

            if (root.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
                && attachments[0].TryGetProperty("content", out var card) && card.TryGetProperty("fallbackText", out var fallback))
            {
                return fallback.GetString() ?? string.Empty;
            }
        }
        catch (JsonException)
        {
            // Not JSON: show it as it came.
        }

        var raw = Encoding.UTF8.GetString(body);
        return raw.Length <= 300 ? raw : raw[..300] + "…";
    }
}

/// <summary>
/// A Bot Connector on loopback that accepts what the host sends: replies and new messages
/// (<c>POST /v3/conversations/{id}/activities[/{id}]</c> → <c>{"id":"…"}</c>), counted per
/// conversation, and member look-ups answered like a personal chat (nobody else is a member).
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    /// <summary>The summary card's progress fact ("100% complete, 23 of 23 questions answered"), not the notice before it.</summary>
    private static readonly byte[] CompleteMarker = Encoding.UTF8.GetBytes("100% complete, ");
    private static readonly byte[] NotAMember = Encoding.UTF8.GetBytes("""{"error":{"code":"MemberNotFoundInConversation","message":"not a member"}}""");
    private static readonly byte[] NoMembers = Encoding.UTF8.GetBytes("[]");

    private readonly ConcurrentDictionary<string, ConversationTally> tallies = new(StringComparer.Ordinal);
    private readonly WebApplication app;
    private long nextId;
    private long unexpected;

    private FakeConnector(WebApplication app)
    {
        this.app = app;
    }

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Calls for a conversation nobody registered, or that are not Connector calls.</summary>
    public long Unexpected => Interlocked.Read(ref unexpected);

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        connector.ServiceUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return connector;
    }

    public ConversationTally Register(string conversationId) => tallies.GetOrAdd(conversationId, _ => new ConversationTally());

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // /v3/conversations/{conversation}/activities[/{activity}] or /members[/{member}]
        var path = context.Request.Path.Value ?? string.Empty;
        const string Prefix = "/v3/conversations/";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref unexpected);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var rest = path.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        var conversationId = slash < 0 ? rest.ToString() : rest[..slash].ToString();
        var tail = slash < 0 ? ReadOnlySpan<char>.Empty : rest[(slash + 1)..];
        tallies.TryGetValue(conversationId, out var tally);
        if (tally is null)
        {
            Interlocked.Increment(ref unexpected);
        }

        if (HttpMethods.IsGet(context.Request.Method) && tail.StartsWith("members"))
        {
            tally?.Lookup();
            var one = tail.Length > "members".Length;
            context.Response.StatusCode = one ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(one ? NotAMember : NoMembers);
            return;
        }

        if (!tail.StartsWith("activities"))
        {
            Interlocked.Increment(ref unexpected);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var (body, complete) = await ReadReplyAsync(context.Request.BodyReader, context.RequestAborted);
        tally?.Reply(body, complete);
        var id = Interlocked.Increment(ref nextId);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"bench-reply-{{id}}"}""", context.RequestAborted);
    }

    /// <summary>The body, and whether it is the summary card at 100 %.</summary>
    private static async Task<(byte[] Body, bool Complete)> ReadReplyAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            if (!read.IsCompleted)
            {
                body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                continue;
            }

            var bytes = read.Buffer.ToArray();
            body.AdvanceTo(read.Buffer.End);
            return (bytes, bytes.AsSpan().IndexOf(CompleteMarker) >= 0);
        }
    }
}
