using PlanBot.Domain.Answers;
using PlanBot.Testing;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>The people in the scripts, by the names the scripts call them: the sample plans' <see cref="People"/>.</summary>
public static class TestPeople
{
    public static readonly PersonRef Dana = People.Owner;

    public static readonly PersonRef Alex = People.Alex;

    public static readonly PersonRef Megan = People.Megan;

    public static PersonRef Person(string name) => People.Person(name);

    public static Mention MentionOf(PersonRef person) => People.MentionOf(person);
}
