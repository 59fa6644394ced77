using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanBot.Slack.Interaction;

/// <summary>The modal as submitted: its <see cref="CallbackId"/>, the context in <see cref="PrivateMetadata"/>, the inputs in <see cref="State"/>.</summary>
public sealed class InteractionView
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public string? CallbackId { get; set; }

    public string? PrivateMetadata { get; set; }

    public string? Hash { get; set; }

    public ViewState? State { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
