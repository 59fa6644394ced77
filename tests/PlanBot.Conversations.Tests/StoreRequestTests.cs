using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Tests;

/// <summary>An answering turn is one read and one conditional write, whatever the turns before it left behind.</summary>
public sealed class StoreRequestTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Answering_turn_costs_one_read_and_one_write()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");
        world.Store.ResetCounters();

        await chat.Send("Saved carts");

        chat.ExpectQuestion("components");
        Assert.Equal((1, 1), (world.Store.Reads, world.Store.Writes));
    }

    /// <summary>
    /// The one exception, once per plan: a product's first plan, after section 1 names its features
    /// and components, lists the tenant's plans to suggest similar ones (OpenUP step 1).
    /// </summary>
    [Fact]
    public async Task Every_answer_of_the_interview_costs_one_read_and_one_write()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        var costs = new List<(string Question, int Reads, int Writes)>();

        foreach (var question in PlanChecklist.Questions)
        {
            world.Store.ResetCounters();
            await chat.AnswerValidly(question.Id, world.Now);
            costs.Add((question.Id, world.Store.Reads, world.Store.Writes));
        }

        Assert.Equal(PlanChecklist.Questions.Select(q => (q.Id, q.Id == "components" ? 2 : 1, 1)), costs);
    }

    [Fact]
    public async Task Refused_answer_costs_one_read_and_one_write()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.AnswerUpTo("available-by", world.Now);
        world.Store.ResetCounters();

        await chat.Send("whenever");

        Assert.Equal((1, 1), (world.Store.Reads, world.Store.Writes));
    }

    [Fact]
    public async Task Answer_in_a_second_conversation_costs_one_read_and_one_write()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout v2");
        world.Store.ResetCounters();

        await alex.Send("Saved carts");

        Assert.Equal((1, 1), (world.Store.Reads, world.Store.Writes));
    }
}
