using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Tests.Scripts;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests;

/// <summary>
/// A move the plan's rules refuse is said in chat with what helps next; the domain names the rule,
/// the chat wording (and its commands) lives here.
/// </summary>
public sealed class RefusalScriptTests
{
    private readonly BotWorld world = new();

    [Fact]
    public async Task Answering_a_plan_someone_cancelled_says_how_to_reopen_it_and_changes_nothing()
    {
        var dana = world.Chat();
        await dana.Send("plan Contoso.Web 2.4");
        await dana.AnswerUpTo("risks", world.Now);
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");
        await dana.Send("cancel");

        await megan.Send("Payment provider freeze");

        megan.ExpectReplyContaining("The plan for Contoso.Web 2.4 is cancelled. Type `plan Contoso.Web 2.4` to reopen it.");
        Assert.Null(world.PlanOf("Contoso.Web", "2.4").AnswerTo("risks"));
    }

    [Fact]
    public async Task Someone_else_submitting_is_told_whose_plan_it_is()
    {
        var dana = await world.CompletePlan("Contoso.Web", "2.4");
        var megan = world.Chat(TestPeople.Megan);
        await megan.Send("plan Contoso.Web 2.4");

        await megan.Send("submit");

        megan.ExpectReplyContaining("Only the plan's owner, Dana Owner, may submit it.");
        Assert.Equal(PlanState.Draft, world.PlanOf("Contoso.Web", "2.4").State);
        Assert.NotNull(dana);
    }

    [Theory]
    [InlineData(PlanRule.Cancelled, "The plan for Contoso.Web 2.4 is cancelled. Type `plan Contoso.Web 2.4` to reopen it.")]
    [InlineData(PlanRule.NotInReview, "The plan for Contoso.Web 2.4 is a draft; decisions are taken once it is submitted.")]
    [InlineData(PlanRule.NotAnApprover, "Only the approvers named in section 5 may approve or reject this plan: . Nothing was recorded.")]
    [InlineData(PlanRule.RevisionChanged, "The domain's words. Review the current plan and decide again.")]
    [InlineData(PlanRule.Incomplete, "The domain's words.")]
    public void Each_rule_is_said_in_chat_words(PlanRule rule, string expected)
    {
        var plan = Plan.Start("p1", BotWorld.Tenant, "Contoso.Web", "2.4", TestPeople.Dana, world.Now);

        Assert.Equal(expected, PlanWording.Refusal(new PlanRuleException(rule, "The domain's words."), plan));
    }
}
