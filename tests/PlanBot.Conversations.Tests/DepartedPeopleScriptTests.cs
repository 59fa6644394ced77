using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// Carried-over answers that name people who have left the team: pointed out when the release
/// channel can list its members, and left alone where it cannot tell.
/// </summary>
public sealed class DepartedPeopleScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task A_person_who_left_the_release_channels_team_is_pointed_out_in_the_review()
    {
        var dana = await BaselineAfterAsync(() => world.People.Leave(TestPeople.Alex));

        dana.ExpectReplyContaining("No longer in the release channel's team: Alex Wilber;");
        var approvers = await ReviewUntil(dana, "approvers");
        Assert.Contains("problem: Check this answer: it names Alex Wilber, who is no longer in the release channel's team.", approvers, StringComparison.Ordinal);
        Assert.DoesNotContain("Megan Bowen, who is no longer", approvers, StringComparison.Ordinal);
        var team = await ReviewUntil(dana, "delivery-team");
        Assert.Contains("it names Alex Wilber, who is no longer in the release channel's team", team, StringComparison.Ordinal);
        Assert.Equal(["aad-alex"], world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.5")!.Departed);
    }

    [Fact]
    public async Task Nobody_is_pointed_out_when_everyone_named_is_still_in_the_team()
    {
        var dana = await BaselineAfterAsync(() => { });

        dana.ExpectNoReplyContaining("No longer in the release channel's team");
        Assert.DoesNotContain("no longer in the release channel's team", await ReviewUntil(dana, "approvers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_release_channel_to_ask_nobody_is_called_departed()
    {
        var dana = world.Chat(TestPeople.Dana);
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo(null, world.Now);

        await dana.Send("plan Contoso.Web 2.5");
        await dana.Send("baseline");

        dana.ExpectNoReplyContaining("No longer in the release channel's team");
        Assert.Empty(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.5")!.Departed);
    }

    /// <summary>
    /// Dana, Alex and Megan are the release channel's team; Dana completes 2.4 (Alex and Megan
    /// named in it), the team changes by <paramref name="teamChange"/>, and Dana starts 2.5 from 2.4.
    /// </summary>
    private async Task<ChatScript> BaselineAfterAsync(Action teamChange)
    {
        world.People.Join(TestPeople.Dana, TestPeople.Alex, TestPeople.Megan);
        await world.InChannel(TestPeople.Dana).Send("channel set Contoso.Web");
        var dana = world.Chat(TestPeople.Dana);
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo(null, world.Now);
        teamChange();
        await dana.Send("plan Contoso.Web 2.5");
        await dana.Send("baseline");
        return dana;
    }

    /// <summary>Keeps carried answers and answers cleared ones until <paramref name="questionId"/> is asked; returns that question.</summary>
    private async Task<string> ReviewUntil(ChatScript chat, string questionId)
    {
        for (var step = 0; step < 40; step++)
        {
            var (id, carried) = chat.Asked;
            if (id == questionId)
            {
                return chat.Replies[^1].Text;
            }

            if (carried)
            {
                await chat.Send("keep");
            }
            else
            {
                await chat.AnswerValidly(id, world.Now);
            }
        }

        throw new Xunit.Sdk.XunitException($"The review never asked {questionId}.");
    }
}
