using PlanBot.Domain.Answers;

namespace PlanBot.Testing;

/// <summary>The people on the sample plans, as a Teams channel knows them, and how they are @mentioned.</summary>
public static class People
{
    public static readonly PersonRef Owner = Person("Dana Owner");

    public static readonly PersonRef Alex = Person("Alex Wilber");

    public static readonly PersonRef Megan = Person("Megan Bowen");

    /// <summary>A member of the tenant who is on no plan: neither approver nor assignee.</summary>
    public static readonly PersonRef Outsider = Person("Lee Gu");

    /// <summary>Named by email only: the bot has not resolved a Teams id for her yet.</summary>
    public static readonly PersonRef LeeByEmail = new(string.Empty, "lee@contoso.com", Upn: "lee@contoso.com");

    /// <summary>Someone as Teams knows them: "Dana Owner" is 29:1-dana, aad-dana, dana@contoso.com.</summary>
    public static PersonRef Person(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var id = name.Split(' ')[0].ToLowerInvariant();
        return new PersonRef($"29:1-{id}", name, AadObjectId: $"aad-{id}", Upn: $"{id}@contoso.com");
    }

    public static Mention MentionOf(PersonRef person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new Mention($"<at>{person.Name}</at>", person);
    }
}
