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

    public async Task<IReadOnlyList<ApiCall>> SayAsync(string text, string user = SlackPayloads.Owner, string channel = SlackPayloads.OwnerDm) =>
        await StepAsync(() => client.EventAsync(SlackPayloads.Envelope(SlackPayloads.DirectMessage(text, user, channel))));

    public async Task<IReadOnlyList<ApiCall>> MentionAsync(string text, string user = SlackPayloads.Owner, string channel = SlackPayloads.ReleaseChannel) =>
        await StepAsync(() => client.EventAsync(SlackPayloads.Envelope(SlackPayloads.Mention(text, user, channel))));

    public async Task<IReadOnlyList<ApiCall>> CommandAsync(string text, string user = SlackPayloads.Owner, string channel = SlackPayloads.OwnerDm, string channelName = "directmessage") =>
        await StepAsync(() => client.CommandAsync(SlackPayloads.Command(text, user, channel, channelName)));

    public async Task<IReadOnlyList<ApiCall>> InteractAsync(JsonNode payload) =>
        await StepAsync(() => client.InteractionAsync(payload));

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
