using System.Net;
using PlanBot.Slack.Tests.Infrastructure;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Hosting;

public sealed class CommandsEndpointTests : HostTestBase
{
    [Fact]
    public async Task Plan_alone_answers_at_once_with_an_empty_200_and_posts_the_help()
    {
        await StartAsync();

        using var response = await Session.Client.CommandAsync(SlackPayloads.Command(string.Empty));
        await Host.WhenIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var help = Assert.Single(Slack.CallsTo("chat.postMessage"));
        Assert.Equal(SlackPayloads.OwnerDm, help.Channel);
        Assert.True(help.Shows("Commands"), help.Readable);
    }

    [Fact]
    public async Task Plan_with_a_release_starts_its_interview()
    {
        await StartAsync();

        var sent = await Session.CommandAsync("Contoso.Web 2.4");

        var question = Assert.Single(sent);
        Assert.True(question.Shows("Started the deployment plan for Contoso.Web 2.4"), question.Readable);
        Assert.True(question.Shows("What features must be deployed?"), question.Readable);
    }

    [Fact]
    public async Task Plan_help_and_plan_status_are_the_chat_commands()
    {
        await StartAsync();

        Assert.True(Assert.Single(await Session.CommandAsync("help")).Shows("Commands"));
        Assert.True(Assert.Single(await Session.CommandAsync("status")).Shows("plan <product> <version>"));
    }

    [Fact]
    public async Task A_command_from_another_workspace_gets_401()
    {
        await StartAsync();
        var fields = SlackPayloads.Command("help");
        fields["team_id"] = "T0OTHER";

        using var response = await Session.Client.CommandAsync(fields);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(Slack.Calls);
    }

    [Fact]
    public async Task When_the_queue_is_full_the_user_is_told_at_once()
    {
        await StartAsync(settings =>
        {
            settings["Slack:Workers"] = "1";
            settings["Slack:QueueCapacity"] = "1";
        });
        Slack.UserInfoDelay = TimeSpan.FromSeconds(1);

        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await Session.Client.CommandAsync(SlackPayloads.Command("help"));
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        await Host.WhenIdleAsync();
        Assert.Contains(answers, a => a.Contains("\"response_type\":\"ephemeral\"", StringComparison.Ordinal) && a.Contains("busy", StringComparison.Ordinal));
    }
}
