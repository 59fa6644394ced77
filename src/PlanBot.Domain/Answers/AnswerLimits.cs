namespace PlanBot.Domain.Answers;

public static class AnswerLimits
{
    /// <summary>
    /// The longest answer accepted on any channel. It is Slack's section-text limit, so every answer
    /// can be shown back whole in either channel.
    /// </summary>
    public const int MaxLength = 3000;
}
