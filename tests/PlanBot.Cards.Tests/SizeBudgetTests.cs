using PlanBot.Cards.AdaptiveCards;
using PlanBot.Cards.Tests.Support;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Checklist;
using PlanBot.Testing;
using Xunit.Abstractions;

namespace PlanBot.Cards.Tests;

/// <summary>Every card stays under 28 KB (UTF-16), however long the answers; Teams' hard limit is never reached.</summary>
public sealed class SizeBudgetTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Names => SampleCards.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Card_is_within_the_budget(string name)
    {
        var card = SampleCards.Named(name);

        Assert.Equal(card.Json.Length * 2, card.Utf16Bytes);
        Assert.True(card.Utf16Bytes <= AdaptiveCardSerializer.BudgetBytes, $"{name} is {card.Utf16Bytes:N0} bytes.");
    }

    [Theory]
    [InlineData("summary-max")]
    [InlineData("summary-max-hostile")]
    [InlineData("approval-max")]
    public void A_plan_with_every_answer_3000_characters_long_fits_with_its_answers_cut(string name)
    {
        var card = SampleCards.Named(name);

        Assert.InRange(card.Utf16Bytes, AdaptiveCardSerializer.BudgetBytes * 3 / 4, AdaptiveCardSerializer.BudgetBytes);
        Assert.Contains("of 3,000 characters)", card.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_max_plan_keeps_as_much_of_each_answer_as_fits()
    {
        var card = SampleCards.Named("summary-max");

        var shown = CutLengths(card.Json);

        Assert.Equal(PlanChecklist.Count, shown.Count);
        Assert.All(shown, length => Assert.InRange(length, 150, 3000));
    }

    [Fact]
    public void A_plan_whose_answers_fit_is_not_cut()
    {
        Assert.DoesNotContain("(cut to", SampleCards.Named("summary-full").Json, StringComparison.Ordinal);
        Assert.DoesNotContain("(cut to", SampleCards.Named("approval-for-approver").Json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_current_answer_is_cut_on_the_question_card()
    {
        var card = SampleCards.Named("question-max-current-answer");

        Assert.Contains("of 3,000 characters)", card.Json, StringComparison.Ordinal);
        Assert.True(card.Utf16Bytes <= AdaptiveCardSerializer.BudgetBytes);
    }

    [Fact]
    public void A_card_that_cannot_shrink_enough_is_refused_before_it_reaches_Teams()
    {
        var commands = Enumerable.Range(0, 2000).Select(i => new CommandHelp($"command-{i}", new string('x', 100))).ToList();

        var error = Assert.Throws<CardTooLargeException>(() => AdaptiveCardRenderer.Render(new HelpView(null, commands)));

        Assert.True(error.Utf16Bytes > AdaptiveCardSerializer.HardLimitBytes);
    }

    [Fact]
    public void A_card_over_the_budget_but_under_the_limit_is_still_rendered()
    {
        var commands = Enumerable.Range(0, 200).Select(i => new CommandHelp($"command-{i}", new string('x', 100))).ToList();

        var card = AdaptiveCardRenderer.Render(new HelpView(null, commands));

        Assert.InRange(card.Utf16Bytes, AdaptiveCardSerializer.BudgetBytes + 1, AdaptiveCardSerializer.HardLimitBytes);
    }

    [Fact]
    public void A_long_notice_is_cut_to_fit()
    {
        var text = string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"- Product{i} 1.0: a draft, 40% complete, owner Dana Owner"));

        var card = AdaptiveCardRenderer.Render(new NoticeView(text));

        Assert.True(card.Utf16Bytes <= AdaptiveCardSerializer.BudgetBytes);
        Assert.Contains("(cut to", card.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sizes_of_each_card_kind_are_written_to_the_test_output()
    {
        foreach (var (name, card) in SampleCards.All)
        {
            output.WriteLine($"{name}: {card.Utf16Bytes:N0} bytes");
        }

        Assert.Equal(PlanChecklist.Count, PlanSummaries.Build(SamplePlans.MaxSize(), full: true).Total);
    }

    private static List<int> CutLengths(string json) =>
        System.Text.RegularExpressions.Regex.Matches(json, @"\(cut to (?<n>[\d,]+) of 3,000 characters\)")
            .Select(m => int.Parse(m.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
}
