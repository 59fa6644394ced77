using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Tests.Scripts;

/// <summary>Steps for scripts that span releases, channels and people: release channels, whole plans, approvals.</summary>
public static class PlanningSteps
{
    public const string ReleaseChannelId = "19:release@thread.tacv2";

    /// <summary>
    /// <paramref name="admin"/> makes the team's release channel the product's release channel (the
    /// first person to do so in a tenant becomes its release admin).
    /// </summary>
    public static async Task<ChatScript> SetReleaseChannel(this BotWorld world, PersonRef admin, string product)
    {
        ArgumentNullException.ThrowIfNull(world);
        var channel = world.InChannel(admin, ReleaseChannelId);
        await channel.Send($"channel set {product}");
        channel.ExpectReplyContaining($"This channel is now the release channel for {product}");
        return channel;
    }

    /// <summary>
    /// Answers every question the interview asks, in checklist order from the current one: the text
    /// in <paramref name="answers"/> where given (<c>skip</c> leaves a question open), else a valid sample answer.
    /// </summary>
    public static async Task AnswerAll(this ChatScript chat, DateTimeOffset now, IReadOnlyDictionary<string, string>? answers = null)
    {
        ArgumentNullException.ThrowIfNull(chat);
        foreach (var question in PlanChecklist.Questions)
        {
            if (answers is not null && answers.TryGetValue(question.Id, out var text))
            {
                chat.ExpectQuestion(question.Id);
                await chat.Send(text);
            }
            else
            {
                await chat.AnswerValidly(question.Id, now);
            }
        }

        chat.ExpectReplyContaining("That was the last ");
    }

    /// <summary>Starts a release's plan in a new chat of <paramref name="owner"/> and answers all of it.</summary>
    public static async Task<ChatScript> CompletePlan(this BotWorld world, string product, string version, IReadOnlyDictionary<string, string>? answers = null, PersonRef? owner = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        var chat = world.Chat(owner ?? TestPeople.Dana);
        await chat.Send($"plan {product} {version}");
        chat.ExpectQuestion("features");
        await chat.AnswerAll(world.Now, answers);
        return chat;
    }

    /// <summary>The owner submits the release's plan; <paramref name="approver"/> opens it in their own chat and approves it.</summary>
    public static async Task SubmitAndApprove(this BotWorld world, ChatScript owner, string release, PersonRef approver)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(owner);
        await owner.Send("submit");
        owner.ExpectReplyContaining($"Submitted the plan for {release}");
        var chat = world.Chat(approver);
        await chat.Send($"plan {release}");
        await chat.Send("approve");
        chat.ExpectReplyContaining($"The plan for {release} is approved: ready for production.");
    }

    /// <summary>A release's plan as stored, failing the test when there is none.</summary>
    public static Plan PlanOf(this BotWorld world, string product, string version)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Store.PlanOf(BotWorld.Tenant, product, version)?.Plan
            ?? throw new Xunit.Sdk.XunitException($"No plan is stored for {product} {version}.");
    }

    /// <summary>Two answer values hold the same answer (the people and run sheet steps compared one by one, not as list instances).</summary>
    public static void AssertSameValue(AnswerValue expected, AnswerValue actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected with { People = null, Steps = null }, actual with { People = null, Steps = null });
        Assert.Equal(expected.People ?? [], actual.People ?? []);
        Assert.Equal(Steps(expected), Steps(actual));
    }

    private static IEnumerable<string> Steps(AnswerValue value) =>
        (value.Steps ?? []).Select(s => $"{s.Component} on {string.Join(",", s.Nodes)} after {string.Join(",", s.After)}");
}
