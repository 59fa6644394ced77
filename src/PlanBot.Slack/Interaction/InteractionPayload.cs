using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.WebUtilities;

namespace PlanBot.Slack.Interaction;

/// <summary>
/// An interactivity payload: <c>block_actions</c> (a button on a message or in a modal) or
/// <c>view_submission</c> (a modal's submit). Over HTTP it is the form field <c>payload</c>.
/// </summary>
public sealed class InteractionPayload
{
    public string? Type { get; set; }

    public InteractionTeam? Team { get; set; }

    public InteractionUser? User { get; set; }

    public InteractionEnterprise? Enterprise { get; set; }

    public string? ApiAppId { get; set; }

    public string? TriggerId { get; set; }

    public InteractionContainer? Container { get; set; }

    public InteractionChannel? Channel { get; set; }

    public InteractionMessage? Message { get; set; }

    public InteractionView? View { get; set; }

    public List<BlockAction>? Actions { get; set; }

    public ViewState? State { get; set; }

    public string? ResponseUrl { get; set; }

    public bool IsEnterpriseInstall { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public string? TeamId => Team?.Id ?? User?.TeamId;

    [JsonIgnore]
    public string? EnterpriseId => Enterprise?.Id ?? Team?.EnterpriseId;

    /// <summary>The JSON in the form field <c>payload</c>, or null when the body has none.</summary>
    public static string? FormPayload(string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        return form.TryGetValue("payload", out var payload) && payload.Count == 1 ? payload.ToString() : null;
    }
}
