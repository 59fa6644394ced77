namespace PlanBot.Slack.Interaction;

/// <summary><c>state.values</c>: input values by block id, then by action id.</summary>
public sealed class ViewState
{
    public Dictionary<string, Dictionary<string, ElementState>>? Values { get; set; }

    /// <summary>Every input's value by action id (the last wins when two blocks share one).</summary>
    public IEnumerable<KeyValuePair<string, string>> ByActionId()
    {
        foreach (var block in Values ?? [])
        {
            foreach (var (actionId, state) in block.Value)
            {
                if (state.Read() is { } value)
                {
                    yield return new(actionId, value);
                }
            }
        }
    }

    public string? Read(string blockId, string actionId) =>
        Values is not null && Values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var state) ? state.Read() : null;
}
