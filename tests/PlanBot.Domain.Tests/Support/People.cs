using PlanBot.Domain.Answers;

namespace PlanBot.Domain.Tests.Support;

/// <summary>The people the domain tests talk about, as a Teams channel would know them.</summary>
internal static class People
{
    public static readonly PersonRef Owner = new("29:1-dana", "Dana Owner", AadObjectId: "aad-dana", Upn: "dana@contoso.com");

    public static readonly PersonRef Alex = new("29:1-alex", "Alex Wilber", AadObjectId: "aad-alex", Upn: "alex@contoso.com");

    public static readonly PersonRef Megan = new("29:1-megan", "Megan Bowen", AadObjectId: "aad-megan", Upn: "megan@contoso.com");

    public static readonly PersonRef Outsider = new("29:1-lee", "Lee Gu", AadObjectId: "aad-lee", Upn: "lee@contoso.com");
}
