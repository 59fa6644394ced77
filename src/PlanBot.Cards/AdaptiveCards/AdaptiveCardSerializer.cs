using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PlanBot.Cards.AdaptiveCards.Model;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>Writes cards as compact JSON through the source-generated context, and measures them.</summary>
public static class AdaptiveCardSerializer
{
    /// <summary>
    /// What every card is kept under: the 28 KB that webhook and message-extension cards allow,
    /// counted in thousands so it holds whichever way "KB" is read.
    /// </summary>
    public const int BudgetBytes = 28_000;

    /// <summary>Teams refuses bot messages from about 100 KB (413 MessageSizeTooBig); 80 KB leaves room for the activity around the card.</summary>
    public const int HardLimitBytes = 80_000;

    // The JSON goes over HTTP, never into HTML: the relaxed encoder keeps '<', '&' and non-ASCII text
    // as they are instead of six-character escapes, which would triple the size of escaped answers.
    private static readonly AdaptiveCardJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static SerializedCard Serialize(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var json = JsonSerializer.Serialize(card, Context.AdaptiveCard);
        return new SerializedCard(json, json.Length * sizeof(char));
    }
}
