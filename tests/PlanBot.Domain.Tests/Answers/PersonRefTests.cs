using PlanBot.Domain.Answers;

namespace PlanBot.Domain.Tests.Answers;

/// <summary>When two references name the same person, and how a person is shown.</summary>
public sealed class PersonRefTests
{
    [Fact]
    public void Same_channel_id_is_the_same_person_even_when_nothing_else_is_known()
    {
        var fromMention = new PersonRef("29:1-alex", "Alex Wilber");
        var fromCard = new PersonRef("29:1-alex", "Alex W.", AadObjectId: "aad-alex", Upn: "alex@contoso.com");

        Assert.True(fromMention.SameAs(fromCard));
        Assert.True(fromCard.SameAs(fromMention));
    }

    [Fact]
    public void Same_directory_object_id_in_another_case_is_the_same_person()
    {
        var inTeams = new PersonRef("29:1-alex", "Alex Wilber", AadObjectId: "AAD-ALEX");
        var inSlack = new PersonRef("U123", "alex", AadObjectId: "aad-alex");

        Assert.True(inTeams.SameAs(inSlack));
    }

    [Fact]
    public void Same_sign_in_name_in_another_case_is_the_same_person()
    {
        var typed = new PersonRef(string.Empty, "Alex@Contoso.com", Upn: "Alex@Contoso.com");
        var member = new PersonRef("29:1-alex", "Alex Wilber", Upn: "alex@contoso.com");

        Assert.True(typed.SameAs(member));
    }

    [Fact]
    public void People_known_only_by_different_channel_ids_are_different_people()
    {
        Assert.False(new PersonRef("29:1-alex", "Alex").SameAs(new PersonRef("29:1-megan", "Megan")));
    }

    [Fact]
    public void Two_unresolved_people_with_no_ids_are_not_taken_for_each_other()
    {
        Assert.False(new PersonRef(string.Empty, "Alex").SameAs(new PersonRef(string.Empty, "Megan")));
    }

    [Fact]
    public void Person_is_shown_by_name_else_by_sign_in_name_else_by_channel_id()
    {
        Assert.Equal("Alex Wilber", new PersonRef("29:1-alex", "Alex Wilber", Upn: "alex@contoso.com").ToString());
        Assert.Equal("alex@contoso.com", new PersonRef("29:1-alex", string.Empty, Upn: "alex@contoso.com").ToString());
        Assert.Equal("29:1-alex", new PersonRef("29:1-alex", string.Empty).ToString());
    }
}
