using System.Globalization;
using PlanBot.Cards.Actions;
using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// A section of the plan as one form: every question as an input of its kind (a date picker, a
/// window's dates and times, Teams' people picker, a choice with detail, yes/no with detail, text),
/// each problem beside its input, carried-over answers with Keep and Remove, and Save section. As a
/// read-back it shows how each saved answer was understood. Answers too long to edit within the
/// card's size are shown, not put in an input, and a save leaves them as they are.
/// </summary>
internal static class SectionCard
{
    public static AdaptiveCard Build(SectionFormView form, CardAudience audience, CardDetail detail)
    {
        var body = new List<CardElement>
        {
            TextBlocks.Subtle($"{form.PlanTitle} · section {form.SectionNumber} of {form.SectionCount} · {form.Percent}% complete"),
            TextBlocks.Heading($"{form.SectionNumber}. {form.SectionTitle}"),
        };
        if (form.Problem is not null)
        {
            body.Add(TextBlocks.Message($"⚠️ {CardText.Cut(form.Problem, detail.MessageChars)}", TextColor.Attention));
        }

        if (form.Note is not null)
        {
            body.Add(TextBlocks.Message(CardText.Cut(form.Note, detail.MessageChars)));
        }

        if (form.ReadBack)
        {
            body.Add(new FactSet { Facts = form.Fields.Select(f => new Fact(CardText.EscapeInline(f.Text), CardText.Escape(f.Understood is null ? "Left open" : CardText.Cut(f.Understood, Math.Max(detail.AnswerChars, 60))))).ToList() });
            return Card(form, body, [Execute("Change this section", CardVerbs.OpenSection, form)]);
        }

        foreach (var field in form.Fields)
        {
            body.AddRange(Field(form, field, detail));
        }

        body.Add(TextBlocks.Subtle(audience.NeedsMention
            ? $"An answer left empty stays open. You can also type your answers one at a time, @mentioning {audience.BotName}."
            : "An answer left empty stays open. You can also type your answers one at a time as replies; help lists the commands."));
        var actions = new List<AdaptiveAction> { Execute("Save section", CardVerbs.SaveSection, form, AssociatedInputs.Auto) };
        if (form.CanSaveAndSubmit)
        {
            actions.Add(Execute("Save and submit", CardVerbs.SaveAndSubmit, form, AssociatedInputs.Auto));
        }

        if (form.HasCarriedOver)
        {
            actions.Add(Execute("Keep section as it is", CardVerbs.KeepSection, form));
        }

        if (form.CanKeepUnflagged)
        {
            actions.Add(Execute("Keep everything not flagged", CardVerbs.KeepUnflagged, form));
        }

        return Card(form, body, actions);
    }

    private static AdaptiveCard Card(SectionFormView form, List<CardElement> body, IReadOnlyList<AdaptiveAction> actions) => new()
    {
        Body = body,
        Actions = actions,
        FallbackText = CardText.EscapeInline($"{form.PlanTitle}, section {form.SectionNumber}: {form.SectionTitle}."),
        MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
    };

    private static IEnumerable<CardElement> Field(SectionFormView form, FormField field, CardDetail detail)
    {
        var value = field.Value;
        if (field.CarriedOver)
        {
            yield return TextBlocks.Subtle("Carried over from the earlier plan, not confirmed for this release.");
            foreach (var flag in field.Flags)
            {
                yield return TextBlocks.Plain($"⚠️ Check this answer: it {flag}.", TextColor.Warning);
            }
        }

        if (value is not null && value.Length > detail.AnswerChars)
        {
            // Too long to carry in an input within the card's size: shown, and left as it is by a save.
            yield return TextBlocks.Bold(field.Text);
            yield return TextBlocks.Plain(CardText.Cut(value, Math.Max(detail.AnswerChars, 60)));
            yield return TextBlocks.Subtle($"Too long to edit in this card: type edit {form.SectionNumber} to answer it again.");
        }
        else
        {
            foreach (var input in Inputs(form, field, value))
            {
                yield return input;
            }
        }

        if (field.Hint is not null)
        {
            yield return TextBlocks.Subtle(field.Hint);
        }

        if (field.Problem is not null)
        {
            yield return TextBlocks.Plain($"⚠️ {CardText.Cut(field.Problem, detail.MessageChars)}", TextColor.Attention);
        }

        if (field.CarriedOver)
        {
            var data = new ActionData { PlanId = form.PlanId, QuestionId = field.QuestionId, Revision = form.Revision };
            yield return new ActionSet
            {
                Actions =
                [
                    ExecuteWith("Keep", CardVerbs.KeepAnswer, data, AssociatedInputs.None),
                    ExecuteWith("Remove", CardVerbs.RemoveAnswer, data, AssociatedInputs.None),
                ],
            };
        }
    }

