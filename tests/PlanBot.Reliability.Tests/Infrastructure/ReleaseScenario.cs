using PlanBot.Conversations.Engine;
using PlanBot.Conversations.State;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Testing;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>
/// A release team in Teams: an owner drafting Contoso.Web 2.4 in a personal chat, a release channel
/// set for the product, approvers named by @mention, and the approval request posted as a thread.
/// </summary>
public sealed class ReleaseScenario(ReliabilityHost host, TeamsClient bot, string product = "Contoso.Web")
{
    public const string Version = "2.4";

    public string Product { get; } = product;

    public TeamsUser Owner { get; } = TeamsUser.Named("owner", "Dana Owner");

    public TeamsConversation OwnerChat { get; } = TeamsConversation.Personal("owner");

    public TeamsConversation Releases { get; } = TeamsConversation.Channel("19:releases@thread.tacv2");

    public static IReadOnlyList<TeamsUser> People(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => TeamsUser.Named($"{prefix}-{i}", $"{Capital(prefix)} {i}")).ToList();

    /// <summary>Makes the release channel Contoso.Web's (the first to configure one becomes release admin).</summary>
    public async Task SetReleaseChannelAsync()
    {
        var set = await bot.SayAsync(Releases, Owner, $"channel set {Product}");
        Assert.Contains(set, d => d.Text.Contains($"release channel for {Product}", StringComparison.Ordinal));
    }

    /// <summary>Answers every question of the checklist, naming <paramref name="approvers"/> by @mention.</summary>
    public async Task DraftAsync(IReadOnlyList<TeamsUser> approvers, string version = Version)
    {
        await bot.SayAsync(OwnerChat, Owner, $"plan {Product} {version}");
        foreach (var question in PlanChecklist.Questions)
        {
            var replies = question.Id == Plan.ApproversQuestion
                ? await bot.SayAsync(OwnerChat, Owner, string.Join(", ", approvers.Select(a => a.MentionMarkup)), mentions: approvers)
                : await bot.SayAsync(OwnerChat, Owner, InterviewAnswers.For(question));
            Assert.Contains(replies, d => d.Text.Contains("Saved", StringComparison.Ordinal) || d.Text.Contains("last question", StringComparison.Ordinal));
        }

        var plan = await host.PlanAsync(OwnerChat, Product, version);
        Assert.True(plan!.Completeness().IsComplete, "the drafted plan is not complete");
    }

    /// <summary>Submits the plan and returns it with the thread its approval request went to.</summary>
    public async Task<(Plan Plan, TeamsConversation Thread)> SubmitAsync(string version = Version)
    {
        var submitted = await bot.SayAsync(OwnerChat, Owner, "submit");
        Assert.Contains(submitted, d => d.IsNewThread);
        var document = (await host.Store.FindPlanAsync(OwnerChat.StoreTenant, Product, version, CancellationToken.None))!.Document;
        Assert.Equal(PlanState.InReview, document.Plan.State);
        var post = document.Posts[PostKeys.Approval];
        return (document.Plan, Releases with { Id = post.Thread.ConversationId });
    }

    /// <summary>Channel set, a complete draft with these approvers, submitted.</summary>
    public async Task<(Plan Plan, TeamsConversation Thread)> InReviewAsync(IReadOnlyList<TeamsUser> approvers, string version = Version)
    {
        await SetReleaseChannelAsync();
        await DraftAsync(approvers, version);
        return await SubmitAsync(version);
    }

    public async Task<Plan> PlanAsync(string version = Version) => (await host.PlanAsync(OwnerChat, Product, version))!;

    private static string Capital(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
