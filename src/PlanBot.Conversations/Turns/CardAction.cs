namespace PlanBot.Conversations.Turns;

/// <summary>A button press: its verb and the flat data the card carried, merged with any inputs.</summary>
public sealed record CardAction(string Verb, IReadOnlyDictionary<string, string> Data)
{
    public string? Get(string key) => Data.TryGetValue(key, out var value) ? value : null;
}
