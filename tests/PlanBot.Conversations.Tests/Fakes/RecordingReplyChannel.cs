using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>A channel that renders views with <see cref="TextViews"/>, records what it delivers, and can refuse to deliver.</summary>
public sealed class RecordingReplyChannel : IReplyChannel
{
    private readonly Lock gate = new();
    private readonly List<DeliveredReply> sent = [];

    /// <summary>While set, every send throws, as a connector outage or a host dying after its commit would leave it.</summary>
    public bool FailSends { get; set; }

    public IReadOnlyList<DeliveredReply> Sent
    {
        get
        {
            lock (gate)
            {
                return sent.ToList();
            }
        }
    }

    /// <summary>The id of the personal chat a direct message to <paramref name="person"/> opens.</summary>
    public static string DirectChatId(Domain.Answers.PersonRef person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return $"a:direct-{person.Id}";
    }

    public RenderedReply Render(View view, ConversationRef where) => new(TextViews.Render(view));

    public Task<DeliveryReceipt> SendAsync(ConversationRef to, OwedReply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (FailSends)
        {
            throw new HttpRequestException("The connector did not answer.");
        }

        lock (gate)
        {
            sent.Add(new DeliveredReply(to, reply));
            // A direct message lands in the recipient's personal chat, which the channel opens (or finds).
            var conversation = reply.Mode == DeliveryMode.Direct && reply.Recipient is { } recipient ? DirectChatId(recipient) : to.ConversationId;
            return Task.FromResult(new DeliveryReceipt(conversation, $"message-{sent.Count}"));
        }
    }
}
