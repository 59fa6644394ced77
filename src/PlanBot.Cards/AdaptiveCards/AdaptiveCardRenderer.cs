using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// Renders views as Adaptive Cards 1.5 for Teams. Every card stays within
/// <see cref="AdaptiveCardSerializer.BudgetBytes"/>: long answers, reasons and messages are cut
/// as far as needed, and no further. Elements above 1.2 carry a fallback, so Teams mobile shows
/// every card.
/// </summary>
public static class AdaptiveCardRenderer
{
    /// <summary>Renders <paramref name="view"/>; <paramref name="audience"/> defaults to a personal chat.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The view has no card form.</exception>
    /// <exception cref="CardTooLargeException">Even with every long text cut, the card is over <see cref="AdaptiveCardSerializer.HardLimitBytes"/>.</exception>
    public static RenderedCard Render(View view, CardAudience? audience = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var to = audience ?? CardAudience.Personal;
        Func<CardDetail, AdaptiveCard> build = view switch
        {
            QuestionView question => detail => QuestionCard.Build(question, to, detail),
            SectionFormView form => detail => SectionCard.Build(form, to, detail),
            RunSheetView sheet => detail => DeploymentCards.RunSheet(sheet, detail),
            SuccessChecklistView checklist => detail => DeploymentCards.Checklist(checklist, detail),
            PlanSummaryView summary => detail => PlanSummaryCard.Build(summary, detail),
            ApprovalView approval => detail => ApprovalCard.Build(approval, detail),
            NoticeView notice => detail => NoticeCard.Build(notice, detail),
            HelpView help => _ => HelpCard.Build(help, to),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view.GetType().Name, "No card form for this view."),
        };
        return Fit(view.GetType().Name, build);
    }

    /// <summary>
    /// Everything whole when it fits; otherwise the longest answer length that fits, found by
    /// halving (a dozen renders of a card at most).
    /// </summary>
    private static RenderedCard Fit(string viewName, Func<CardDetail, AdaptiveCard> build)
    {
        var whole = Rendered(build(new CardDetail(AnswerLimits.MaxLength)));
        if (whole.Utf16Bytes <= AdaptiveCardSerializer.BudgetBytes)
        {
            return whole;
        }

        var smallest = Rendered(build(new CardDetail(0)));
        if (smallest.Utf16Bytes > AdaptiveCardSerializer.BudgetBytes)
        {
            return smallest.Utf16Bytes <= AdaptiveCardSerializer.HardLimitBytes
                ? smallest
                : throw new CardTooLargeException(viewName, smallest.Utf16Bytes);
        }

        var best = smallest;
        var (fits, tooLong) = (0, AnswerLimits.MaxLength);
        while (tooLong - fits > 1)
        {
            var middle = fits + ((tooLong - fits) / 2);
            var candidate = Rendered(build(new CardDetail(middle)));
            if (candidate.Utf16Bytes <= AdaptiveCardSerializer.BudgetBytes)
            {
                (fits, best) = (middle, candidate);
            }
            else
            {
                tooLong = middle;
            }
        }

        return best;
    }

    private static RenderedCard Rendered(AdaptiveCard card)
    {
        var serialized = AdaptiveCardSerializer.Serialize(card);
        return new RenderedCard(card, serialized.Json, serialized.Utf16Bytes);
    }
}
