using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
        await Task.Delay(100);
        connector.Clear();

        clock.Advance(TimeSpan.FromHours(7));
        await Task.Delay(300);
        Assert.DoesNotContain(connector.Texts, t => t.Contains("Reminder", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        var reminder = await WaitForAsync(() => connector.Calls.FirstOrDefault(c => c.Method == HttpMethod.Post && (c.Text ?? string.Empty).Contains("Reminder:", StringComparison.Ordinal)));

        Assert.Equal(chatPath, reminder.Uri.AbsolutePath);
        Assert.Contains("asked you 8 hours ago to answer section 6, Delivery team", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(1, connector.Calls.Count(c => (c.Text ?? string.Empty).Contains("Reminder:", StringComparison.Ordinal)));
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 100; i++)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("The host sent no reminder within 5 seconds.");
    }
}
