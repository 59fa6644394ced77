using System.Globalization;
using System.Text;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Views;
using PlanBot.Slack.Blocks;

namespace PlanBot.Slack.Rendering;

/// <summary>
/// A section of the plan as a message: where it stands, each question with its current answer (or
/// "open"), carried-over answers with what looks wrong with them, and the buttons: Fill in section N
/// (the section's modal, <see cref="SectionModal"/>), Keep section as it is, Keep and Remove for each
/// carried-over answer while the 50 blocks allow, Keep everything not flagged. As a read-back it shows
/// how each saved answer was understood, with Change this section. Typed replies answer it too.
/// </summary>
public static class SectionFormBlocks
{
    public static BlockKitMessage Render(SectionFormView form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var blocks = new List<Block>
        {
            new ContextBlock([new Mrkdwn(SlackMrkdwn.Fit(
                string.Create(CultureInfo.InvariantCulture, $"{form.PlanTitle} · section {form.SectionNumber} of {form.SectionCount} · {form.Percent}% complete"),
                BlockLimits.SectionText,
                "…"))]),
            new HeaderBlock(new PlainText(SlackMrkdwn.Plain($"{form.SectionNumber}. {form.SectionTitle}", BlockLimits.HeaderText))),
        };
        if (form.Problem is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit($"⚠️ {form.Problem}", BlockLimits.SectionText, "…"))));
        }

        if (form.Note is not null)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(SlackMrkdwn.Fit(form.ReadBack ? $"✅ {form.Note}" : form.Note, BlockLimits.SectionText, "…"))));
        }

        // Answers share one budget: Slack refuses messages far below 50 full blocks (PROTOCOLS.md 7.6).
        var perAnswer = Math.Clamp(PlanSummaryBlocks.AnswerBudget / Math.Max(1, form.Fields.Count), 300, 2500);
        if (form.ReadBack)
        {
            blocks.AddRange(form.Fields.Select(field => new SectionBlock(new Mrkdwn(Understood(field, perAnswer)))));
            blocks.Add(new ActionsBlock([OpenButton(form, "Change this section", revision: null)]) { BlockId = SlackIds.SectionBlock });
            return new BlockKitMessage(Fallback(form), blocks);
        }

        var tail = new List<Block>
        {
            new ContextBlock([new Mrkdwn("An answer left empty stays open. You can also type your answers one at a time (in a channel, @mention PlanBot); `/plan help` lists the commands.")]),
            new ActionsBlock(SectionButtons(form)) { BlockId = SlackIds.SectionBlock },
        };
        var carried = form.Fields.Count(f => f.CarriedOver);
        var fieldBlocks = form.Fields.Sum(f => f.CarriedOver ? 2 : 1);
        // A Keep and a Remove for each carried-over answer while they fit; Keep section covers them all anyway.
        var perAnswerButtons = blocks.Count + fieldBlocks + carried + tail.Count <= BlockLimits.MessageBlocks;
        foreach (var field in form.Fields)
        {
            blocks.Add(new SectionBlock(new Mrkdwn(Current(field, perAnswer))));
            if (field.CarriedOver)
            {
                blocks.Add(Marks(field));
                if (perAnswerButtons)
                {
                    blocks.Add(new ActionsBlock(CarriedButtons(form, field)));
                }
            }
        }

        return new BlockKitMessage(Fallback(form), blocks.Take(BlockLimits.MessageBlocks - tail.Count).Concat(tail));
    }

    private static string Fallback(SectionFormView form) => SlackMrkdwn.Fit(
        form.ReadBack
            ? $"{form.PlanTitle}: saved section {form.SectionNumber}, {form.SectionTitle}."
            : $"{form.PlanTitle}, section {form.SectionNumber} of {form.SectionCount}: {form.SectionTitle}",
        BlockLimits.SectionText,
        "…");

    /// <summary>The question and its answer as it stands; a form brought back with a problem shows what was given and the problem.</summary>
    private static string Current(FormField field, int room)
    {
        var text = new StringBuilder();
        text.Append('*').Append(SlackMrkdwn.Fit(field.Text, 300, "…")).Append("*\n");
        if (field.Problem is not null)
        {
            text.Append(field.Value is { Length: > 0 } given ? $"You gave: {SlackMrkdwn.Fit(given, room)}" : "_open_");
            text.Append("\n⚠️ ").Append(SlackMrkdwn.Fit(field.Problem, 500, "…"));
        }
        else
        {
            text.Append(field.Understood is { } understood ? SlackMrkdwn.Fit(understood, room) : "_open_");
        }

        return SlackMrkdwn.Cut(text.ToString(), BlockLimits.SectionText);
    }

    private static string Understood(FormField field, int room)
    {
        var answer = field.Understood is { } understood ? $"→ {SlackMrkdwn.Fit(understood, room)}" : "_left open_";
        return SlackMrkdwn.Cut($"*{SlackMrkdwn.Fit(field.Text, 300, "…")}*\n{answer}", BlockLimits.SectionText);
    }

    /// <summary>A carried-over answer's marks: not confirmed, and each thing that looks wrong with it.</summary>
    private static ContextBlock Marks(FormField field)
    {
        var marks = new List<TextObject> { new Mrkdwn("_Carried over from the earlier plan, not confirmed for this release._") };
        marks.AddRange(field.Flags.Take(BlockLimits.ContextElements - 1).Select(flag => new Mrkdwn(SlackMrkdwn.Fit($"⚠️ Check this answer: it {flag}.", 500, "…"))));
        return new ContextBlock(marks);
    }

    private static List<BlockElement> SectionButtons(SectionFormView form)
    {
        var buttons = new List<BlockElement> { OpenButton(form, $"Fill in section {form.SectionNumber}", form.Revision) };
        if (form.HasCarriedOver)
        {
            buttons.Add(new ButtonElement(SlackIds.KeepSection, new PlainText("Keep section as it is"))
            {
                Value = FlatJson.Write((CardDataKeys.PlanId, form.PlanId), (CardDataKeys.Section, form.SectionNumber)),
            });
        }

        if (form.CanKeepUnflagged)
        {
            buttons.Add(new ButtonElement(SlackIds.KeepUnflagged, new PlainText("Keep everything not flagged"))
            {
                Value = FlatJson.Write((CardDataKeys.PlanId, form.PlanId)),
            });
        }

        return buttons;
    }

    private static List<BlockElement> CarriedButtons(SectionFormView form, FormField field)
    {
        var value = FlatJson.Write((CardDataKeys.PlanId, form.PlanId), (CardDataKeys.QuestionId, field.QuestionId));
        return
        [
            new ButtonElement(SlackIds.KeepAnswer, new PlainText("Keep")) { Value = value },
            new ButtonElement(SlackIds.RemoveAnswer, new PlainText("Remove")) { Value = value },
        ];
    }

    /// <summary>
    /// Opens the section's modal. The form's own message binds it to the revision it shows; a read-back's
    /// "Change this section" opens the section afresh, as it stands then.
    /// </summary>
    private static ButtonElement OpenButton(SectionFormView form, string title, int? revision) =>
        new(SlackIds.OpenSection, new PlainText(SlackMrkdwn.Plain(title, BlockLimits.ButtonText)))
        {
            Style = ButtonStyle.Primary,
            Value = FlatJson.Write((CardDataKeys.PlanId, form.PlanId), (CardDataKeys.Section, form.SectionNumber), (CardDataKeys.Revision, revision)),
        };
}
