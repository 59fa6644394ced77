using System.Text.Json.Nodes;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Slack.Blocks;
using PlanBot.Slack.Rendering;
using PlanBot.Testing.Slack;

namespace PlanBot.Slack.Tests.Rendering;

/// <summary>A section of the plan as a message (form or read-back) and as a modal with an input of each kind.</summary>
public sealed class SectionFormRenderingTests
{
    private static readonly SectionModalTarget Target = new(12, "D0OWNER", "directmessage", "1700000000.000200");

    /// <summary>The form of <paramref name="section"/>, each field as <paramref name="field"/> makes it (open by default).</summary>
    public static SectionFormView Form(Section section, Func<Question, FormField, FormField>? field = null, bool readBack = false) =>
        new(
            "plan-1",
            "Contoso.Web 2.5",
            (int)section,
            SectionInfo.Of(section).Title,
            SectionInfo.All.Count,
            PlanChecklist.In(section).Select(q =>
            {
                var open = new FormField(q.Id, q.Text, q.Kind, q.Hint, null, null, null, false, [], null, q.Choices);
                return field is null ? open : field(q, open);
            }).ToList(),
            "Europe/London",
            readBack,
            40,
            12);

    /// <summary>Every kind of input, each with an answer: the timing section (dates, a window, text), plus people, yes/no and a choice.</summary>
    public static SectionFormView EveryKind()
    {
        var timing = Form(Section.TimingAndDependencies, (q, f) => q.Kind switch
        {
            AnswerKind.Date => f with { Value = "2027-03-15", Understood = "Mon 15 Mar 2027" },
            AnswerKind.DateTimeWindow => f with { Value = "2027-03-15 22:00 to 2027-03-16 02:00", Understood = "Mon 15 Mar 2027 22:00 to Tue 16 Mar 2027 02:00 (Europe/London), 4 hours" },
            _ => f with { Value = "Web first,\nthen the API", Understood = "Web first,\nthen the API" },
        });
        var people = new FormField("approvers", "Who approves?", AnswerKind.People, "Name them.", "Megan Bowen, Nestor", [SlackUsers.Approver, new PersonRef(string.Empty, "nestor@contoso.com", Upn: "nestor@contoso.com")], "Megan Bowen, Nestor", false, [], null);
        var yesNo = new FormField("training", "Do they need training?", AnswerKind.YesNoWithDetail, null, "Yes: a one-hour walkthrough", null, "Yes: a one-hour walkthrough", true, ["names Contoso.Web 2.4"], null);
        var choice = new FormField("why", "Why?", AnswerKind.FreeText, null, "Both: the fix and the invoices", null, "Both: the fix and the invoices", false, [], null, ["To resolve an issue", "To provide requested new functionality", "Both"]);
        return timing with { Fields = [.. timing.Fields, people, yesNo, choice] };
    }

    private static JsonArray Blocks(BlockKitMessage message) => JsonNode.Parse(SlackViewRenderer.BlocksJson(message))!.AsArray();

    private static JsonObject Modal(ModalView modal) => JsonNode.Parse(SlackViewRenderer.ModalJson(modal))!.AsObject();

