using PlanBot.Cards.Actions;
using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>The plan at a glance (<c>status</c>) or in full (<c>show</c>).</summary>
internal static class PlanSummaryCard
{
    public static AdaptiveCard Build(PlanSummaryView summary, CardDetail detail)
    {
        var body = new List<CardElement>
        {
            TextBlocks.Heading($"Deployment plan: {summary.PlanTitle}"),
            Facts(summary),
            ProgressBar(summary.Percent),
        };

        foreach (var warning in (summary.Warnings ?? []).Take(detail.ListItems))
        {
            body.Add(TextBlocks.Plain($"⚠️ {CardText.Cut(warning, detail.MessageChars)}", TextColor.Attention));
        }

        if (summary.Full)
        {
            body.AddRange(SectionBlocks.InFull(summary, detail));
        }
        else
        {
            body.Add(TextBlocks.Bold("Sections"));
            body.Add(SectionBlocks.AtAGlance(summary));
        }

        if (summary.Missing.Count > 0)
        {
            body.Add(TextBlocks.Bold($"Missing ({summary.Missing.Count})"));
            body.Add(TextBlocks.Lines(summary.Missing, detail.ListItems, detail.MessageChars));
        }

        if (summary.Unconfirmed.Count > 0)
        {
            body.Add(TextBlocks.Bold($"Carried over, not confirmed ({summary.Unconfirmed.Count})"));
            body.Add(TextBlocks.Lines(summary.Unconfirmed, detail.ListItems, detail.MessageChars, TextColor.Warning));
        }

        body.AddRange(BaselineChanges(summary, detail));
        return new AdaptiveCard
        {
            Body = body,
            Actions = Actions(summary),
            FallbackText = CardText.EscapeInline($"Deployment plan {summary.PlanTitle}: {summary.State}, {summary.Percent}% complete."),
            MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        };
    }

    /// <summary>Teams shows at most this many buttons in a row.</summary>
    private const int MaxActions = 5;

    /// <summary>Submit for the owner of a finished plan; else, while drafting, a button to each section still open.</summary>
    private static IReadOnlyList<AdaptiveAction>? Actions(PlanSummaryView summary)
    {
        if (summary.CanSubmit)
        {
            var data = new ActionData { PlanId = summary.PlanId };
            return [new ExecuteAction { Title = "Submit for approval", Verb = CardVerbs.SubmitPlan, Data = data, Fallback = new SubmitAction { Title = "Submit for approval", Data = data with { Verb = CardVerbs.SubmitPlan } } }];
        }

        if (!summary.OffersSections)
        {
            return null;
        }

        var open = summary.Sections.Where(s => !s.Complete).Take(MaxActions).Select(s =>
        {
            var data = new ActionData { PlanId = summary.PlanId, Section = s.Number };
            var title = $"Section {s.Number}";
            return (AdaptiveAction)new ExecuteAction { Title = title, Verb = CardVerbs.OpenSection, Data = data, Fallback = new SubmitAction { Title = title, Data = data with { Verb = CardVerbs.OpenSection } } };
        }).ToList();
        return open.Count == 0 ? null : open;
    }

    public static FactSet Facts(PlanSummaryView summary)
    {
        var facts = new List<Fact>
        {
            new("State", CardText.EscapeInline(summary.State)),
            new("Owner", CardText.EscapeInline(summary.Owner)),
            new("Progress", CardText.EscapeInline($"{summary.Percent}% complete, {summary.Answered} of {summary.Total} questions answered")),
        };
        if (summary.BaselineTitle is { } baseline)
        {
            facts.Add(new("Baseline", CardText.EscapeInline(baseline)));
        }

        return new FactSet { Facts = facts };
    }

    /// <summary>Twenty cells of text: it renders on every host and reads aloud as the percentage beside it.</summary>
    public static TextBlock ProgressBar(int percent)
    {
        var clamped = Math.Clamp(percent, 0, 100);
        var filled = (int)Math.Round(clamped / 5.0, MidpointRounding.AwayFromZero);
        return new TextBlock
        {
            Text = CardText.EscapeInline($"{new string('█', filled)}{new string('░', 20 - filled)} {clamped}%"),
            Color = clamped == 100 ? TextColor.Good : TextColor.Accent,
            Spacing = Spacing.Small,
        };
    }

    public static IEnumerable<CardElement> BaselineChanges(PlanSummaryView summary, CardDetail detail)
    {
        if (summary.ChangesFromBaseline is not { Count: > 0 } changes)
        {
            yield break;
        }

        yield return TextBlocks.Bold(summary.BaselineTitle is { } baseline ? $"Changes from {baseline}" : "Changes from the baseline");
        yield return TextBlocks.Lines(changes, detail.ListItems, detail.MessageChars);
    }
}
