using System.Net;
using System.Text.Json.Nodes;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Infrastructure;

/// <summary>
/// A conversation with the bot over real HTTP: each step posts a signed request, waits until the
/// bot's queue is idle, and returns the messages it posted or updated meanwhile.
/// </summary>
public sealed class SlackSession(SlackTestHost host, FakeSlack slack) : IDisposable
{
    private readonly SignedClient client = new(host.Address);

    public SignedClient Client => client;

    /// <summary>Every message payload the bot sent during the session (for the Block Kit checks).</summary>
    public List<ApiCall> Sent { get; } = [];

    /// <summary>Every answer to a modal's submission that had a body (errors, or a view in its place), in order.</summary>
    public List<JsonObject> ModalAnswers { get; } = [];

    public async Task<IReadOnlyList<ApiCall>> SayAsync(string text, string user = SlackPayloads.Owner, string channel = SlackPayloads.OwnerDm) =>
        await StepAsync(() => client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage(text, user, channel))));

    public async Task<IReadOnlyList<ApiCall>> MentionAsync(string text, string user = SlackPayloads.Owner, string channel = SlackPayloads.ReleaseChannel) =>
        await StepAsync(() => client.EventAsync(SlackPayloads.Envelope(SlackPayloads.Mention(text, user, channel))));

    public async Task<IReadOnlyList<ApiCall>> CommandAsync(string text, string user = SlackPayloads.Owner, string channel = SlackPayloads.OwnerDm, string channelName = "directmessage") =>
        await StepAsync(() => client.CommandAsync(SlackPayloads.Command(text, user, channel, channelName)));

    public async Task<IReadOnlyList<ApiCall>> InteractAsync(JsonNode payload) =>
        await StepAsync(() => client.InteractionAsync(payload));

    /// <summary>
    /// A click by <paramref name="user"/> on the button <paramref name="actionId"/> of a message the bot sent, as
    /// Slack sends it: the button's value, its actions block's id, the message's channel and ts.
    /// </summary>
    /// <remarks>Of several buttons with that action id, the one whose value holds <paramref name="fragment"/>.</remarks>
    public async Task<IReadOnlyList<ApiCall>> PressAsync(ApiCall message, string actionId, string user = SlackPayloads.Owner, string channelName = "directmessage", string fragment = "")
    {
        ArgumentNullException.ThrowIfNull(message);
        var value = message.Buttons.Single(b => b.ActionId == actionId && b.Value.Contains(fragment, StringComparison.Ordinal)).Value;
        var click = SlackPayloads.BlockAction(actionId, value, user, message.Channel!, channelName, slack.PostedTs[message.Sequence], blockId: message.BlockIdOf(actionId)!);
        return await InteractAsync(click);
    }

    /// <summary>Submits a modal: what PlanBot answered Slack (null for an empty 200, which closes it), and the messages sent meanwhile.</summary>
    public async Task<(JsonObject? Answer, IReadOnlyList<ApiCall> Messages)> SubmitAsync(JsonNode payload)
    {
        JsonObject? answer = null;
        var messages = await StepAsync(async () =>
        {
            var response = await client.InteractionAsync(payload);
            var body = await response.Content.ReadAsStringAsync();
            answer = body.Length == 0 ? null : JsonNode.Parse(body)!.AsObject();
            return response;
        });
        if (answer is not null)
        {
            ModalAnswers.Add(answer);
        }

        return (answer, messages);
    }

    /// <summary>Posts, checks the 200, waits for the work it queued, and returns the messages sent meanwhile.</summary>
    public async Task<IReadOnlyList<ApiCall>> StepAsync(Func<Task<HttpResponseMessage>> post)
    {
        var before = slack.LastSequence;
        using (var response = await post())
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await host.WhenIdleAsync();
        var messages = slack.Messages(before);
        Sent.AddRange(messages);
        return messages;
    }

    public void Dispose() => client.Dispose();
}
