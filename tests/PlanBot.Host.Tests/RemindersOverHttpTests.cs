using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Conversations.Ports;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>
/// Reminders through the real host: its background service finds the assignment left unanswered
/// and reminds the assignee in the personal chat the bot opened with them, through the Connector.
/// </summary>
public sealed class RemindersOverHttpTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly PlanBotFactory factory;
    private readonly BotClient bot;

    public RemindersOverHttpTests()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Engine:ReminderDelay"] = "08:00:00",
            ["Engine:ReminderScanInterval"] = "00:01:00",
        };
        factory = new PlanBotFactory(database.Path, connector, settings, services => services.AddSingleton<TimeProvider>(clock));
        bot = new BotClient(factory, new Activities());
    }

    public void Dispose()
    {
        factory.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task An_assignment_left_unanswered_is_reminded_in_the_assignees_personal_chat()
    {
        await bot.SayAsync("plan Contoso.Web 2.5");
        var assign = bot.Activities.Message("assign 6 <at>Megan Bowen</at>");
        assign["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Megan Bowen</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:megan", ["name"] = "Megan Bowen" },
        });
        await bot.PostAsync(assign);
        // The bot opened a personal chat with Megan (POST v3/conversations) and asked her there.
        var opened = Assert.Single(connector.Calls, c => c.Method == HttpMethod.Post && c.Uri.AbsolutePath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        Assert.Contains("29:megan", opened.Body, StringComparison.Ordinal);
        var asked = connector.Calls.Last(c => c.Method == HttpMethod.Post && c.Uri.AbsolutePath.Contains("/v3/conversations/reply-", StringComparison.Ordinal));
        var chatPath = asked.Uri.AbsolutePath;
        connector.Clear();

        // Seven hours on nothing is due, so no scan of the host, now or later in the hour, has a reminder to send.
        clock.Advance(TimeSpan.FromHours(7));
        var store = factory.Services.GetRequiredService<IConversationStore>();
        Assert.Empty(await store.ListDueRemindersAsync(clock.GetUtcNow(), 10, CancellationToken.None));
        Assert.DoesNotContain(connector.Texts, t => t.Contains("Reminder", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var reminder = await Eventually.ValueAsync(
            () => connector.Calls.FirstOrDefault(c => c.Method == HttpMethod.Post && (c.Text ?? string.Empty).Contains("Reminder:", StringComparison.Ordinal)),
            "the host's next scan to send the reminder");

        Assert.Equal(chatPath, reminder.Uri.AbsolutePath);
        Assert.Contains("asked you 8 hours ago to answer section 6, Delivery team", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(1, connector.Calls.Count(c => (c.Text ?? string.Empty).Contains("Reminder:", StringComparison.Ordinal)));
    }
}
