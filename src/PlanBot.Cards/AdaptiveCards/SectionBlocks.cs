using System.Globalization;
using System.Text;
using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// The plan's eight sections, as the summary and the approval cards show them: at a glance (one
/// fact per section) or in full (every question with its answer and who gave it). FactSets and
/// TextBlocks are 1.0, so Teams mobile shows all of it.
/// </summary>
internal static class SectionBlocks
{
    public const string Complete = "✅";
    public const string Incomplete = "⬜";

    public static FactSet AtAGlance(PlanSummaryView summary) => new()
    {
        Facts = summary.Sections
            .Select(s => new Fact(CardText.EscapeInline($"{Mark(s)} {s.Number}. {s.Title}"), CardText.EscapeInline(Count(s))))
            .ToList(),
    };

    public static IEnumerable<CardElement> InFull(PlanSummaryView summary, CardDetail detail) =>
        summary.Sections.Select(section => new Container
        {
            Separator = true,
            Spacing = Spacing.Medium,
            Items = [TextBlocks.Bold($"{Mark(section)} {section.Number}. {section.Title} · {Count(section)}"), .. section.Items.Select(item => Item(item, detail))],
        });

    public static string Count(SectionSummary section)
    {
        var answered = section.Items.Count(i => i.Answer is not null && !i.CarriedOver);
        var carried = section.Items.Count(i => i.CarriedOver);
        var text = $"{answered} of {section.Items.Count} answered";
        text = carried == 0 ? text : $"{text}, {carried} carried over";
        return section.AssignedTo is null ? text : $"{text}, with {section.AssignedTo}";
    }

    private static string Mark(SectionSummary section) => section.Complete ? Complete : Incomplete;

    private static TextBlock Item(ItemSummary item, CardDetail detail)
    {
        var text = new StringBuilder();
        text.Append("**").Append(CardText.EscapeInline(item.Question)).Append("**\n\n");
        if (item.Answer is null)
        {
            text.Append(CardText.Escape("Not answered yet."));
            return TextBlocks.Markup(text.ToString());
        }

        text.Append(detail.AnswerChars > 0
            ? CardText.Escape(CardText.Cut(item.Answer, detail.AnswerChars))
            : CardText.Escape($"Answered ({item.Answer.Length:N0} characters; left out to keep the card small)."));
        var who = new List<string>();
        if (item.AnsweredBy is not null)
        {
            who.Add(item.AnsweredBy);
        }

        if (item.AnsweredAt is { } at)
        {
            who.Add(at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        }

        if (who.Count > 0)
        {
            text.Append("\n\n").Append(CardText.EscapeInline($"— {string.Join(", ", who)}"));
        }

        if (item.CarriedOver)
        {
            text.Append("\n\n").Append(CardText.EscapeInline("⚠️ Carried over, not confirmed"));
        }

        return TextBlocks.Markup(text.ToString(), item.CarriedOver ? TextColor.Warning : null);
    }
}