    private static IEnumerable<CardElement> Inputs(SectionFormView form, FormField field, string? value)
    {
        var id = field.QuestionId;
        switch (field.Kind)
        {
            case AnswerKind.Date:
                yield return new InputDate
                {
                    Id = id,
                    Label = field.Text,
                    Value = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
                    // A host without a date picker shows a text box under the same id; the bot reads both forms.
                    Fallback = new InputText { Id = id, Label = field.Text, Placeholder = "2027-03-15", MaxLength = 100, Value = value },
                };
                break;
            case AnswerKind.DateTimeWindow:
                var window = SectionInputs.Window(value);
                yield return TextBlocks.Bold(field.Text);
                yield return TextBlocks.Subtle($"Times in {form.TimeZone}.");
                yield return new ColumnSet
                {
                    Columns =
                    [
                        new Column { Width = ColumnWidth.Stretch, Items = [DateInput(id + SectionInputs.StartDateSuffix, "Starts on", window.StartDate), TimeInput(id + SectionInputs.StartTimeSuffix, "at", window.StartTime)] },
                        new Column { Width = ColumnWidth.Stretch, Items = [DateInput(id + SectionInputs.EndDateSuffix, "Ends on", window.EndDate), TimeInput(id + SectionInputs.EndTimeSuffix, "at", window.EndTime)] },
                    ],
                };
                break;
            case AnswerKind.People:
                var people = (field.People ?? []).Where(p => (p.AadObjectId ?? p.Upn) is not null).ToList();
                yield return new InputChoiceSet
                {
                    Id = id,
                    Label = field.Text,
                    IsMultiSelect = true,
                    Choices = people.Select(p => new Choice(p.ToString(), (p.AadObjectId ?? p.Upn)!)).ToList(),
                    ChoicesData = new ChoicesQuery { Dataset = ChoicesQuery.PeopleDataset },
                    Value = people.Count == 0 ? null : string.Join(',', people.Select(p => p.AadObjectId ?? p.Upn)),
                    Placeholder = "Search for people",
                    // Where there is no people picker, people are typed by email or sign-in name.
                    Fallback = new InputText { Id = id, Label = field.Text, Placeholder = QuestionCard.PeoplePlaceholder, MaxLength = AnswerLimits.MaxLength, Value = value },
                };
                break;
            case AnswerKind.YesNoWithDetail:
                var (answer, yesNoDetail) = SectionInputs.YesNo(value);
                yield return new InputChoiceSet
                {
                    Id = id,
                    Label = field.Text,
                    Choices = [new Choice("Yes", SectionInputs.Yes), new Choice("No", SectionInputs.No)],
                    Style = ChoiceInputStyle.Compact,
                    Placeholder = "Choose yes or no",
                    Value = answer,
                };
                yield return Detail(id, yesNoDetail);
                break;
            case AnswerKind.FreeText when field.Choices is { Count: > 0 } choices:
                var (choice, choiceDetail) = SectionInputs.Choice(value, choices);
                yield return new InputChoiceSet
                {
                    Id = id,
                    Label = field.Text,
                    Choices = choices.Select(c => new Choice(c, c)).ToList(),
                    Style = ChoiceInputStyle.Compact,
                    Placeholder = "Choose one",
                    Value = choice,
                };
                yield return Detail(id, choiceDetail);
                break;
            default:
                yield return new InputText
                {
                    Id = id,
                    Label = field.Text,
                    IsMultiline = true,
                    MaxLength = AnswerLimits.MaxLength,
                    Value = value,
                    Placeholder = "Type your answer",
                };
                break;
        }
    }

    private static InputText Detail(string id, string? value) => new()
    {
        Id = id + SectionInputs.DetailSuffix,
        Label = "Detail (optional)",
        IsMultiline = true,
        // Room for the choice in front when the two are joined into one answer.
        MaxLength = AnswerLimits.MaxLength - 100,
        Value = value,
    };

    private static InputDate DateInput(string id, string label, string? value) => new()
    {
        Id = id,
        Label = label,
        Value = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
        Fallback = new InputText { Id = id, Label = label, Placeholder = "2027-03-15", MaxLength = 20, Value = value },
    };

    private static InputTime TimeInput(string id, string label, string? value) => new()
    {
        Id = id,
        Label = label,
        Value = TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null,
        Fallback = new InputText { Id = id, Label = label, Placeholder = "22:00", MaxLength = 10, Value = value },
    };

    private static ExecuteAction Execute(string title, string verb, SectionFormView form, AssociatedInputs inputs = AssociatedInputs.None) =>
        ExecuteWith(title, verb, new ActionData { PlanId = form.PlanId, Section = form.SectionNumber, Revision = form.Revision }, inputs);

    /// <summary>A Universal Action, with a Submit of the same verb and data for hosts below 1.4.</summary>
    private static ExecuteAction ExecuteWith(string title, string verb, ActionData data, AssociatedInputs inputs) => new()
    {
        Title = title,
        Verb = verb,
        Data = data,
        AssociatedInputs = inputs,
        Fallback = new SubmitAction { Title = title, Data = data with { Verb = verb }, AssociatedInputs = inputs },
    };
}
