using PlanBot.Conversations.Tests.Scripts;

namespace PlanBot.Conversations.Tests;

/// <summary>One plan per release, shared by everyone in the tenant who works on it.</summary>
public sealed class SharedPlanScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Two_people_in_two_conversations_answer_the_same_plan()
    {
        var dana = world.Chat(TestPeople.Dana);
        var alex = world.Chat(TestPeople.Alex);
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout v2");

        await alex.Send("plan Contoso.Web 2.4");
        alex.ExpectReplyContaining("Resuming the plan for Contoso.Web 2.4");
        alex.ExpectQuestion("valuable-features");
        await alex.Send("Saved carts");
        alex.ExpectQuestion("components");

        var plan = world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan;
        Assert.Equal(1, world.Store.PlanCount);
        Assert.Equal(TestPeople.Dana, plan.AnswerTo("features")!.Provenance.AnsweredBy);
        Assert.Equal(TestPeople.Alex, plan.AnswerTo("valuable-features")!.Provenance.AnsweredBy);
        Assert.Equal(TestPeople.Dana, plan.Owner);

        await dana.Send("show");
        dana.ExpectReplyContaining("valuable-features: Saved carts [by Alex Wilber]");
    }

    [Fact]
    public async Task Only_the_owner_may_name_the_approvers()
    {
        var dana = world.Chat(TestPeople.Dana);
        await dana.Send("plan Contoso.Web 2.4");
        var alex = world.Chat(TestPeople.Alex);
        await alex.Send("plan Contoso.Web 2.4");
        await alex.AnswerUpTo("approvers", world.Now);

        await alex.AnswerValidly("approvers", world.Now);

        alex.ExpectReplyContaining("Only the plan's owner, Dana Owner, may change the approvers.");
        alex.ExpectQuestion("approvers");
        Assert.Empty(world.Store.PlanOf(BotWorld.Tenant, "Contoso.Web", "2.4")!.Plan.Approvers);
    }

    [Theory]
    [InlineData("plan contoso.web 2.4")]
    [InlineData("plan CONTOSO.WEB 2.4")]
    public async Task Product_name_is_matched_whatever_its_case(string command)
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout v2");
        var alex = world.Chat(TestPeople.Alex);

        await alex.Send(command);

        alex.ExpectReplyContaining("Resuming the plan for Contoso.Web 2.4");
        alex.ExpectQuestion("valuable-features");
        Assert.Equal(1, world.Store.PlanCount);
    }

    [Fact]
    public async Task Product_name_in_another_case_resumes_in_the_same_conversation()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.Send("Checkout v2");

        await dana.Send("plan contoso.web 2.4");

        dana.ExpectReplyContaining("Resuming the plan for Contoso.Web 2.4");
        dana.ExpectQuestion("valuable-features");
    }

    [Fact]
    public async Task Switching_plans_keeps_each_plans_position()
    {
        var chat = world.Chat();
        await chat.Send("plan Contoso.Web 2.4");
        await chat.Send("Checkout v2");
        await chat.Send("plan Contoso.Api 3.1");
        chat.ExpectQuestion("features");

        await chat.Send("plan Contoso.Web 2.4");

        chat.ExpectQuestion("valuable-features");
    }
}
