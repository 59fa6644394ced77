using System.Text.Json;

namespace PlanBot.BotFramework.Schema;

/// <summary>
/// The body of an <c>adaptiveCard/action</c> invoke's HTTP answer: a card that replaces the one
/// clicked (for the clicking user), a message, or an error (PROTOCOLS §4.3).
/// </summary>
public sealed class InvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; set; } = 200;

    public required string Type { get; set; }

    public JsonElement Value { get; set; }
}
