using PlanBot.Domain.Checklist;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

public sealed class InterviewOverHttpTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Answering_every_question_gives_a_complete_plan()
    {
        using var factory = new PlanBotFactory(database.Path, connector);
        var bot = new BotClient(factory, new Activities());

        var replies = await bot.SayAsync("plan Contoso.Web 2.4");
        foreach (var question in PlanChecklist.Questions)
        {
            Assert.Contains(question.Text, replies[^1], StringComparison.Ordinal);
            replies = await bot.SayAsync(InterviewAnswers.For(question));
        }

        Assert.Contains(replies, r => r.Contains("100% complete", StringComparison.Ordinal));
        var status = Assert.Single(await bot.SayAsync("status"));
        Assert.Contains("100% complete", status, StringComparison.Ordinal);
        Assert.Contains($"{PlanChecklist.Count} of {PlanChecklist.Count}", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_host_resumes_at_the_same_question_with_nothing_lost()
    {
        var activities = new Activities();
        var questions = PlanChecklist.Questions;
        using (var first = new PlanBotFactory(database.Path, connector))
        {
            var bot = new BotClient(first, activities);
            await bot.SayAsync("plan Contoso.Web 2.4");
            for (var i = 0; i < 5; i++)
            {
                await bot.SayAsync(InterviewAnswers.For(questions[i]));
            }
        }

        using var restarted = new PlanBotFactory(database.Path, connector);
        var resumed = new BotClient(restarted, activities);

        var reply = Assert.Single(await resumed.SayAsync(InterviewAnswers.For(questions[5])));
        Assert.Contains(questions[6].Text, reply, StringComparison.Ordinal);
        var status = Assert.Single(await resumed.SayAsync("status"));
        Assert.Contains($"6 of {PlanChecklist.Count}", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_is_refused_with_the_expected_form_and_asked_again()
    {
        using var factory = new PlanBotFactory(database.Path, connector);
        var bot = new BotClient(factory, new Activities());
        await bot.SayAsync("plan Contoso.Web 2.4");
        await bot.SayAsync("edit timing");

        var reply = Assert.Single(await bot.SayAsync("next tuesday-ish"));

        Assert.Contains("2027-03-15 or 15 Mar 2027", reply, StringComparison.Ordinal);
        Assert.Contains("When must the features be available?", reply, StringComparison.Ordinal);
    }
}
