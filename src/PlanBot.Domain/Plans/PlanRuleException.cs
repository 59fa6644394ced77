namespace PlanBot.Domain.Plans;

/// <summary>
/// A move the plan's rules do not allow. <see cref="Rule"/> says which rule; the message explains it
/// in plain words, without any channel's commands or formatting.
/// </summary>
public sealed class PlanRuleException : Exception
{
    public PlanRuleException(PlanRule rule, string message)
        : base(message)
    {
        Rule = rule;
    }

    public PlanRuleException()
    {
    }

    public PlanRuleException(string message)
        : base(message)
    {
    }

    public PlanRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PlanRule Rule { get; }
}
