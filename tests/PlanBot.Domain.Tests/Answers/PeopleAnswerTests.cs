using PlanBot.Domain.Answers;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Answers;

public sealed class PeopleAnswerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static readonly Mention AlexInTeams = new("<at>Alex Wilber</at>", People.Alex);

    private static readonly Mention MeganInTeams = new("<at>Megan Bowen</at>", People.Megan);

    private static ReadResult Read(string text, params Mention[] mentions) =>
        AnswerReader.Read(Questions.People, text, Zones.Utc(Now, mentions));

    [Fact]
    public void Teams_mention_is_read_as_the_mentioned_person()
    {
        var read = Read("<at>Alex Wilber</at>", AlexInTeams);

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal([People.Alex], read.Value!.People);
        Assert.Equal("Alex Wilber", read.Value.Text);
    }

    [Fact]
    public void Two_Teams_mentions_with_a_connective_are_read_as_two_people()
    {
        var read = Read("<at>Alex Wilber</at> and <at>Megan Bowen</at>.", AlexInTeams, MeganInTeams);

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal([People.Alex, People.Megan], read.Value!.People);
        Assert.Equal("Alex Wilber, Megan Bowen", read.Value.Text);
    }

    [Fact]
    public void Slack_mention_markup_is_read_as_the_mentioned_member()
    {
        var member = new PersonRef("U123", "alex");

        var read = Read("<@U123>", new Mention("<@U123>", member));

        Assert.True(read.IsValid, read.Problem);
        var person = Assert.Single(read.Value!.People!);
        Assert.Equal("U123", person.Id);
        Assert.True(person.IsResolved);
    }

    [Fact]
    public void Slack_mention_markup_without_the_channels_mention_is_not_taken_for_a_person()
    {
        var read = Read("<@U123>");

        Assert.False(read.IsValid);
    }

    [Fact]
    public void Emails_and_sign_in_names_are_read_as_unresolved_people()
    {
        var read = Read("Alex@Contoso.com; megan@contoso.onmicrosoft.com");

        Assert.True(read.IsValid, read.Problem);
        Assert.Collection(
            read.Value!.People!,
            alex =>
            {
                Assert.Equal("alex@contoso.com", alex.Upn);
                Assert.False(alex.IsResolved);
            },
            megan => Assert.Equal("megan@contoso.onmicrosoft.com", megan.Upn));
    }

    [Fact]
    public void Mentions_and_emails_can_be_mixed()
    {
        var read = Read("<at>Alex Wilber</at>, lee@contoso.com & <at>Megan Bowen</at>", AlexInTeams, MeganInTeams);

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(["Alex Wilber", "Megan Bowen", "lee@contoso.com"], read.Value!.People!.Select(p => p.ToString()));
    }

    [Fact]
    public void Bare_name_is_refused_with_the_forms_that_work()
    {
        var read = Read("Alex");

        Assert.False(read.IsValid);
        Assert.Contains("\"Alex\"", read.Problem, StringComparison.Ordinal);
        Assert.Contains("@mention", read.Problem, StringComparison.Ordinal);
        Assert.Contains("email", read.Problem, StringComparison.Ordinal);
        Assert.Contains("sign-in name", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_name_beside_a_mention_is_still_refused()
    {
        var read = Read("<at>Alex Wilber</at> and Bob", AlexInTeams);

        Assert.False(read.IsValid);
        Assert.Contains("\"Bob\"", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Connectives_alone_name_nobody()
    {
        var read = Read("and &");

        Assert.False(read.IsValid);
        Assert.Contains("at least one person", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_person_mentioned_twice_is_listed_once()
    {
        var read = Read("<at>Alex Wilber</at> <at>Alex Wilber</at>", AlexInTeams, AlexInTeams);

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal([People.Alex], read.Value!.People);
    }

    [Fact]
    public void Same_email_in_different_case_is_listed_once()
    {
        var read = Read("alex@contoso.com, ALEX@contoso.com");

        Assert.True(read.IsValid, read.Problem);
        Assert.Single(read.Value!.People!);
    }

    [Fact]
    public void Email_of_someone_also_mentioned_is_listed_once()
    {
        var read = Read("<at>Alex Wilber</at> alex@contoso.com", AlexInTeams);

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal([People.Alex], read.Value!.People);
    }
}
