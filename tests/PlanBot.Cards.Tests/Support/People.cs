using PlanBot.Domain.Answers;

namespace PlanBot.Cards.Tests.Support;

/// <summary>The people on the sample plans, as Teams knows them.</summary>
internal static class People
{
    public static readonly PersonRef Owner = new("29:1-dana", "Dana Owner", AadObjectId: "aad-dana", Upn: "dana@contoso.com");

    public static readonly PersonRef Alex = new("29:1-alex", "Alex Wilber", AadObjectId: "aad-alex", Upn: "alex@contoso.com");

    public static readonly PersonRef Megan = new("29:1-megan", "Megan Bowen", AadObjectId: "aad-megan", Upn: "megan@contoso.com");

    /// <summary>Named by email only: the bot has not resolved a Teams id for her yet.</summary>
    public static readonly PersonRef Lee = new(string.Empty, "lee@contoso.com", Upn: "lee@contoso.com");

    public static Mention MentionOf(PersonRef person) => new($"<at>{person.Name}</at>", person);
}
