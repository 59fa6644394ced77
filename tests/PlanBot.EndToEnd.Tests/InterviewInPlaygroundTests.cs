using System.Text.Json.Nodes;
using PlanBot.Domain.Checklist;
using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Storage.Sqlite;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>The walking skeleton as a newcomer uses it: a whole plan drafted in the Teams emulator.</summary>
public sealed class InterviewInPlaygroundTests(ITestOutputHelper output)
{
    [NodeFact]
    public async Task A_complete_plan_is_drafted_in_the_personal_chat_and_stored()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var chat = playground.Conversations.PersonalChat;

        var turn = (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();
        foreach (var question in PlanChecklist.Questions)
        {
            Assert.Contains(Shown.Of(turn), t => t.Contains(question.Text, StringComparison.Ordinal));
            turn = (await playground.SendAsync(chat, InterviewAnswers.For(question))).EnsureBotSucceeded();
        }

        Assert.Contains(Shown.Of(turn), t => t.Contains("100% complete", StringComparison.Ordinal));
        var status = (await playground.SendAsync(chat, "status")).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(status), t => t.Contains("100% complete", StringComparison.Ordinal));

        session.Host.Kill();
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = session.DatabasePath });
        await store.InitializeAsync(CancellationToken.None);
        var stored = await store.FindPlanAsync($"msteams:{playground.Config.TenantId}", "Contoso.Web", "2.4", CancellationToken.None);
        Assert.NotNull(stored);
        var completeness = stored.Document.Plan.Completeness();
        Assert.True(completeness.IsComplete, string.Join("; ", completeness.Missing.Select(q => q.Id)));
        Assert.Equal(PlanChecklist.Count, stored.Document.Plan.Answers.Count);
        Assert.All(stored.Document.Plan.Answers.Values, a => Assert.Equal(playground.Config.CurrentUser.Id, a.Provenance.AnsweredBy.Id));
    }

    [NodeFact]
    public async Task An_earlier_question_card_answers_its_own_question()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var chat = playground.Conversations.PersonalChat;
        var questions = PlanChecklist.Questions;
        (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();

        // A typed answer brings the next question as a card of its own: question 2's card.
        var answered = (await playground.SendAsync(chat, InterviewAnswers.For(questions[0]))).EnsureBotSucceeded();
        var secondCard = answered.Messages.Single(m => m.AdaptiveCards.Any());
        for (var i = 1; i < 4; i++)
        {
            (await playground.SendAsync(chat, InterviewAnswers.For(questions[i]))).EnsureBotSucceeded();
        }

        // Question 5 (a date) is open; "Save answer" on question 2's card, still in the chat, is pressed.
        var save = secondCard.AdaptiveCards.First().Content!["actions"]!.AsArray().Select(a => a!.AsObject()).First(a => a["title"]!.GetValue<string>() == "Save answer");
        var value = save["data"]!.DeepClone().AsObject();
        value["answer"] = "One-step checkout for returning customers";
        var pressed = (await playground.SubmitAsync(chat, secondCard.MessageId, value)).EnsureBotSucceeded();

        Assert.Contains(Shown.Of(pressed), t => t.Contains($"Saved to question 2 (\"{questions[1].Text}\")", StringComparison.Ordinal));
        Assert.Contains(Shown.Of(pressed), t => t.Contains(questions[4].Text, StringComparison.Ordinal));
        var typed = (await playground.SendAsync(chat, InterviewAnswers.For(questions[4]))).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(typed), t => t.Contains(questions[5].Text, StringComparison.Ordinal));

        session.Host.Kill();
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = session.DatabasePath });
        var plan = (await store.FindPlanAsync($"msteams:{playground.Config.TenantId}", "Contoso.Web", "2.4", CancellationToken.None))!.Document.Plan;
        Assert.Equal("One-step checkout for returning customers", plan.AnswerTo(questions[1].Id)!.Value.Text);
        Assert.Equal(5, plan.Answers.Count);
    }

    [NodeFact]
    public async Task Killing_and_restarting_the_host_mid_interview_continues_at_the_same_question()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var chat = playground.Conversations.PersonalChat;
        var questions = PlanChecklist.Questions;
        (await playground.SendAsync(chat, "plan Contoso.Web 2.4")).EnsureBotSucceeded();
        for (var i = 0; i < 5; i++)
        {
            (await playground.SendAsync(chat, InterviewAnswers.For(questions[i]))).EnsureBotSucceeded();
        }

        await session.RestartHostAsync();

        var turn = (await playground.SendAsync(chat, InterviewAnswers.For(questions[5]))).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(turn), t => t.Contains(questions[6].Text, StringComparison.Ordinal));
        var status = (await playground.SendAsync(chat, "status")).EnsureBotSucceeded();
        Assert.Contains(Shown.Of(status), t => t.Contains($"6 of {PlanChecklist.Count}", StringComparison.Ordinal));
    }
}
