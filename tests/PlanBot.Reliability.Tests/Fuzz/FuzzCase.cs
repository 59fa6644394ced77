using System.Text;

namespace PlanBot.Reliability.Tests.Fuzz;

/// <summary>
/// One generated request: what kind of damage it carries, its raw body and content type, and for
/// Slack the timestamp to sign it at (now when null) and any further headers.
/// </summary>
public sealed record FuzzCase(string Kind, byte[] Body, string ContentType = "application/json", string? Timestamp = null, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FuzzCase Of(string kind, string body, string contentType = "application/json") => new(kind, Encoding.UTF8.GetBytes(body), contentType);

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 400)).ReplaceLineEndings(" ");
        return $"{Kind} ({Body.Length:N0} bytes): {text}{(Body.Length > 400 ? "…" : string.Empty)}";
    }
}
