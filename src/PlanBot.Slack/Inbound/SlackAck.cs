using System.Text.Json.Nodes;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Rendering;

namespace PlanBot.Slack.Inbound;

/// <summary>
/// The immediate answer to Slack: over HTTP the response (status, text or JSON), in Socket Mode the
/// acknowledgement's <c>payload</c> (<see cref="Body"/>, when there is one).
/// </summary>
public sealed record SlackAck(int Status, string? Text = null, JsonObject? Body = null)
{
    /// <summary>200 with no body: the event is taken, the command runs, the modal closes.</summary>
    public static SlackAck Empty { get; } = new(200);

    /// <summary>Slack retries an event answered with a server error: right when the queue is full.</summary>
    public static SlackAck Busy { get; } = new(503, "PlanBot is busy; try again shortly.");

    public static SlackAck Challenge(string challenge) => new(200, challenge);

    /// <summary>A slash command's answer only its user sees.</summary>
    public static SlackAck Ephemeral(string text) => new(200, Body: new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });

    /// <summary>Keeps a modal open with <paramref name="message"/> under the input block <paramref name="blockId"/>.</summary>
    public static SlackAck Errors(string blockId, string message) => Errors(new Dictionary<string, string> { [blockId] = message });

    /// <summary>Keeps a modal open, what was entered kept, with each message under its input block.</summary>
    public static SlackAck Errors(IReadOnlyDictionary<string, string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var errors = new JsonObject();
        foreach (var (blockId, message) in messages)
        {
            errors[blockId] = message;
        }

        return new(200, Body: new JsonObject { ["response_action"] = "errors", ["errors"] = errors });
    }

    /// <summary>Shows <paramref name="view"/> in place of the submitted modal.</summary>
    public static SlackAck Update(ModalView view) => new(200, Body: new JsonObject
    {
        ["response_action"] = "update",
        ["view"] = JsonNode.Parse(SlackViewRenderer.ModalJson(view)),
    });
}
