namespace PlanBot.Cards.AdaptiveCards.Model;

/// <summary>Teams' card-level <c>msteams</c> extension. Not in the Adaptive Card schema: strip it before validating.</summary>
public sealed record TeamsCardProperties
{
    public TeamsCardWidth? Width { get; init; }

    public IReadOnlyList<MentionEntity>? Entities { get; init; }
}
