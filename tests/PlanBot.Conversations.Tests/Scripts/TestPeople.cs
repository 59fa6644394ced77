using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>The people in the scripts, as Teams knows them, and how they are @mentioned.</summary>
public static class TestPeople
{
    public static readonly PersonRef Dana = Person("Dana Owner");

    public static readonly PersonRef Alex = Person("Alex Wilber");

    public static readonly PersonRef Megan = Person("Megan Bowen");

    public static PersonRef Person(string name)
    {
        var id = name.Split(' ')[0].ToLowerInvariant();
        return new PersonRef($"29:1-{id}", name, AadObjectId: $"aad-{id}", Upn: $"{id}@contoso.com");
    }

    public static Mention MentionOf(PersonRef person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return new Mention($"<at>{person.Name}</at>", person);
    }
}
