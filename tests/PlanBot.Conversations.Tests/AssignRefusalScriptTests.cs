using PlanBot.Conversations.State;
using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary><c>assign</c> typed in ways it cannot act on: each is refused saying what would work, and nothing is assigned.</summary>
public sealed class AssignRefusalScriptTests
{
    private const string HowToAssign = "Name a section and a person: `assign <section> @person`, for example `assign 6 @Megan` or `assign delivery megan@contoso.com`.";

    private readonly BotWorld world = new();

    [Theory]
    [InlineData("assign 6")]
    [InlineData("assign bananas <at>Megan Bowen</at>")]
    [InlineData("assign 10 <at>Megan Bowen</at>")]
    public async Task Assign_without_a_section_it_knows_says_how_to_name_one(string command)
    {
        var dana = await Started();

        await dana.Send(command, TestPeople.MentionOf(TestPeople.Megan));

        Assert.Equal($"notice Problem\n{HowToAssign}", dana.Replies[0].Text);
        AssertNothingAssigned(dana);
    }

    [Fact]
    public async Task Assign_to_two_people_is_refused()
    {
        var dana = await Started();

        await dana.Send("assign 6 <at>Megan Bowen</at> <at>Alex Wilber</at>", TestPeople.MentionOf(TestPeople.Megan), TestPeople.MentionOf(TestPeople.Alex));

        Assert.Equal("notice Problem\nAssign a section to one person at a time.", dana.Replies[0].Text);
        AssertNothingAssigned(dana);
    }

    [Fact]
    public async Task Assign_to_a_bare_name_says_how_to_name_a_person()
    {
        var dana = await Started();

        await dana.Send("assign 6 Megan");

        Assert.StartsWith("notice Problem\nI can't tell who \"Megan\" is from a name alone.", dana.Replies[0].Text, StringComparison.Ordinal);
        AssertNothingAssigned(dana);
    }

    [Fact]
    public async Task Assign_with_reminders_off_promises_no_reminder()
    {
        world.Options.MaxReminders = 0;
        var dana = await Started();

        await dana.Send("assign risks <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        Assert.Contains(dana.Replies, r => r.Text == "notice Success\nAssigned section 3, Risks and issues, to Megan Bowen; I've asked them its questions in a personal chat.");
        dana.ExpectNoReplyContaining("remind");
    }

    [Fact]
    public async Task Assign_with_reminders_on_says_when_the_first_one_comes()
    {
        world.Options.ReminderDelay = TimeSpan.FromHours(24);
        var dana = await Started();

        await dana.Send("assign risks <at>Megan Bowen</at>", TestPeople.MentionOf(TestPeople.Megan));

        dana.ExpectReplyContaining("I've asked them its questions in a personal chat. If it is still open in 1 day, I'll remind them.");
    }

    private async Task<ChatScript> Started()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        return dana;
    }

    private void AssertNothingAssigned(ChatScript dana)
    {
        Assert.DoesNotContain(dana.Replies, r => r.Reply.Mode == DeliveryMode.Direct);
        Assert.Empty(world.PlanOf("Contoso.Web", "2.4").Assignments);
    }
}
