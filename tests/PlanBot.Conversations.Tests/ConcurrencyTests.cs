using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>A turn that loses a write race is re-run on fresh data: nobody's answer is overwritten or lost.</summary>
public sealed class ConcurrencyTests
{
    private readonly BotWorld world = new();

    private Plan StoredPlan => world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan;

    [Fact]
    public async Task Turn_that_meets_one_conflict_is_retried_and_replies_once()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        var revision = StoredPlan.Revision;
        world.Store.InjectConflicts(1);
        world.Store.ResetCounters();

        var outcome = await chat.Send("Checkout v2");

        Assert.Equal(TurnStatus.Processed, outcome.Status);
        chat.ExpectQuestion("valuable-features");
        Assert.Single(chat.Replies);
        Assert.Equal((2, 2), (world.Store.Reads, world.Store.Writes));
        Assert.Equal(revision + 1, StoredPlan.Revision);
        Assert.Single(StoredPlan.History, e => e.What.StartsWith("Answered \"What features", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retried_turn_sees_what_the_winner_wrote()
    {
        var dana = world.Chat(TestPeople.Dana);
        await dana.Send("plan Contoso.Web 2.4");
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");
        await alex.Send("skip");
        alex.ExpectQuestion("valuable-features");

        // Alex's answer lands between Dana's read and Dana's write.
        world.Store.BeforeNextCommit(() => alex.Send("Saved carts"));
        await dana.Send("Checkout v2");

        alex.ExpectQuestion("components");
        Assert.Single(dana.Replies);
        dana.ExpectQuestion("components");
        Assert.Equal("Checkout v2", StoredPlan.AnswerTo("features")!.Value.Text);
        Assert.Equal("Saved carts", StoredPlan.AnswerTo("valuable-features")!.Value.Text);
    }

    [Fact]
    public async Task Turn_that_keeps_losing_gives_up_saying_so_and_saves_nothing()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        world.Store.InjectConflicts(world.Options.MaxCommitAttempts);

        var outcome = await chat.Send("Checkout v2");

        Assert.Equal(TurnStatus.Conflicted, outcome.Status);
        chat.ExpectReplyContaining("your message did not get through. Please send it again.");
        Assert.Null(StoredPlan.AnswerTo("features"));
    }

    [Fact]
    public async Task Two_people_starting_the_same_plan_at_once_share_one_plan()
    {
        var dana = world.Chat(TestPeople.Dana);
        var alex = world.Chat(TestPeople.Alex);

        world.Store.BeforeNextCommit(() => alex.Send("plan Contoso.Web 2.4"));
        await dana.Send("plan Contoso.Web 2.4");

        Assert.Equal(1, world.Store.PlanCount);
        alex.ExpectReplyContaining("Started the deployment plan for Contoso.Web 2.4.");
        dana.ExpectReplyContaining("Resuming the plan for Contoso.Web 2.4");
        Assert.Equal(TestPeople.Alex, StoredPlan.Owner);
    }

    [Fact]
    public async Task Twenty_answers_at_once_through_two_hosts_lose_none()
    {
        var (chats, questions, revision) = await TwentyPeopleEachOnTheirOwnQuestion();
        world.Store.Latency = TimeSpan.FromMilliseconds(5);

        await Task.WhenAll(chats.Select((chat, i) => Task.Run(() => chat.AnswerValidly(questions[i].Id, world.Now))));

        Assert.All(chats, chat => Assert.Equal(TurnStatus.Processed, chat.Outcome!.Status));
        AssertEveryAnswerLanded(chats, questions, revision);
    }

    [Fact]
    public async Task Racing_answers_that_get_through_are_merged_on_fresh_data()
    {
        // Enough attempts for every turn, so this shows the merge itself, apart from the retry budget.
        world.Options.MaxCommitAttempts = 100;
        var (chats, questions, revision) = await TwentyPeopleEachOnTheirOwnQuestion();
        world.Store.Latency = TimeSpan.FromMilliseconds(5);

        await Task.WhenAll(chats.Select((chat, i) => Task.Run(() => chat.AnswerValidly(questions[i].Id, world.Now))));

        AssertEveryAnswerLanded(chats, questions, revision);
    }

    private async Task<(List<ChatScript> Chats, List<Question> Questions, int Revision)> TwentyPeopleEachOnTheirOwnQuestion()
    {
        var hosts = new[] { world.Bot, world.NewHost() };
        var owner = world.Chat();
        await owner.Send("plan Contoso.Web 2.4");
        var questions = PlanChecklist.Questions.Where(q => q.Id != Plan.ApproversQuestion).Take(20).ToList();
        var chats = new List<ChatScript>();
        for (var i = 0; i < questions.Count; i++)
        {
            var chat = world.Chat(TestPeople.Person($"Person{i} Tester"), via: hosts[i % 2]);
            await chat.Send("plan Contoso.Web 2.4");
            for (var skip = 0; skip < PlanChecklist.IndexOf(questions[i].Id); skip++)
            {
                await chat.Send("skip");
            }

            chat.ExpectQuestion(questions[i].Id);
            chats.Add(chat);
        }

        return (chats, questions, StoredPlan.Revision);
    }

    private void AssertEveryAnswerLanded(List<ChatScript> chats, List<Question> questions, int revisionBefore)
    {
        Assert.All(chats, chat => Assert.Contains("note: Saved.", Assert.Single(chat.Replies).Text, StringComparison.Ordinal));
        var plan = StoredPlan;
        Assert.Equal(revisionBefore + questions.Count, plan.Revision);
        for (var i = 0; i < questions.Count; i++)
        {
            Assert.Equal(chats[i].User, plan.AnswerTo(questions[i].Id)?.Provenance.AnsweredBy);
        }
    }
}
