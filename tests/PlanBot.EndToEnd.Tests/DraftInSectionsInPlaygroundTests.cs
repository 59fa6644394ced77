using System.Globalization;
using PlanBot.Cards.Actions;
using PlanBot.Conversations.Engine;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.EndToEnd.Tests.Playground;
using PlanBot.Storage.Sqlite;
using Xunit.Abstractions;

namespace PlanBot.EndToEnd.Tests;

/// <summary>
/// Drafting a plan a section at a time in the Teams emulator, with every button pressed as Teams
/// presses it: the card's data with its inputs' values merged in by their ids. Counts what the
/// owner does, from <c>plan</c> to the plan submitted: a message typed or a button pressed is one
/// interaction (setting the release channel is set-up, and is not counted).
/// </summary>
public sealed class DraftInSectionsInPlaygroundTests(ITestOutputHelper output)
{
    /// <summary>The most interactions a plan may take from <c>plan</c> to submitted (issue #16).</summary>
    private const int MostInteractions = 10;

    private const string Megan = "user-id-1";
    private const string MeganObjectId = "00000000-0000-0000-0000-000000000021";
    private const string AdeleObjectId = "00000000-0000-0000-0000-000000000022";

    private static readonly DateTime Ahead = DateTime.UtcNow.Date.AddDays(40);

    [NodeFact]
    public async Task A_first_plan_goes_from_plan_to_submitted_in_at_most_ten_interactions()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        await SetReleaseChannelAsync(playground);
        var owner = new Owner(playground);

        var submitted = await DraftAndSubmitAsync(owner, "plan Contoso.Web 1.0", FirstPlan);
        Assert.Contains("Submitted the plan for Contoso.Web 1.0", Said(submitted), StringComparison.Ordinal);

        Report("first plan", owner);
        Assert.True(owner.Count <= MostInteractions, $"The first plan took {owner.Count} interactions:\n{string.Join('\n', owner.Steps)}");

        await playground.WaitForMessageAsync(
            m => m.ConversationId.StartsWith(playground.Conversations.Releases, StringComparison.Ordinal)
                && Shown.Of(m).Contains("Contoso.Web 1.0", StringComparison.Ordinal)
                && Shown.Of(m).Contains("Megan Bowen", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));

