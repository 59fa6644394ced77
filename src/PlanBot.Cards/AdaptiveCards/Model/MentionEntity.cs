using System.Text.Json.Serialization;

namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>
/// A Teams mention. <see cref="Text"/> must equal, character for character, the <c>&lt;at&gt;…&lt;/at&gt;</c>
/// markup in one of the card's TextBlocks, or Teams ignores it.
/// </summary>
public sealed record MentionEntity(string Text, MentionedUser Mentioned)
{
    [JsonPropertyOrder(-1)]
    public string Type => "mention";
}
