using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;

namespace PlanBot.Conversations.Tests.Fakes;

/// <summary>One reply as it reached the conversation.</summary>
public sealed record DeliveredReply(ConversationRef To, OwedReply Reply)
{
    public string Text => Reply.Reply.Text ?? string.Empty;

    /// <summary>The first line of the test rendering: which view, and its key.</summary>
    public string Heading => Text.Split('\n')[0];
}
