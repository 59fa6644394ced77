namespace PlanBot.Domain.Plans;

/// <summary>A move the plan's rules do not allow; the message is written for the person who tried it.</summary>
public sealed class PlanRuleException : Exception
{
    public PlanRuleException(string message)
        : base(message)
    {
    }

    public PlanRuleException()
    {
    }

    public PlanRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