        var plan = await StoredAsync(session, "1.0");
        Assert.Equal(PlanState.InReview, plan.State);
        Assert.True(plan.Completeness().IsComplete, string.Join("; ", plan.Completeness().Missing.Select(q => q.Id)));
        Assert.Equal(PlanChecklist.Count, plan.Answers.Count);
        Assert.All(plan.Answers.Values, a => Assert.Equal(playground.Config.CurrentUser.Id, a.Provenance.AnsweredBy.Id));
        Assert.Equal("Checkout v3\nSaved payment methods", plan.AnswerTo("features")!.Value.Text);
        Assert.Equal("To provide requested new functionality: Customers asked to keep their cards on file", plan.AnswerTo("why")!.Value.Text);
        Assert.Equal(Day(7), TypedAnswers.Of(plan.AnswerTo("available-by")!.Value, TimeZoneInfo.Utc));
        Assert.False(plan.AnswerTo("training")!.Value.Yes);
        Assert.True(plan.AnswerTo("support-ready")!.Value.Yes);
        var window = plan.AnswerTo("deployment-window")!.Value;
        Assert.Equal(TimeSpan.FromHours(4), window.WindowEndUtc - window.WindowStartUtc);
        Assert.Equal([Megan], plan.AnswerTo("approvers")!.Value.People!.Select(p => p.Id));
        Assert.Equal([Megan], plan.AnswerTo(PlanChecklist.BackoutDecider)!.Value.People!.Select(p => p.Id));
        Assert.True(plan.AnswerTo("backout-compatibility")!.Value.Yes);
        Assert.Equal(["Megan Bowen", "Adele Vance"], plan.AnswerTo("delivery-team")!.Value.People!.Select(p => p.Name));
    }

    [NodeFact]
    public async Task The_next_release_goes_from_the_baseline_to_submitted_in_at_most_ten_interactions()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        await SetReleaseChannelAsync(playground);
        var first = new Owner(playground);
        await DraftAndSubmitAsync(first, "plan Contoso.Web 1.0", FirstPlan);
        var baseline = await StoredAsync(session, "1.0");
        Assert.Equal(PlanState.InReview, baseline.State);

        var owner = new Owner(playground);
        var offer = await owner.TypeAsync("plan Contoso.Web 1.1");
        Assert.Contains("plan for Contoso.Web 1.0", Said(offer), StringComparison.Ordinal);
        var card = await owner.NextCardAsync(await owner.TypeAsync("baseline"));
        Assert.Contains("Check this answer: it mentions 1.0", card.Text, StringComparison.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        while (!card.Offers(CardVerbs.SubmitPlan))
        {
            // Answer what was not carried and what was found wrong; keep the rest as it came over.
            var entered = NextRelease.Where(a => card.Inputs.TryGetValue(a.Key, out var shown) && shown != a.Value).ToDictionary();
            if (entered.Count > 0)
            {
                changed.UnionWith(entered.Keys.Select(id => id.Split('.')[0]));
                var saved = await owner.PressAsync(card, CardVerbs.SaveSection, entered);
                Assert.Contains("Saved section", FormCard.Replacing(card, saved).Text, StringComparison.Ordinal);
                card = await owner.NextCardAsync(saved.Turn);
            }
            else
            {
                var kept = await owner.PressAsync(card, card.Offers(CardVerbs.KeepUnflagged) ? CardVerbs.KeepUnflagged : CardVerbs.KeepSection);
                card = await owner.NextCardAsync(kept.Turn);
            }

            Assert.True(owner.Count < 2 * MostInteractions, $"Still not at Submit after:\n{string.Join('\n', owner.Steps)}");
        }

        Assert.Contains("100%", card.Text, StringComparison.Ordinal);
        var submitted = await owner.PressAsync(card, CardVerbs.SubmitPlan);
        Assert.Contains("Submitted the plan for Contoso.Web 1.1", Said(submitted), StringComparison.Ordinal);

        Report("next release", owner);
        Assert.True(owner.Count <= MostInteractions, $"The next release took {owner.Count} interactions:\n{string.Join('\n', owner.Steps)}");

        var plan = await StoredAsync(session, "1.1");
        Assert.Equal(PlanState.InReview, plan.State);
        Assert.Equal(baseline.Id, plan.BaselinePlanId);
        Assert.True(plan.Completeness().IsComplete, string.Join("; ", plan.Completeness().Missing.Select(q => q.Id)));
        Assert.DoesNotContain(plan.Answers.Values, a => a.IsUnconfirmed);
        foreach (var question in PlanChecklist.Questions.Where(q => q.CarryOver != CarryOverRule.Clear && !changed.Contains(q.Id)))
        {
            // Kept as it came over: confirmed by the owner, still traced to the baseline, unchanged.
            var answer = plan.AnswerTo(question.Id)!;
            Assert.Equal(baseline.Id, answer.Provenance.CarriedFromPlanId);
            Assert.Equal(playground.Config.CurrentUser.Id, answer.Provenance.AnsweredBy.Id);
            Assert.Equal(baseline.AnswerTo(question.Id)!.Value.Text, answer.Value.Text);
        }

        Assert.Equal(NextRelease["components"], plan.AnswerTo("components")!.Value.Text);
        Assert.Equal("Gift cards", plan.AnswerTo("features")!.Value.Text);
    }

    [NodeFact]
    public async Task Save_section_with_a_bad_date_brings_the_form_back_with_the_problem_beside_it_and_nothing_lost()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        var owner = new Owner(playground);
        var first = await owner.NextCardAsync(await owner.TypeAsync("plan Contoso.Web 1.0"));
        var second = await owner.NextCardAsync((await owner.PressAsync(first, CardVerbs.SaveSection, Entered(first, FirstPlan))).Turn);
        Assert.Contains("2. Timing and dependencies", second.Text, StringComparison.Ordinal);

        // The date picker gives a day already past; the rollout order is fine.
        var past = DateTime.UtcNow.Date.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        const string rollout = "contoso-api to api-01 and api-02 first, then contoso-web to web-01 to web-04";
        var refused = await owner.PressAsync(second, CardVerbs.SaveSection, new Dictionary<string, string> { ["available-by"] = past, ["rollout-order"] = rollout });

        var back = FormCard.Replacing(second, refused);
        Assert.Contains("2. Timing and dependencies", back.Text, StringComparison.Ordinal);
        Assert.Equal(second.Inputs.Keys, back.Inputs.Keys);
        Assert.Contains("nothing was saved", back.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(past, back.Inputs["available-by"]);
        Assert.Equal(rollout, back.Inputs["rollout-order"]);
        Assert.Contains(back.ProblemsBeside("available-by"), p => p.Contains("already past", StringComparison.Ordinal));
        Assert.Empty(back.ProblemsBeside("rollout-order"));
        output.WriteLine($"Beside the date: {string.Join(" | ", back.ProblemsBeside("available-by"))}");
        Assert.Empty(refused.Turn.Created);
        var unsaved = await StoredAsync(session, "1.0");
        Assert.Null(unsaved.AnswerTo("available-by"));
        Assert.Null(unsaved.AnswerTo("rollout-order"));

        // The date corrected on the card that came back; the rest is sent as it shows.
        var fixedDate = Ahead.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var saved = await owner.PressAsync(back, CardVerbs.SaveSection, new Dictionary<string, string> { ["available-by"] = fixedDate });
        Assert.Contains("Saved section 2, Timing and dependencies", FormCard.Replacing(back, saved).Text, StringComparison.Ordinal);
        var plan = await StoredAsync(session, "1.0");
        Assert.Equal(Day(7), TypedAnswers.Of(plan.AnswerTo("available-by")!.Value, TimeZoneInfo.Utc));
        Assert.Equal(rollout, plan.AnswerTo("rollout-order")!.Value.Text);
    }

    [NodeFact]
    public async Task An_old_section_form_answers_its_own_section_and_is_refused_once_the_plan_is_submitted()
    {
        await using var session = await PlaygroundSession.StartAsync(output);
        var playground = session.Playground;
        await SetReleaseChannelAsync(playground);
        var owner = new Owner(playground);
        var sectionOne = await owner.NextCardAsync(await owner.TypeAsync("plan Contoso.Web 1.0"));
        var sectionTwo = await owner.NextCardAsync((await owner.PressAsync(sectionOne, CardVerbs.SaveSection, Entered(sectionOne, FirstPlan))).Turn);
        var sectionThree = await owner.NextCardAsync((await owner.PressAsync(sectionTwo, CardVerbs.SaveSection, Entered(sectionTwo, FirstPlan))).Turn);
        Assert.Contains("3. Risks and issues", sectionThree.Text, StringComparison.Ordinal);

        // Teams puts the read-back in place of a pressed form for the one who pressed it, on that
        // device: elsewhere (the owner's phone) section 1's form still shows. On section 3 it saves to
        // section 1, and the interview stays at section 3.
        var again = await owner.PressAsync(sectionOne, CardVerbs.SaveSection, new Dictionary<string, string> { ["features"] = "Checkout v3" });
        Assert.Contains("Saved section 1, Scope and overview", FormCard.Replacing(sectionOne, again).Text, StringComparison.Ordinal);
        var next = await owner.NextCardAsync(again.Turn);
        Assert.Contains("3. Risks and issues", next.Text, StringComparison.Ordinal);
        Assert.Equal("Checkout v3", (await StoredAsync(session, "1.0")).AnswerTo("features")!.Value.Text);

        var card = next;
        while (!card.Offers(CardVerbs.SubmitPlan))
        {
            card = await owner.NextCardAsync((await owner.PressAsync(card, CardVerbs.SaveSection, Entered(card, FirstPlan))).Turn);
        }

        await owner.PressAsync(card, CardVerbs.SubmitPlan);
        var submitted = await StoredAsync(session, "1.0");
        Assert.Equal(PlanState.InReview, submitted.State);

        // After the submission the same old form is refused, and nothing changes.
        var refused = await owner.PressAsync(sectionOne, CardVerbs.SaveSection, new Dictionary<string, string> { ["features"] = "Something else entirely" });
        var said = Said(refused);
        Assert.Contains("from before the plan for Contoso.Web 1.0 was submitted", said, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved", said, StringComparison.Ordinal);
        var after = await StoredAsync(session, "1.0");
        Assert.Equal(submitted.Revision, after.Revision);
        Assert.Equal(PlanState.InReview, after.State);
        Assert.Equal("Checkout v3", after.AnswerTo("features")!.Value.Text);
    }


    /// <summary>A first release's answers, by input id, as a person fills in the forms.</summary>
    private static readonly Dictionary<string, string> FirstPlan = new(StringComparer.Ordinal)
    {
        ["features"] = "Checkout v3\nSaved payment methods",
        ["valuable-features"] = "Saved payment methods: returning customers pay in one step",
        ["components"] = "contoso-web 1.0 package, contoso-api 1.0, billing worker",
        ["why"] = "To provide requested new functionality",
        ["why" + SectionInputs.DetailSuffix] = "Customers asked to keep their cards on file",
        ["available-by"] = Day(7),
        ["deployed-by"] = Day(0),
        ["deployment-window" + SectionInputs.StartDateSuffix] = Day(-2),
        ["deployment-window" + SectionInputs.StartTimeSuffix] = "22:00",
        ["deployment-window" + SectionInputs.EndDateSuffix] = Day(-1),
        ["deployment-window" + SectionInputs.EndTimeSuffix] = "02:00",
        ["rollout-order"] = "contoso-api to api-01 and api-02 first, then contoso-web to web-01 to web-04; the web depends on the new API",
        ["risks"] = "The payment provider's sandbox differs from production; a canary on web-01 limits the damage",
        ["end-users"] = "Retail customers of the Contoso web shop",
        ["training"] = SectionInputs.No,
        ["training" + SectionInputs.DetailSuffix] = "The new checkout explains itself",
        ["user-locations"] = "United Kingdom and Ireland",
        ["user-infrastructure"] = "Distributed: browsers on desktop and mobile, all served by the same CDN configuration",
        ["stakeholders"] = "Contoso Retail, and the finance team for payments",
        ["approvers"] = MeganObjectId,
        ["delivery-team"] = $"{MeganObjectId},{AdeleObjectId}",
        ["delivery-contacts"] = "On-call rota in #contoso-release, +44 20 7946 0000",
        ["support"] = "The Contoso service desk, then the web platform team",
        ["support-ready"] = SectionInputs.Yes,
        ["support-ready" + SectionInputs.DetailSuffix] = "Runbook updated and a walkthrough held",
        ["handover"] = "The package is published to the artifact feed and announced in #contoso-release",
        ["escalation"] = "The on-call lead first, the platform manager after 30 minutes",
        ["done"] = "Checkout v3 is live for every customer and the old checkout is switched off",
        ["success-evidence"] = "The synthetic checkout passes every 5 minutes for 24 hours, with errors below 0.1%",
        [PlanChecklist.BackoutTriggers] = "The synthetic checkout failing for 15 minutes, or payment errors above 1%",
        [PlanChecklist.BackoutSteps] = "Swap the web slots back\nRedeploy the previous contoso-api\nTell #contoso-release",
        [PlanChecklist.BackoutDecider] = MeganObjectId,
        ["backout-compatibility"] = SectionInputs.Yes,
        ["backout-compatibility" + SectionInputs.DetailSuffix] = "The schema change only adds a column",
        ["backout-duration"] = "About 20 minutes",
    };

    /// <summary>What changes for the next release: what is never carried over, and the components that named 1.0.</summary>
    private static readonly Dictionary<string, string> NextRelease = new(StringComparer.Ordinal)
    {
        ["features"] = "Gift cards",
        ["valuable-features"] = "Gift cards: customers asked to give them at checkout",
        ["components"] = "contoso-web 1.1 package, contoso-api 1.1, billing worker",
        ["available-by"] = Day(21),
        ["deployed-by"] = Day(14),
        ["deployment-window" + SectionInputs.StartDateSuffix] = Day(12),
        ["deployment-window" + SectionInputs.StartTimeSuffix] = "22:00",
        ["deployment-window" + SectionInputs.EndDateSuffix] = Day(13),
        ["deployment-window" + SectionInputs.EndTimeSuffix] = "01:00",
    };

    private static string Day(int offset) => Ahead.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The answers of <paramref name="answers"/> that <paramref name="card"/> has inputs for.</summary>
    private static Dictionary<string, string> Entered(FormCard card, IReadOnlyDictionary<string, string> answers) =>
        answers.Where(a => card.Inputs.ContainsKey(a.Key)).ToDictionary();

    /// <summary>
    /// Types <paramref name="start"/> and saves every section form with <paramref name="answers"/>;
    /// the last one, the only section still open, with "Save and submit".
    /// </summary>
    private static async Task<PlaygroundInvokeResult> DraftAndSubmitAsync(Owner owner, string start, IReadOnlyDictionary<string, string> answers)
    {
        var card = await owner.NextCardAsync(await owner.TypeAsync(start));
        for (var section = 1; ; section++)
        {
            Assert.Contains($"{section}. {SectionInfo.All[section - 1].Title}", card.Text, StringComparison.Ordinal);
            var entered = Entered(card, answers);
            var missing = PlanChecklist.In((Section)section).Where(q => !entered.Keys.Any(id => id == q.Id || id.StartsWith(q.Id + ".", StringComparison.Ordinal)));
            Assert.Empty(missing);
            var last = section == SectionInfo.All.Count;
            Assert.Equal(last, card.Offers(CardVerbs.SaveAndSubmit));
            var saved = await owner.PressAsync(card, last ? CardVerbs.SaveAndSubmit : CardVerbs.SaveSection, entered);
            Assert.Contains($"Saved section {section}", FormCard.Replacing(card, saved).Text, StringComparison.Ordinal);
            if (last)
            {
                return saved;
            }

            card = await owner.NextCardAsync(saved.Turn);
        }
    }

    private static async Task SetReleaseChannelAsync(AgentsPlayground playground)
    {
        (await playground.TriggerInstallationAsync(playground.Conversations.TeamGeneral)).EnsureBotSucceeded();
        (await playground.SendToBotAsync(playground.Conversations.Releases, "channel set Contoso.Web")).EnsureBotSucceeded();
    }

    private static async Task<Plan> StoredAsync(PlaygroundSession session, string version)
    {
        await using var store = new SqliteConversationStore(new SqliteStoreOptions { Path = session.DatabasePath });
        var stored = await store.FindPlanAsync($"msteams:{session.Playground.Config.TenantId}", "Contoso.Web", version, CancellationToken.None);
        return Assert.IsType<Plan>(stored?.Document.Plan);
    }

    /// <summary>Everything the press answered: the card in place of the pressed one, and the messages it posted.</summary>
    private static string Said(PlaygroundInvokeResult result) =>
        string.Join('\n', Shown.Of(result.Turn).Prepend(FormCard.TextOf(result)));

    private static string Said(PlaygroundTurn turn) => string.Join('\n', Shown.Of(turn));

    private void Report(string what, Owner owner)
    {
        output.WriteLine($"FIGURE {what} interactions: {owner.Count}");
        foreach (var (step, i) in owner.Steps.Select((s, i) => (s, i)))
        {
            output.WriteLine($"  {i + 1}. {step}");
        }
    }

    /// <summary>The plan's owner in the personal chat: what they type and press, counted.</summary>
    private sealed class Owner(AgentsPlayground playground)
    {
        /// <summary>The messages already worked on, or there before the owner began.</summary>
        private readonly HashSet<string> seen = playground.Messages.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);

        public List<string> Steps { get; } = [];

        public int Count => Steps.Count;

        private string Chat => playground.Conversations.PersonalChat;

        public async Task<PlaygroundTurn> TypeAsync(string text)
        {
            Steps.Add($"type `{text}`");
            return (await playground.SendAsync(Chat, text)).EnsureBotSucceeded();
        }

        public async Task<PlaygroundInvokeResult> PressAsync(FormCard card, string verb, IReadOnlyDictionary<string, string>? entered = null)
        {
            var data = card.Press(verb, entered);
            var where = data[CardDataKeys.Section] is { } section ? $" on section {section}" : string.Empty;
            Steps.Add($"press \"{card.TitleOf(verb)}\"{where}{(entered is { Count: > 0 } ? $", {entered.Count} input(s) filled in" : string.Empty)}");
            var result = await playground.ExecuteActionAsync(Chat, card.MessageId, verb, data);
            result.Turn.EnsureBotSucceeded();
            return result;
        }

        /// <summary>The first card posted since the last one taken that has a form or Submit: what the owner works on next.</summary>
        public async Task<FormCard> NextCardAsync(PlaygroundTurn after)
        {
            var message = after.Created.FirstOrDefault(m => !seen.Contains(m.MessageId) && (FormCard.Has(m, CardVerbs.SaveSection) || FormCard.Has(m, CardVerbs.SubmitPlan)))
                ?? await playground.WaitForMessageAsync(
                    m => m.ConversationId == Chat && !seen.Contains(m.MessageId) && (FormCard.Has(m, CardVerbs.SaveSection) || FormCard.Has(m, CardVerbs.SubmitPlan)),
                    TimeSpan.FromSeconds(20));
            seen.Add(message.MessageId);
            return FormCard.Of(message);
        }
    }
}
