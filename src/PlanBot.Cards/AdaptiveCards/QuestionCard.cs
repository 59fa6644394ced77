using PlanBot.Cards.Actions;
using PlanBot.Cards.AdaptiveCards.Model;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Cards.AdaptiveCards;

/// <summary>
/// One interview question with an input that fits its kind. "Save answer" sends the input
/// <see cref="CardInputIds.Answer"/> (and <see cref="CardInputIds.Detail"/> for yes/no) with
/// <see cref="CardVerbs.Answer"/>; "Skip" sends no input. Typing the answer still works.
/// </summary>
internal static class QuestionCard
{
    public const string WindowExample = "2027-03-15 22:00 to 2027-03-16 02:00";
    public const string PeoplePlaceholder = "alex@contoso.com, @mention";

    public static AdaptiveCard Build(QuestionView question, CardAudience audience, CardDetail detail)
    {
        var body = new List<CardElement>
        {
            TextBlocks.Subtle($"{question.PlanTitle} · section {question.SectionNumber}, {question.SectionTitle} · question {question.Number} of {question.Total}"),
        };
        if (question.Problem is not null)
        {
            body.Add(TextBlocks.Message($"⚠️ {CardText.Cut(question.Problem, detail.MessageChars)}", TextColor.Attention));
        }

        if (question.Note is not null)
        {
            body.Add(TextBlocks.Message(CardText.Cut(question.Note, detail.MessageChars)));
        }

        body.Add(TextBlocks.Heading(question.Text));
        if (question.Hint is not null)
        {
            body.Add(TextBlocks.Subtle(question.Hint));
        }

        if (question.Kind != AnswerKind.FreeText)
        {
            body.Add(TextBlocks.Subtle($"Answer with {question.ExpectedForm}."));
        }

        if (question.CurrentAnswer is not null)
        {
            var current = detail.AnswerChars > 0 ? CardText.Cut(question.CurrentAnswer, detail.AnswerChars) : "(left out to keep the card small)";
            body.Add(TextBlocks.Markup($"**Current answer:** {CardText.Escape(current)}"));
        }

        body.AddRange(Inputs(question));
        body.Add(TextBlocks.Subtle(TypingHint(question.Kind, audience)));

        var data = new ActionData { Verb = CardVerbs.Answer, QuestionId = question.QuestionId, PlanId = question.PlanId };
        return new AdaptiveCard
        {
            Body = body,
            Actions =
            [
                new SubmitAction { Title = "Save answer", Data = data },
                new SubmitAction { Title = "Skip", Data = data with { Verb = CardVerbs.Skip }, AssociatedInputs = AssociatedInputs.None },
            ],
            FallbackText = CardText.EscapeInline($"{question.PlanTitle}, question {question.Number} of {question.Total}: {question.Text}"),
            MsTeams = new TeamsCardProperties { Width = TeamsCardWidth.Full },
        };
    }

    private static IEnumerable<InputElement> Inputs(QuestionView question)
    {
        switch (question.Kind)
        {
            case AnswerKind.Date:
                var typed = new InputText
                {
                    Id = CardInputIds.Answer,
                    Label = "Date",
                    Placeholder = "2027-03-15",
                    MaxLength = 100,
                    IsRequired = true,
                    ErrorMessage = "Give a date, or press Skip.",
                };
                yield return new InputDate
                {
                    Id = CardInputIds.Answer,
                    Label = "Date",
                    Value = CurrentDate(question.CurrentAnswer),
                    IsRequired = true,
                    ErrorMessage = "Pick a date, or press Skip.",
                    // A host without a date picker shows a text box under the same id; the engine reads both forms.
                    Fallback = typed,
                };
                break;
            case AnswerKind.DateTimeWindow:
                yield return new InputText
                {
                    Id = CardInputIds.Answer,
                    Label = "Time window",
                    Placeholder = WindowExample,
                    MaxLength = 200,
                    IsRequired = true,
                    ErrorMessage = $"Give a start and an end, such as {WindowExample}.",
                };
                break;
            case AnswerKind.People:
                yield return new InputText
                {
                    Id = CardInputIds.Answer,
                    Label = "People",
                    Placeholder = PeoplePlaceholder,
                    MaxLength = AnswerLimits.MaxLength,
                    IsRequired = true,
                    ErrorMessage = "Name at least one person by email or sign-in name.",
                };
                break;
            case AnswerKind.YesNoWithDetail:
                yield return new InputChoiceSet
                {
                    Id = CardInputIds.Answer,
                    Label = "Yes or no",
                    Choices = [new Choice("Yes", "yes"), new Choice("No", "no")],
                    Style = ChoiceInputStyle.Compact,
                    Placeholder = "Choose yes or no",
                    IsRequired = true,
                    ErrorMessage = "Choose yes or no.",
                };
                yield return new InputText
                {
                    Id = CardInputIds.Detail,
                    Label = "Detail (optional)",
                    Placeholder = "For example: a one-hour walkthrough",
                    IsMultiline = true,
                    // Room for "yes: " in front when the two are joined into one answer.
                    MaxLength = AnswerLimits.MaxLength - 10,
                    IsRequired = false,
                    ErrorMessage = "Keep the detail shorter.",
                };
                break;
            default:
                yield return new InputText
                {
                    Id = CardInputIds.Answer,
                    Label = "Your answer",
                    Placeholder = "Type your answer",
                    IsMultiline = true,
                    MaxLength = AnswerLimits.MaxLength,
                    IsRequired = true,
                    ErrorMessage = "Type an answer, or press Skip to leave it for later.",
                };
                break;
        }
    }

    private static string TypingHint(AnswerKind kind, CardAudience audience)
    {
        var how = audience.NeedsMention
            ? $"You can also type your answer as a reply that @mentions {audience.BotName}."
            : "You can also type your answer as a reply, or type skip, back or help.";
        return kind == AnswerKind.People
            ? $"{how} Card inputs cannot @mention: to name people by @mention, type the answer as a reply."
            : how;
    }

    /// <summary>The current answer as the date picker's value, when it is a date the engine wrote.</summary>
    private static DateOnly? CurrentDate(string? current) =>
        current is not null && DateReader.TryReadDate(current, out var date) ? date : null;
}
