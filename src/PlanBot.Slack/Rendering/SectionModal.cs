using System.Globalization;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>Where a section modal's answer goes: the plan revision it binds to, the conversation, and the message it replaces.</summary>
public sealed record SectionModalTarget(int Revision, string ConversationId, string? ChannelName, string? MessageTs);

/// <summary>
/// A section of the plan as a modal: one input of its kind for each question (a date picker; a
/// window's start and end as date and time pickers; a picker of members, with an email box for
/// anyone else; yes/no or a choice, each with its detail; a multi-line text), every one optional and
/// filled with the answer as it stands. Inputs are named as <see cref="SectionInputs"/> says, so the
/// submission reads like Teams' card. Its <c>private_metadata</c> names the plan, section, revision,
/// conversation and the message it was opened from.
/// </summary>
public static class SectionModal
{
    /// <summary>Suffixes, in the metadata, of a people question's id: the member ids its picker started with, and the answer they stood for.</summary>
    public const string InitialUsersSuffix = ".users";

    public const string InitialValueSuffix = ".value";

    public static ModalView Build(SectionFormView form, SectionModalTarget target)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(target);
        var blocks = new List<Block>
        {
            new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit($"*{form.SectionNumber}. {form.SectionTitle}*", BlockLimits.SectionText, "…"))),
            new ContextBlock([new Mrkdwn(SlackMrkdwn.Fit(
                string.Create(CultureInfo.InvariantCulture, $"{form.PlanTitle} · {form.Percent}% complete · An answer left empty stays open."),
                BlockLimits.SectionText,
                "…"))]),
        };

        // What the engine said with the form (a plan just started, a missing release channel) is also on the
        // section's message, but the modal covers it.
        if (form.Note is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit(form.Note, BlockLimits.SectionText, "…"))));
        }

        foreach (var field in form.Fields)
        {
            if (field.CarriedOver)
            {
                var marks = new List<TextObject> { new Mrkdwn("_Carried over from the earlier plan, not confirmed. Saving keeps it as shown._") };
                marks.AddRange(field.Flags.Take(BlockLimits.ContextElements - 1).Select(flag => new Mrkdwn(SlackMrkdwn.Fit($"⚠️ Check this answer: it {flag}.", 500, "…"))));
                blocks.Add(new ContextBlock(marks));
            }

            blocks.AddRange(Inputs(form, field));
        }

        if (form.CanSaveAndSubmit)
        {
            // Slack's modal has one submit button: what it does after saving the last open section is a choice.
            blocks.Add(Then());
        }

        return new ModalView(new PlainText(SlackMrkdwn.Plain($"Section {form.SectionNumber} of {form.SectionCount}", BlockLimits.ModalTitle)), blocks)
        {
            CallbackId = SlackIds.SectionModal,
            PrivateMetadata = Metadata(form, target),
            Submit = new PlainText("Save section"),
            Close = new PlainText("Cancel"),
        };
    }

    /// <summary>What the modal shows while the section is fetched (<c>views.open</c> must follow the click within 3 seconds).</summary>
    public static ModalView Opening(int section) =>
        new(new PlainText(string.Create(CultureInfo.InvariantCulture, $"Section {section}")), [new SectionBlock(new PlainText(string.Create(CultureInfo.InvariantCulture, $"Opening section {section}…")))])
        {
            Close = new PlainText("Cancel"),
        };

    /// <summary>The engine's answer where a section form was expected (the form could not open, or its answers were refused).</summary>
    public static ModalView Notice(int section, NoticeView notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var blocks = NoticeBlocks.Render(notice).Blocks;
        return new ModalView(new PlainText(string.Create(CultureInfo.InvariantCulture, $"Section {section}")), blocks.Take(BlockLimits.ModalBlocks))
        {
            Close = new PlainText("Close"),
        };
    }

    /// <summary>The input block under which a question's problem shows: its first input.</summary>
    public static string ErrorBlockId(string questionId, AnswerKind kind) =>
        kind == AnswerKind.DateTimeWindow ? questionId + SectionInputs.StartDateSuffix : questionId;

    /// <summary>The problems of a form brought back, by input block, as <c>response_action: errors</c> shows them.</summary>
    public static Dictionary<string, string> Errors(SectionFormView form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Fields
            .Where(f => f.Problem is not null)
            .ToDictionary(f => ErrorBlockId(f.QuestionId, f.Kind), f => SlackMrkdwn.Plain(f.Problem, BlockLimits.InputHint), StringComparer.Ordinal);
    }

    private static string Metadata(SectionFormView form, SectionModalTarget target)
    {
        (string, object?)[] context =
        [
            (CardDataKeys.PlanId, form.PlanId),
            (CardDataKeys.Section, form.SectionNumber),
            (CardDataKeys.Revision, target.Revision),
            (SlackIds.ConversationMetadata, target.ConversationId),
            (SlackIds.ChannelNameMetadata, target.ChannelName),
            (SlackIds.MessageMetadata, target.MessageTs),
        ];

        // A people picker gives member ids, never the answer as it was typed: the ids it started with and
        // that answer let a save that leaves the picker as it was read as leaving the answer as it was.
        var people = form.Fields
            .Where(f => f.Kind == AnswerKind.People && f.Value is not null && f.People is { Count: > 0 } named && named.All(p => SlackPeople.IsSlackUserId(p.Id)))
            .SelectMany(f => new (string, object?)[] { (f.QuestionId + InitialUsersSuffix, string.Join(',', MemberIds(f))), (f.QuestionId + InitialValueSuffix, f.Value) });
        var full = FlatJson.Write([.. context, .. people]);
        return full.Length <= BlockLimits.PrivateMetadata ? full : FlatJson.Write(context);
    }

    private static IEnumerable<Block> Inputs(SectionFormView form, FormField field)
    {
        var id = field.QuestionId;
        var label = new PlainText(SlackMrkdwn.Plain(field.Text, BlockLimits.InputLabel));
        var hint = field.Hint is null ? null : new PlainText(SlackMrkdwn.Plain(field.Hint, BlockLimits.InputHint));
        switch (field.Kind)
        {
            case AnswerKind.Date:
                yield return new InputBlock(label, new DatePickerElement(id) { InitialDate = Date(field.Value), Placeholder = new PlainText("Pick a date") }) { BlockId = id, Optional = true, Hint = hint };
                break;
            case AnswerKind.DateTimeWindow:
                var window = SectionInputs.Window(field.Value);
                yield return new SectionBlock(new Mrkdwn($"*{SlackMrkdwn.Fit(field.Text, 300, "…")}*"));
                yield return new ContextBlock([new PlainText(SlackMrkdwn.Plain($"Times in {form.TimeZone}.{(field.Hint is null ? string.Empty : " " + field.Hint)}", BlockLimits.SectionText))]);
                yield return DateInput(id + SectionInputs.StartDateSuffix, "Starts on", window.StartDate);
                yield return TimeInput(id + SectionInputs.StartTimeSuffix, "Start time", window.StartTime);
                yield return DateInput(id + SectionInputs.EndDateSuffix, "Ends on", window.EndDate);
                yield return TimeInput(id + SectionInputs.EndTimeSuffix, "End time", window.EndTime);
                break;
            case AnswerKind.People:
                var members = MemberIds(field).ToList();
                yield return new InputBlock(label, new MultiUsersSelectElement(id)
                {
                    InitialUsers = members.Count == 0 ? null : members,
                    Placeholder = new PlainText("Pick people"),
                })
                {
                    BlockId = id,
                    Optional = true,
                    Hint = hint,
                };
                var others = (field.People ?? []).Where(p => !SlackPeople.IsSlackUserId(p.Id)).Select(p => p.Upn ?? p.ToString()).Where(p => p.Length > 0).ToList();
                yield return new InputBlock(new PlainText("Anyone else, by email"), new PlainTextInputElement(id + SectionInputs.DetailSuffix)
                {
                    InitialValue = others.Count == 0 ? null : Text(string.Join(", ", others), AnswerLimits.MaxLength),
                    MaxLength = AnswerLimits.MaxLength,
                    Placeholder = new PlainText("alex@contoso.com"),
                })
                {
                    BlockId = id + SectionInputs.DetailSuffix,
                    Optional = true,
                };
                break;
            case AnswerKind.YesNoWithDetail:
                var (answer, yesNoDetail) = SectionInputs.YesNo(field.Value);
                yield return Select(id, label, hint, [("Yes", SectionInputs.Yes), ("No", SectionInputs.No)], answer, "Yes or no");
                yield return Detail(id, yesNoDetail);
                break;
            case AnswerKind.FreeText when field.Choices is { Count: > 0 and <= BlockLimits.SelectOptions } choices && choices.All(c => c.Length <= BlockLimits.OptionValue):
                var (choice, choiceDetail) = SectionInputs.Choice(field.Value, choices);
                yield return Select(id, label, hint, choices.Select(c => (c, c)).ToList(), choice, "Choose one");
                yield return Detail(id, choiceDetail);
                break;
            default:
                yield return new InputBlock(label, new PlainTextInputElement(id)
                {
                    Multiline = true,
                    MaxLength = AnswerLimits.MaxLength,
                    InitialValue = field.Value is { Length: > 0 } value ? Text(value, AnswerLimits.MaxLength) : null,
                    Placeholder = new PlainText("Type your answer"),
                })
                {
                    BlockId = id,
                    Optional = true,
                    Hint = hint,
                };
                break;
        }
    }

    /// <summary>The members a people answer names, by Slack user id; anyone known only by email is not one.</summary>
    private static IEnumerable<string> MemberIds(FormField field) =>
        (field.People ?? []).Select(p => p.Id).Where(SlackPeople.IsSlackUserId).Distinct(StringComparer.Ordinal);

    private static InputBlock Select(string id, PlainText label, PlainText? hint, IReadOnlyList<(string Text, string Value)> choices, string? initial, string placeholder)
    {
        var options = choices.Select(c => new SelectOption(new PlainText(SlackMrkdwn.Plain(c.Text, BlockLimits.OptionText)), c.Value)).ToList();
        return new InputBlock(label, new StaticSelectElement(id, options)
        {
            InitialOption = options.FirstOrDefault(o => string.Equals(o.Value, initial, StringComparison.OrdinalIgnoreCase)),
            Placeholder = new PlainText(placeholder),
        })
        {
            BlockId = id,
            Optional = true,
            Hint = hint,
        };
    }

    private static InputBlock Then()
    {
        var submit = new SelectOption(new PlainText("Send it to its approvers"), SlackIds.ThenSubmit);
        var save = new SelectOption(new PlainText("Only save it"), SlackIds.ThenSave);
        return new InputBlock(new PlainText("Once this section completes the plan"), new StaticSelectElement(SlackIds.ThenInput, [submit, save]) { InitialOption = submit })
        {
            BlockId = SlackIds.ThenInput,
            Optional = true,
        };
    }

    private static InputBlock Detail(string id, string? value) => new(new PlainText("Detail"), new PlainTextInputElement(id + SectionInputs.DetailSuffix)
    {
        Multiline = true,
        // Room for the choice in front when the two are joined into one answer.
        MaxLength = AnswerLimits.MaxLength - 100,
        InitialValue = value is null ? null : Text(value, AnswerLimits.MaxLength - 100),
    })
    {
        BlockId = id + SectionInputs.DetailSuffix,
        Optional = true,
    };

    private static InputBlock DateInput(string id, string label, string? value) =>
        new(new PlainText(label), new DatePickerElement(id) { InitialDate = Date(value) }) { BlockId = id, Optional = true };

    private static InputBlock TimeInput(string id, string label, string? value) =>
        new(new PlainText(label), new TimePickerElement(id)
        {
            InitialTime = value is not null && TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : null,
        })
        {
            BlockId = id,
            Optional = true,
        };

    /// <summary>A date a picker can start at (YYYY-MM-DD), or none: a form brought back may hold anything typed.</summary>
    private static string? Date(string? value) =>
        value is not null && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : null;

    /// <summary>An input's initial value within its length; Slack refuses a longer one.</summary>
    private static string Text(string value, int max) => value.Length <= max ? value : value[..max];
}
