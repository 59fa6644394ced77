using PlanBot.Domain.Checklist;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>OpenUP steps 1 and 3 over the real host: find the earlier plan, start from it, confirm what still holds.</summary>
public sealed class ReuseOverHttpTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();
    private readonly PlanBotFactory factory;
    private readonly BotClient bot;

    public ReuseOverHttpTests()
    {
        factory = new PlanBotFactory(database.Path, connector);
        bot = new BotClient(factory, new Activities());
    }

    public void Dispose()
    {
        factory.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task Planning_the_next_release_offers_the_previous_plan_and_walks_every_carried_answer()
    {
        await DraftAsync("2.4", q => q.Id == "components" ? "Contoso.Web 2.4 package, Contoso.Api 2.4" : InterviewAnswers.For(q));

        var offer = Assert.Single(await bot.SayAsync("plan Contoso.Web 2.5"));
        Assert.Contains("plan for Contoso.Web 2.4", offer, StringComparison.Ordinal);
        Assert.Contains("`baseline`", offer, StringComparison.Ordinal);

        var first = Assert.Single(await bot.SayAsync("baseline"));
        Assert.Contains("from the plan for Contoso.Web 2.4", first, StringComparison.Ordinal);
        // The features in scope belong to 2.4 only: never carried over, so asked afresh.
        Assert.Contains(PlanChecklist.Get("features").Text, first, StringComparison.Ordinal);
        Assert.DoesNotContain("Current answer", first, StringComparison.Ordinal);

        await bot.SayAsync("Dark mode");
        await bot.SayAsync("Dark mode for night shifts");
        var components = Assert.Single(connector.Texts);
        Assert.Contains(PlanChecklist.Get("components").Text, components, StringComparison.Ordinal);
        Assert.Contains("carried over", components, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("mentions 2.4, the previous release", components, StringComparison.Ordinal);

        // Submitting with unconfirmed carried-over answers is refused, naming them.
        var refused = (await bot.SayAsync("submit"))[0];
        Assert.Contains("not complete", refused, StringComparison.Ordinal);
        Assert.Contains(PlanChecklist.Get("components").Text, refused, StringComparison.Ordinal);

        var status = Assert.Single(await bot.SayAsync("status"));
        Assert.Contains("Carried over, not confirmed", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_change_and_remove_settle_carried_answers_and_the_summary_shows_the_changes()
    {
        await DraftAsync("2.4", InterviewAnswers.For);
        await bot.SayAsync("plan Contoso.Web 2.5");
        var replies = await bot.SayAsync("baseline");

        var kept = 0;
        var guard = 0;
        var transcript = new List<string>();
        while (guard++ < 60)
        {
            var last = replies[^1];
            transcript.Add(last);
            if (last.Contains("100% complete", StringComparison.Ordinal) || last.Contains("Deployment plan:", StringComparison.Ordinal))
            {
                break;
            }

            var question = PlanChecklist.Questions.FirstOrDefault(q => last.Contains(q.Text, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Neither a question nor the end: {string.Join("\n----\n", transcript.TakeLast(3))}");
            // A section form asks its first open question first (here never a carried one: features start empty).
            var form = last.Contains("Save section", StringComparison.Ordinal);
            if (!form && last.Contains("not confirmed", StringComparison.Ordinal))
            {
                replies = question.Id switch
                {
                    "risks" => await bot.SayAsync("A new risk for 2.5"),
                    "training" => await RemoveThenAnswerAsync("No"),
                    _ => await KeepAsync(),
                };
                kept++;
            }
            else
            {
                replies = await bot.SayAsync(InterviewAnswers.For(question));
            }
        }

        Assert.True(kept > 10, $"only {kept} carried answers were reviewed");
        var summary = Assert.Single(await bot.SayAsync("status"));
        Assert.Contains("100% complete", summary, StringComparison.Ordinal);
        var show = Assert.Single(await bot.SayAsync("show"));
        Assert.DoesNotContain("not confirmed", show, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_newest_earlier_release_is_offered_comparing_versions_by_number()
    {
        await DraftAsync("2.9", InterviewAnswers.For);
        await DraftAsync("2.10", InterviewAnswers.For);

        var offer = Assert.Single(await bot.SayAsync("plan Contoso.Web 2.11"));

        Assert.Contains("plan for Contoso.Web 2.10", offer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fresh_starts_empty_despite_the_offer()
    {
        await DraftAsync("2.4", InterviewAnswers.For);
        await bot.SayAsync("plan Contoso.Web 2.5");

        var fresh = Assert.Single(await bot.SayAsync("fresh"));

        Assert.Contains("Started the deployment plan for Contoso.Web 2.5", fresh, StringComparison.Ordinal);
        var status = Assert.Single(await bot.SayAsync("status"));
        Assert.Contains("0% complete", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_first_release_hears_of_plans_of_products_with_a_similar_feature_set()
    {
        await DraftAsync("3.1", q => q.Id switch
        {
            "features" => "Checkout, payments, order history",
            "components" => "payments gateway, checkout web",
            _ => InterviewAnswers.For(q),
        }, product: "Fabrikam.Shop");

        await bot.SayAsync("plan Contoso.Store 1.0");
        await bot.SayAsync("Payments and a new checkout");
        await bot.SayAsync("Checkout in one step");
        var afterComponents = Assert.Single(await bot.SayAsync("checkout web, payments gateway"));

        Assert.Contains("Fabrikam.Shop 3.1", afterComponents, StringComparison.Ordinal);
        Assert.Contains("checkout", afterComponents, StringComparison.Ordinal);
        Assert.Contains("baseline <product> <version>", afterComponents, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<string>> KeepAsync() => await bot.SayAsync("keep");

    private async Task<IReadOnlyList<string>> RemoveThenAnswerAsync(string answer)
    {
        var removed = Assert.Single(await bot.SayAsync("remove"));
        Assert.Contains("Removed", removed, StringComparison.Ordinal);
        return await bot.SayAsync(answer);
    }

    private async Task DraftAsync(string version, Func<Question, string> answer, string product = "Contoso.Web")
    {
        await bot.SayAsync($"plan {product} {version}");
        if (connector.Texts.Any(t => t.Contains("`baseline`", StringComparison.Ordinal)))
        {
            await bot.SayAsync("fresh");
        }

        foreach (var question in PlanChecklist.Questions)
        {
            await bot.SayAsync(answer(question));
        }

        Assert.Contains(connector.Texts, t => t.Contains("100% complete", StringComparison.Ordinal));
    }
}
