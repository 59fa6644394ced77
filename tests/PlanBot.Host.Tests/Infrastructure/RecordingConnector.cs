using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace PlanBot.Host.Tests.Infrastructure;

/// <summary>
/// Stands in for the Bot Connector at the HTTP level: records every call the bot makes and answers
/// like the Connector does (<c>{"id": …}</c>), or with a status the test chooses.
/// </summary>
public sealed class RecordingConnector : HttpMessageHandler
{
    private int nextId;

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    /// <summary>When set, answers the next calls with this status instead of success.</summary>
    public ConcurrentQueue<HttpStatusCode> Failures { get; } = new();

    /// <summary>The texts of the messages the bot sent or updated, in order.</summary>
    public IReadOnlyList<string> Texts => Calls.Where(c => c.Method != HttpMethod.Get).Select(c => c.Text ?? string.Empty).ToList();

    public void Clear() => Calls.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Enqueue(new RecordedCall(request.Method, request.RequestUri!, body, request.Headers.Authorization?.ToString()));
        if (Failures.TryDequeue(out var status))
        {
            return new HttpResponseMessage(status)
            {
                Content = new StringContent("""{"error":{"code":"ServiceError","message":"injected"}}""", Encoding.UTF8, "application/json"),
            };
        }

        if (request.Method == HttpMethod.Get)
        {
            // Member look-ups: like a personal chat, where nobody but the user is a member.
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("""{"error":{"code":"MemberNotFoundInConversation","message":"not a member"}}""", Encoding.UTF8, "application/json"),
            };
        }

        var id = Interlocked.Increment(ref nextId);
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent($$"""{"id":"reply-{{id}}"}""", Encoding.UTF8, "application/json"),
        };
    }
}

public sealed record RecordedCall(HttpMethod Method, Uri Uri, string Body, string? Authorization)
{
    /// <summary>The Adaptive Card sent, when there is one.</summary>
    public JsonElement? Card
    {
        get
        {
            using var document = JsonDocument.Parse(Body.Length == 0 ? "{}" : Body);
            return document.RootElement.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
                ? attachments[0].GetProperty("content").Clone()
                : null;
        }
    }

    /// <summary>As a person reads it: markdown escapes and HTML entities rendered.</summary>
    private static string Shown(string markdown) =>
        System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlDecode(markdown), @"\\([\\`*_{}\[\]()#+\-.!|~<>=])", "$1");

    private static void CollectStrings(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(Shown(element.GetString()!));
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, into);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectStrings(property.Value, into);
                }

                break;
        }
    }

    public string? Text
    {
        get
        {
            if (Body.Length == 0)
            {
                return null;
            }

            using var document = JsonDocument.Parse(Body);
            var root = document.RootElement;
            var parts = new List<string>();
            if (root.TryGetProperty("text", out var text) && text.GetString() is { } plain)
            {
                parts.Add(Shown(plain));
            }

            // A card reads as the text it shows: every string in its attachments, in order.
            if (root.TryGetProperty("attachments", out var attachments))
            {
                CollectStrings(attachments, parts);
            }

            return parts.Count == 0 ? null : string.Join('\n', parts);
        }
    }
}
