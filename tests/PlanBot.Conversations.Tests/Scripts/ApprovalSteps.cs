using PlanBot.Domain.Answers;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>Steps of the approval scripts: a plan answered and submitted, and a person opening it in their own chat.</summary>
public static class ApprovalSteps
{
    /// <summary>
    /// Dana makes the team's channel the product's release channel, answers the whole plan, sets
    /// the quorum to all when asked, and submits it; returns her chat.
    /// </summary>
    public static async Task<ChatScript> SubmitPlan(this BotWorld world, string product, string version, bool everyApprover = false)
    {
        ArgumentNullException.ThrowIfNull(world);
        await world.SetReleaseChannel(TestPeople.Dana, product);
        var dana = await world.CompletePlan(product, version);
        if (everyApprover)
        {
            await dana.Send("quorum all");
        }

        await dana.Send("submit");
        dana.ExpectReplyContaining($"Submitted the plan for {product} {version}");
        return dana;
    }

    /// <summary>A new chat of <paramref name="person"/> with the release's plan opened in it.</summary>
    public static async Task<ChatScript> OpenPlan(this BotWorld world, PersonRef person, string release)
    {
        ArgumentNullException.ThrowIfNull(world);
        var chat = world.Chat(person);
        await chat.Send($"plan {release}");
        return chat;
    }
}
