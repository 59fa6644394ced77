using PlanBot.Cards.Actions;
using System.Globalization;
using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// The approval request in the release channel. Everyone gets the read-only card; its
/// <c>refresh</c> names the approvers, whose Teams client asks the bot (verb
/// <see cref="CardVerbs.RefreshView"/>) and gets the variant with a reason box and Approve / Reject,
/// bound to the revision shown. Both variants carry the same refresh, so a card returned to an
/// approver keeps refreshing too.
/// </summary>
internal static class ApprovalCard
{
    public static AdaptiveCard Build(ApprovalView approval, CardDetail detail)
    {
        var summary = approval.Summary;
        var body = new List<CardElement> { TextBlocks.Heading($"Approval requested: {approval.PlanTitle}") };
        if (approval.Notice is not null)
        {
            body.Add(TextBlocks.Message(CardText.Cut(approval.Notice, detail.MessageChars), TextColor.Accent));
        }

        body.Add(new FactSet
        {
            Facts =
            [
                new("State", CardText.EscapeInline(approval.State)),
                new("Owner", CardText.EscapeInline(approval.Owner)),
                new("Revision", approval.Revision.ToString(CultureInfo.InvariantCulture)),
                new("Quorum", CardText.EscapeInline(approval.Quorum)),
                new("Progress", CardText.EscapeInline($"{summary.Percent}% complete, {summary.Answered} of {summary.Total} questions answered")),
            ],
        });
        foreach (var warning in (summary.Warnings ?? []).Take(detail.ListItems))
        {
            body.Add(TextBlocks.Plain($"⚠️ {CardText.Cut(warning, detail.MessageChars)}", TextColor.Attention));
        }

        body.AddRange(PlanSummaryCard.BaselineChanges(summary, detail));
        body.Add(TextBlocks.Bold("Approvers"));
        body.Add(Approvers(approval));
        var (waiting, mentions) = CardMentions.Of(approval.Awaiting ?? []);
        if (waiting.Length > 0)
        {
            // The request is a new post in the channel: only these mentions make Teams notify the approvers.
            body.Add(TextBlocks.Markup($"Waiting for a decision from {waiting}"));
        }

        if (approval.Gates is { Count: > 0 } gates)
        {
            body.Add(TextBlocks.Bold("Deployments gated by this plan"));
            body.Add(TextBlocks.Lines(gates, detail.ListItems, detail.MessageChars));
        }

        body.AddRange(History(approval.Decisions, detail));
        if (approval.Timeline is { Count: > 0 } timeline)
        {
            body.Add(TextBlocks.Bold("Deployment"));
            body.Add(TextBlocks.Lines(timeline, detail.ListItems, detail.MessageChars));
        }

        body.AddRange(approval.ForApprover ? DecisionInputs(approval) : [TextBlocks.Subtle("Only the approvers named in section 5 can approve or reject; they see the buttons on this card.")]);

        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new ShowCardAction
                {
                    Title = "Show the plan",
                    Card = AdaptiveCard.Nested([SectionBlocks.AtAGlance(summary), .. SectionBlocks.InFull(summary, detail)]),
                },
            ],
            Refresh = Refresh(approval),
            FallbackText = CardText.EscapeInline($"Approval requested: {approval.PlanTitle}, revision {approval.Revision}, {approval.State}."),
            MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full, Entities = mentions.Count > 0 ? mentions : null },
        };
    }

    /// <summary>The refresh both variants carry: approvers (by Teams id, at most 60) get their own view automatically.</summary>
    public static CardRefresh Refresh(ApprovalView approval) => new()
    {
        Action = new ExecuteAction { Title = "Refresh", Verb = CardVerbs.RefreshView, Data = new ActionData { PlanId = approval.PlanId } },
        UserIds = approval.Approvers
            .Where(a => a.IsResolved)
            .Select(a => a.Id)
            .Distinct(StringComparer.Ordinal)
            .Take(CardRefresh.MaxUserIds)
            .ToList(),
    };

    private static FactSet Approvers(ApprovalView approval) => new()
    {
        Facts = approval.Approvers.Count == 0
            ? [new Fact("None", CardText.Escape("The plan names no approvers (section 5)."))]
            : approval.Approvers.Select(person => new Fact(CardText.EscapeInline(person.ToString()), CardText.EscapeInline(Standing(approval, person)))).ToList(),
    };

    private static string Standing(ApprovalView approval, PersonRef person)
    {
        var name = person.ToString();
        var decision = approval.Decisions.LastOrDefault(d => !d.Stale && d.Revision == approval.Revision && d.Approver == name);
        return decision is null
            ? "⏳ Waiting"
            : $"{(decision.Approved ? "✅ Approved" : "❌ Rejected")} {When(decision.At)}";
    }

    private static IEnumerable<CardElement> History(IReadOnlyList<DecisionSummary> decisions, CardDetail detail)
    {
        if (decisions.Count == 0)
        {
            yield break;
        }

        yield return TextBlocks.Bold("Decisions");
        var hidden = decisions.Count - detail.ListItems;
        if (hidden > 0)
        {
            yield return TextBlocks.Subtle($"{hidden} earlier decision(s) not shown.");
        }

        foreach (var decision in decisions.Skip(Math.Max(hidden, 0)))
        {
            var line = $"{(decision.Approved ? "✅ Approved" : "❌ Rejected")} by {decision.Approver} · revision {decision.Revision} · {When(decision.At)}";
            if (decision.Stale)
            {
                line += " · stale: the plan changed after it";
            }

            var text = CardText.Escape(line);
            if (decision.Reason is { Length: > 0 } reason)
            {
                text += "\n\n" + CardText.Escape("Reason: " + (detail.ReasonChars > 0 ? CardText.Cut(reason, detail.ReasonChars) : "(left out to keep the card small)"));
            }

            yield return new TextBlock { Text = text, Wrap = true, IsSubtle = decision.Stale ? true : null, Spacing = Spacing.Small };
        }
    }

    private static IEnumerable<CardElement> DecisionInputs(ApprovalView approval)
    {
        yield return new InputText
        {
            Id = CardInputIds.Reason,
            Label = "Reason (required to reject)",
            Placeholder = "What must change before the release can go ahead",
            IsMultiline = true,
            MaxLength = 1000,
            // Approving needs no reason; rejecting without one is refused by the bot with a message.
            IsRequired = false,
            ErrorMessage = "Give a reason to reject the plan.",
        };
        yield return new ActionSet
        {
            Actions =
            [
                Decide("Approve", CardVerbs.Approve, approval, AssociatedInputs.None),
                Decide("Reject", CardVerbs.Reject, approval, AssociatedInputs.Auto),
            ],
        };
    }

    private static ExecuteAction Decide(string title, string verb, ApprovalView approval, AssociatedInputs inputs) => new()
    {
        Title = title,
        Verb = verb,
        Data = new ActionData { PlanId = approval.PlanId, Revision = approval.Revision },
        AssociatedInputs = inputs,
        Fallback = new SubmitAction
        {
            Title = title,
            Data = new ActionData { Verb = verb, PlanId = approval.PlanId, Revision = approval.Revision },
            AssociatedInputs = inputs,
        },
    };

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
