using System.Globalization;
using PlanBot.Cards.Actions;
using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// Deployment day in the plan's thread: the run sheet (each step with Done and Problem for the owner
/// and the delivery team while it runs) and the success checklist (Pass and Fail for each
/// criterion). Both are updated in place for everyone as people report.
/// </summary>
internal static class DeploymentCards
{
    public static AdaptiveCard RunSheet(RunSheetView sheet, CardDetail detail)
    {
        var body = new List<CardElement>
        {
            TextBlocks.Heading($"Run sheet: {sheet.PlanTitle}"),
            TextBlocks.Subtle($"The deployment is {sheet.Stage}."),
        };
        foreach (var step in sheet.Steps.Take(detail.ListItems))
        {
            var mark = step.Done switch { true => "✅", false => "⚠️", null => "⬜" };
            var where = step.Nodes.Count == 0 ? string.Empty : $" on {string.Join(", ", step.Nodes)}";
            var after = step.After.Count == 0 ? string.Empty : $" · after {string.Join(", ", step.After)}";
            body.Add(TextBlocks.Bold($"{mark} {step.Number}. {step.Component}{where}{after}"));
            if (step.ReportedBy is not null)
            {
                body.Add(TextBlocks.Subtle($"{(step.Done == true ? "Done" : "Problem")} · {step.ReportedBy} · {When(step.ReportedAt)}{(step.Note is null ? string.Empty : $" · {CardText.Cut(step.Note, detail.ReasonChars)}")}"));
            }

            if (sheet.Running)
            {
                body.Add(Buttons(sheet.PlanId, new ActionData { PlanId = sheet.PlanId, Step = step.Number }, ("Done", CardVerbs.StepDone), ("Problem", CardVerbs.StepProblem)));
            }
        }

        var facts = new List<Fact>();
        AddFact(facts, "Delivery team", sheet.DeliveryTeam.Count == 0 ? null : string.Join(", ", sheet.DeliveryTeam), detail);
        AddFact(facts, "Contacts", sheet.Contacts, detail);
        AddFact(facts, "Support", sheet.Support, detail);
        AddFact(facts, "Escalation", sheet.Escalation, detail);
        AddFact(facts, "Backout trigger", sheet.BackoutTrigger, detail);
        if (facts.Count > 0)
        {
            body.Add(new FactSet { Facts = facts, Spacing = Spacing.Medium });
        }

        if (sheet.Running)
        {
            body.Insert(2, Note("What happened (optional, for Problem)"));
        }

        return Card(body, $"Run sheet for {sheet.PlanTitle}: {sheet.Stage}.");
    }

    public static AdaptiveCard Checklist(SuccessChecklistView checklist, CardDetail detail)
    {
        var body = new List<CardElement>
        {
            TextBlocks.Heading($"Success criteria: {checklist.PlanTitle}"),
            TextBlocks.Subtle(checklist.Open ? "Check each criterion: when every one passed, the release is done." : $"The release is {checklist.Stage}."),
        };
        var (crew, mentions) = CardMentions.Of(checklist.Crew);
        if (checklist.Open && crew.Length > 0)
        {
            body.Add(TextBlocks.Markup($"For {crew}"));
            body.Add(Note("Note (optional)"));
        }

        foreach (var criterion in checklist.Criteria.Take(detail.ListItems))
        {
            var mark = criterion.Passed switch { true => "✅", false => "❌", null => "⬜" };
            body.Add(TextBlocks.Bold($"{mark} {criterion.Number}. {CardText.Cut(criterion.Text, detail.ReasonChars)}"));
            if (criterion.CheckedBy is not null)
            {
                body.Add(TextBlocks.Subtle($"{(criterion.Passed == true ? "Passed" : "Failed")} · {criterion.CheckedBy} · {When(criterion.CheckedAt)}{(criterion.Note is null ? string.Empty : $" · {CardText.Cut(criterion.Note, detail.ReasonChars)}")}"));
            }

            if (checklist.Open)
            {
                body.Add(Buttons(checklist.PlanId, new ActionData { PlanId = checklist.PlanId, Criterion = criterion.Number }, ("Pass", CardVerbs.CheckPass), ("Fail", CardVerbs.CheckFail)));
            }
        }

        var card = Card(body, $"Success criteria for {checklist.PlanTitle}.");
        return mentions.Count == 0 ? card : card with { MsTeams = card.MsTeams! with { Entities = mentions } };
    }

    private static InputText Note(string label) => new()
    {
        Id = CardInputIds.Note,
        Label = label,
        IsMultiline = true,
        MaxLength = 1000,
    };

    private static ActionSet Buttons(string planId, ActionData data, params (string Title, string Verb)[] buttons) => new()
    {
        Actions = buttons.Select(b => (AdaptiveAction)new ExecuteAction
        {
            Title = b.Title,
            Verb = b.Verb,
            Data = data,
            AssociatedInputs = AssociatedInputs.Auto,
            Fallback = new SubmitAction { Title = b.Title, Data = data with { Verb = b.Verb }, AssociatedInputs = AssociatedInputs.Auto },
        }).ToList(),
    };

    private static void AddFact(List<Fact> facts, string title, string? value, CardDetail detail)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new Fact(CardText.EscapeInline(title), CardText.Escape(CardText.Cut(value, Math.Max(detail.AnswerChars, 60)))));
        }
    }

    private static AdaptiveCard Card(List<CardElement> body, string fallback) => new()
    {
        Body = body,
        FallbackText = CardText.EscapeInline(fallback),
        MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
    };

    private static string When(DateTimeOffset? at) => at?.UtcDateTime.ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? string.Empty;
}
