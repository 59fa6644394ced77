using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Ports;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Tests.Hosting;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Sessions;

/// <summary>
/// People as the Slack workspace knows them: named by email they become Slack users
/// (users.lookupByEmail), and people named in last release's plan who have left the release
/// channel (conversations.members) are pointed out in the review.
/// </summary>
public sealed class SlackPeopleTests : HostTestBase
{
    private const string Tenant = $"slack:{SlackPayloads.TeamId}";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Slack.AddUser(SlackPayloads.Developer, "Diego Siciliani", "America/New_York", "diego@contoso.com");
        await StartAsync();
    }

    [Fact]
    public async Task A_section_assigned_by_email_reaches_the_slack_user_with_that_email()
    {
        await Session.CommandAsync("Contoso.Web 2.5");

        var sent = await Session.SayAsync("assign 6 Diego@Contoso.com");

        Assert.Contains(sent, m => m.Channel == SlackPayloads.OwnerDm && m.Shows("Assigned section 6, Delivery team, to Diego Siciliani"));
        Assert.Contains(sent, m => m.Channel == SlackPayloads.Developer && m.Shows(PlanChecklist.Get("delivery-team").Text));
        Assert.Equal("diego@contoso.com", Slack.CallsTo("users.lookupByEmail").Single().Form("email")?.ToLowerInvariant());
    }

    [Fact]
    public async Task An_unknown_email_is_refused_with_a_hint_and_nothing_is_assigned()
    {
        await Session.CommandAsync("Contoso.Web 2.5");

        var sent = await Session.SayAsync("assign 6 nobody@contoso.com");

        Assert.Contains(sent, m => m.Channel == SlackPayloads.OwnerDm && m.Shows("I can't find nobody@contoso.com to write to them. @mention them instead"));
        Assert.Empty((await Store.FindPlanAsync(Tenant, "Contoso.Web", "2.5", CancellationToken.None))!.Document.Plan.Assignments);
    }

    [Fact]
    public async Task Someone_who_left_the_release_channel_is_pointed_out_when_next_release_starts_from_this_one()
    {
        Assert.Single(await Session.MentionAsync("channel set Contoso.Web"));
        var replies = await Session.CommandAsync("Contoso.Web 2.4");
        foreach (var question in PlanChecklist.Questions)
        {
            replies = await Session.SayAsync(SlackAnswers.For(question));
        }

        Assert.Contains(replies, r => r.Shows("100% complete"));
        // Diego, named in the delivery team, has left; one member per page makes the bot follow the cursor.
        Slack.ChannelMembers[SlackPayloads.ReleaseChannel] = [SlackPayloads.Owner, SlackPayloads.BotUserId, SlackPayloads.Approver];
        Slack.MembersPageSize = 1;

        await Session.CommandAsync("Contoso.Web 2.5");
        var started = await Session.SayAsync("baseline");

        Assert.Contains(started, m => m.Shows("No longer in the release channel's team: Diego Siciliani;"));
        Assert.Equal(3, Slack.CallsTo("conversations.members").Count);
        Assert.Equal([SlackPayloads.Developer], (await Store.FindPlanAsync(Tenant, "Contoso.Web", "2.5", CancellationToken.None))!.Document.Departed);
    }

    private IConversationStore Store => Host.Services.GetRequiredService<IConversationStore>();
}