    private static IEnumerable<JsonObject> Buttons(JsonArray blocks) =>
        blocks.Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject());

    private static JsonObject Input(JsonObject modal, string blockId) =>
        modal["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == blockId)!.AsObject();

    /// <summary>Every text of the blocks, one a line, as Slack has them (mrkdwn entities kept).</summary>
    private static string Texts(JsonNode? node) => node switch
    {
        JsonObject block => string.Join('\n', block.Select(p => p.Key == "text" && p.Value is JsonValue value && value.TryGetValue<string>(out var text) ? text : Texts(p.Value))),
        JsonArray blocks => string.Join('\n', blocks.Select(Texts)),
        _ => string.Empty,
    };

    [Fact]
    public void A_section_message_shows_each_question_with_its_answer_or_open_and_opens_the_modal_bound_to_its_revision()
    {
        var form = Form(Section.TimingAndDependencies, (q, f) => q.Id == "available-by" ? f with { Value = "2027-03-15", Understood = "Mon 15 Mar 2027" } : f);

        var blocks = Blocks(SectionFormBlocks.Render(form));

        Assert.Contains("Contoso.Web 2.5 · section 2 of 9 · 40% complete", Texts(blocks), StringComparison.Ordinal);
        Assert.Equal("2. " + SectionInfo.Of(Section.TimingAndDependencies).Title, blocks.Single(b => b!["type"]!.GetValue<string>() == "header")!["text"]!["text"]!.GetValue<string>());
        foreach (var question in PlanChecklist.In(Section.TimingAndDependencies))
        {
            var line = blocks.Select(b => b!["text"]?["text"]?.GetValue<string>()).Single(t => t is not null && t.Contains(question.Text, StringComparison.Ordinal))!;
            Assert.EndsWith(question.Id == "available-by" ? "Mon 15 Mar 2027" : "_open_", line, StringComparison.Ordinal);
        }

        var open = Assert.Single(Buttons(blocks));
        Assert.Equal((SlackIds.OpenSection, "Fill in section 2", "primary"), (open["action_id"]!.GetValue<string>(), open["text"]!["text"]!.GetValue<string>(), open["style"]!.GetValue<string>()));
        Assert.Equal(new Dictionary<string, string> { ["planId"] = "plan-1", ["section"] = "2", ["revision"] = "12" }, FlatJson.Read(open["value"]!.GetValue<string>()));
        Assert.Equal(SlackIds.SectionBlock, blocks.Single(b => b!["type"]!.GetValue<string>() == "actions")!["block_id"]!.GetValue<string>());
    }

    [Fact]
    public void Carried_over_answers_are_marked_with_their_flags_and_kept_or_removed_one_at_a_time_or_all_together()
    {
        var form = Form(Section.ImpactedOrganisation, (q, f) => f with { Value = $"Answer to {q.Id}", Understood = $"Answer to {q.Id}", CarriedOver = true, Flags = q.Id == "training" ? ["names Contoso.Web 2.4"] : [] }) with { CanKeepUnflagged = true };

        var blocks = Blocks(SectionFormBlocks.Render(form));

        var text = Texts(blocks);
        Assert.Contains("⚠️ Check this answer: it names Contoso.Web 2.4.", text, StringComparison.Ordinal);
        Assert.Equal(form.Fields.Count, blocks.Count(b => b!.ToJsonString().Contains("Carried over from the earlier plan", StringComparison.Ordinal)));
        var buttons = Buttons(blocks).ToList();
        foreach (var field in form.Fields)
        {
            var value = new Dictionary<string, string> { [CardDataKeys.PlanId] = "plan-1", [CardDataKeys.QuestionId] = field.QuestionId };
            Assert.Single(buttons, b => b["action_id"]!.GetValue<string>() == SlackIds.KeepAnswer && FlatJson.Read(b["value"]!.GetValue<string>()).SequenceEqual(value));
            Assert.Single(buttons, b => b["action_id"]!.GetValue<string>() == SlackIds.RemoveAnswer && FlatJson.Read(b["value"]!.GetValue<string>()).SequenceEqual(value));
        }

        var keep = Assert.Single(buttons, b => b["action_id"]!.GetValue<string>() == SlackIds.KeepSection);
        Assert.Equal(new Dictionary<string, string> { ["planId"] = "plan-1", ["section"] = "4" }, FlatJson.Read(keep["value"]!.GetValue<string>()));
        Assert.Single(buttons, b => b["action_id"]!.GetValue<string>() == SlackIds.KeepUnflagged);
    }

    [Fact]
    public void Keep_and_remove_buttons_give_way_to_keep_section_when_they_would_pass_50_blocks()
    {
        var carried = Enumerable.Range(0, 20).Select(i => new FormField($"q{i}", $"Question {i}?", AnswerKind.FreeText, null, "x", null, "x", true, [], null)).ToList();
        var form = Form(Section.ImpactedOrganisation) with { Fields = carried };

        var message = SectionFormBlocks.Render(form);

        Assert.True(message.Blocks.Count <= BlockLimits.MessageBlocks);
        var buttons = Buttons(Blocks(message)).Select(b => b["action_id"]!.GetValue<string>()).ToList();
        Assert.Equal([SlackIds.OpenSection, SlackIds.KeepSection], buttons);
        Assert.Equal(20, Texts(Blocks(message)).Split("Question ").Length - 1);
    }

    [Fact]
    public void A_read_back_shows_how_each_answer_was_understood_and_changes_the_section_afresh()
    {
        var form = Form(Section.TimingAndDependencies, (q, f) => q.Kind == AnswerKind.DateTimeWindow ? f : f with { Understood = $"Understood {q.Id}" }, readBack: true) with { Note = "Saved section 2, Timing and dependencies." };

        var blocks = Blocks(SectionFormBlocks.Render(form));

        var text = Texts(blocks);
        Assert.Contains("✅ Saved section 2", text, StringComparison.Ordinal);
        Assert.Contains("→ Understood available-by", text, StringComparison.Ordinal);
        Assert.Contains("_left open_", text, StringComparison.Ordinal);
        var change = Assert.Single(Buttons(blocks));
        Assert.Equal((SlackIds.OpenSection, "Change this section"), (change["action_id"]!.GetValue<string>(), change["text"]!["text"]!.GetValue<string>()));
        // No revision: it opens the section as it stands when clicked.
        Assert.Equal(new Dictionary<string, string> { ["planId"] = "plan-1", ["section"] = "2" }, FlatJson.Read(change["value"]!.GetValue<string>()));
    }

    [Fact]
    public void A_form_brought_back_shows_what_was_given_beside_each_problem()
    {
        var form = Form(Section.TimingAndDependencies, (q, f) => q.Id == "available-by" ? f with { Value = "soon & <later>", Problem = "I could not read \"soon\" as a date." } : f) with { Problem = "One answer needs another look; nothing was saved yet." };

        var text = Texts(Blocks(SectionFormBlocks.Render(form)));

        Assert.Contains("⚠️ One answer needs another look", text, StringComparison.Ordinal);
        Assert.Contains("You gave: soon &amp; &lt;later&gt;", text, StringComparison.Ordinal);
        Assert.Contains("⚠️ I could not read", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_modal_has_an_optional_input_of_each_kind_named_as_the_card_names_it_and_filled_with_the_answer()
    {
        var modal = Modal(SectionModal.Build(EveryKind(), Target));

        Assert.Equal(("modal", "section", "Section 2 of 9", "Save section"), (modal["type"]!.GetValue<string>(), modal["callback_id"]!.GetValue<string>(), modal["title"]!["text"]!.GetValue<string>(), modal["submit"]!["text"]!.GetValue<string>()));
        foreach (var input in modal["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            Assert.True(input!["optional"]!.GetValue<bool>(), input.ToJsonString());
            Assert.Equal(input["block_id"]!.GetValue<string>(), input["element"]!["action_id"]!.GetValue<string>());
        }

        var date = Input(modal, "available-by")["element"]!;
        Assert.Equal(("datepicker", "2027-03-15"), (date["type"]!.GetValue<string>(), date["initial_date"]!.GetValue<string>()));
        var window = "deployment-window";
        Assert.Equal("2027-03-15", Input(modal, window + SectionInputs.StartDateSuffix)["element"]!["initial_date"]!.GetValue<string>());
        Assert.Equal(("timepicker", "22:00"), (Input(modal, window + SectionInputs.StartTimeSuffix)["element"]!["type"]!.GetValue<string>(), Input(modal, window + SectionInputs.StartTimeSuffix)["element"]!["initial_time"]!.GetValue<string>()));
        Assert.Equal("2027-03-16", Input(modal, window + SectionInputs.EndDateSuffix)["element"]!["initial_date"]!.GetValue<string>());
        Assert.Equal("02:00", Input(modal, window + SectionInputs.EndTimeSuffix)["element"]!["initial_time"]!.GetValue<string>());
        Assert.Contains("Times in Europe/London.", Texts(modal), StringComparison.Ordinal);

        var people = Input(modal, "approvers")["element"]!;
        Assert.Equal("multi_users_select", people["type"]!.GetValue<string>());
        Assert.Equal([SlackPayloads.Approver], people["initial_users"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Equal("nestor@contoso.com", Input(modal, "approvers" + SectionInputs.DetailSuffix)["element"]!["initial_value"]!.GetValue<string>());

        var yesNo = Input(modal, "training")["element"]!;
        Assert.Equal(("static_select", "yes"), (yesNo["type"]!.GetValue<string>(), yesNo["initial_option"]!["value"]!.GetValue<string>()));
        Assert.Equal([SectionInputs.Yes, SectionInputs.No], yesNo["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()));
        Assert.Equal("a one-hour walkthrough", Input(modal, "training" + SectionInputs.DetailSuffix)["element"]!["initial_value"]!.GetValue<string>());
        Assert.Contains("Check this answer: it names Contoso.Web 2.4.", Texts(modal), StringComparison.Ordinal);

        var choice = Input(modal, "why")["element"]!;
        Assert.Equal("Both", choice["initial_option"]!["value"]!.GetValue<string>());
        Assert.Equal(3, choice["options"]!.AsArray().Count);
        Assert.Equal("the fix and the invoices", Input(modal, "why" + SectionInputs.DetailSuffix)["element"]!["initial_value"]!.GetValue<string>());

        var text = Input(modal, "rollout-order")["element"]!;
        Assert.Equal(("plain_text_input", true, "Web first,\nthen the API"), (text["type"]!.GetValue<string>(), text["multiline"]!.GetValue<bool>(), text["initial_value"]!.GetValue<string>()));
    }

    [Fact]
    public void The_modal_metadata_names_the_plan_section_revision_conversation_and_message()
    {
        var modal = Modal(SectionModal.Build(EveryKind(), Target));

        var metadata = FlatJson.Read(modal["private_metadata"]!.GetValue<string>());

        Assert.Equal(("plan-1", "2", "12", "D0OWNER", "directmessage", "1700000000.000200"), (metadata["planId"], metadata["section"], metadata["revision"], metadata["conversation"], metadata["channelName"], metadata["message"]));
        // The people answer names someone known only by email: a picker left as it was cannot stand for it.
        Assert.DoesNotContain("approvers" + SectionModal.InitialUsersSuffix, metadata.Keys);
    }

    [Fact]
    public void An_open_section_modal_starts_empty()
    {
        var modal = Modal(SectionModal.Build(EveryKind() with { Fields = [.. EveryKind().Fields.Select(f => f with { Value = null, People = null, Understood = null, CarriedOver = false, Flags = [] })] }, Target));

        foreach (var input in modal["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "input"))
        {
            var element = input!["element"]!.AsObject();
            Assert.DoesNotContain(element, p => p.Key.StartsWith("initial_", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_problem_shows_under_the_first_input_of_its_question()
    {
        var form = EveryKind() with { Fields = [.. EveryKind().Fields.Select(f => f.QuestionId is "deployment-window" or "approvers" ? f with { Problem = $"Problem with {f.QuestionId}" } : f)] };

        var errors = SectionModal.Errors(form);

        Assert.Equal(new Dictionary<string, string> { ["deployment-window" + SectionInputs.StartDateSuffix] = "Problem with deployment-window", ["approvers"] = "Problem with approvers" }, errors);
        var blockIds = Modal(SectionModal.Build(form, Target))["blocks"]!.AsArray().Select(b => b!["block_id"]?.GetValue<string>()).OfType<string>().ToHashSet();
        Assert.Superset(errors.Keys.ToHashSet(), blockIds);
    }

    [Fact]
    public void A_plan_summary_offers_submit_to_the_owner_of_a_finished_plan_and_otherwise_its_open_sections()
    {
        var sections = SectionInfo.All.Select(s => new SectionSummary(s.Number, s.Title, Complete: s.Number == 1, [])).ToList();
        var summary = new PlanSummaryView("plan-1", "Contoso.Web 2.5", "Drafting", "Alex Wilber", 40, 10, 25, sections, [], [], Full: false) { OffersSections = true };

        var offered = Buttons(Blocks(PlanSummaryBlocks.Render(summary))).ToList();
        var submit = Buttons(Blocks(PlanSummaryBlocks.Render(summary with { CanSubmit = true }))).ToList();
        var neither = Buttons(Blocks(PlanSummaryBlocks.Render(summary with { OffersSections = false }))).ToList();

        Assert.Equal(["Fill in section 2", "Fill in section 3", "Fill in section 4", "Fill in section 5", "Fill in section 6"], offered.Select(b => b["text"]!["text"]!.GetValue<string>()));
        Assert.All(offered, b => Assert.Equal(SlackIds.OpenSection, b["action_id"]!.GetValue<string>()));
        Assert.Equal(new Dictionary<string, string> { ["planId"] = "plan-1", ["section"] = "2" }, FlatJson.Read(offered[0]["value"]!.GetValue<string>()));
        var only = Assert.Single(submit);
        Assert.Equal((SlackIds.SubmitPlan, "Submit for approval"), (only["action_id"]!.GetValue<string>(), only["text"]!["text"]!.GetValue<string>()));
        Assert.Equal(new Dictionary<string, string> { ["planId"] = "plan-1" }, FlatJson.Read(only["value"]!.GetValue<string>()));
        Assert.Empty(neither);
    }
}
