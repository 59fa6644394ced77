using System.Text.Json.Serialization;

namespace PlanBot.Slack.Blocks;

/// <summary>A layout block of a message or a modal. Outbound only: each block serialises its own <c>type</c>.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(SectionBlock))]
[JsonDerivedType(typeof(HeaderBlock))]
[JsonDerivedType(typeof(ContextBlock))]
[JsonDerivedType(typeof(DividerBlock))]
[JsonDerivedType(typeof(ActionsBlock))]
[JsonDerivedType(typeof(InputBlock))]
public abstract class Block
{
    private protected Block(string type) => Type = type;

    [JsonPropertyOrder(-1)]
    public string Type { get; }

    public string? BlockId
    {
        get;
        init => field = BlockLimits.CheckOptional(value, BlockLimits.Id, "a block_id");
    }
}
