namespace PlanBot.Slack.WebApi;

/// <summary>One page of <c>conversations.members</c>: user ids, and the cursor of the next page.</summary>
public sealed class ConversationMembersResponse : SlackResponse
{
    public List<string>? Members { get; set; }
}
