using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>The interview: starting or resuming a plan, answers, skip, back and edit.</summary>
public sealed partial class PlanEngine
{
    private async Task StartOrResumeAsync(TurnWork work, string arguments, CancellationToken cancellationToken, bool offerBaseline = true)
    {
        var parts = arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            work.Reply(new NoticeView("Tell me the product and the version: `plan <product> <version>`, for example `plan Contoso.Web 2.4`.", Tone.Problem));
            return;
        }

        var (product, version) = (parts[0], parts[1]);
        if (!ProductName().IsMatch(product) || !VersionName().IsMatch(version))
        {
            work.Reply(new NoticeView(
                "A product name is up to 64 letters, digits, dots, dashes or underscores, and a version up to 32 letters, digits, dots, dashes or plus signs, such as `plan Contoso.Web 2.4`.",
                Tone.Problem));
            return;
        }

        var tenant = work.Turn.Conversation.TenantId;
        var found = work.Active is { } active && Same(active.Document.Plan, product, version)
            ? active
            : await store.FindPlanAsync(tenant, product, version, cancellationToken);

        if (found is null && offerBaseline && await OfferBaselineAsync(work, product, version, cancellationToken))
        {
            return;
        }

        if (found is null)
        {
            work.Session.PendingStart = null;
            var plan = Plan.Start(Guid.NewGuid().ToString("N"), tenant, product, version, work.From, work.Now);
            var created = new Versioned<PlanDocument>(new PlanDocument { Plan = plan }, null);
            work.Attach(created);
            var session = work.Session;
            session.Skipped.Clear();
            session.EditingSection = null;
            var first = PlanChecklist.Questions[0];
            session.Cursor = first.Id;
            var started = $"Started the deployment plan for {plan.Title}. I'll ask {PlanChecklist.Count} questions, section by section. `skip`, `back`, `status` and `help` work at any time.";
            work.Reply(Ask(work, plan, first, note: await MissingReleaseChannelAsync(tenant, product, cancellationToken) is { } missing ? $"{started} {missing}" : started));
            return;
        }

        var document = found.Document;
        var reopened = false;
        if (document.Plan.State == PlanState.Cancelled)
        {
            document.Plan = document.Plan.Reopen(work.From, work.Now);
            reopened = true;
        }

        work.Attach(found);
        var resumed = work.Session;
        resumed.Skipped.Clear();
        resumed.EditingSection = null;
        var next = resumed.Cursor is { } cursor && PlanChecklist.Find(cursor) is { } open
            ? open
            : Interview.Next(document.Plan, resumed, null);
        resumed.Cursor = next?.Id;
        var completeness = document.Plan.Completeness();
        var how = reopened ? "Reopened" : "Resuming";
        var note = $"{how} the plan for {document.Plan.Title} ({completeness.Percent}% complete, {Plan.Describe(document.Plan.State)}).";
        if (next is null)
        {
            work.Reply(new NoticeView($"{note} Every question has an answer.", Tone.Info));
            work.Reply(PlanSummaries.Build(document.Plan, full: false));
            return;
        }

        work.Reply(Ask(work, document.Plan, next, note: note));
    }

    private async Task AnswerAsync(TurnWork work, string text, CancellationToken cancellationToken)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        var question = session.Cursor is null ? null : PlanChecklist.Find(session.Cursor);
        if (question is null)
        {
            session.Cursor = null;
            var missing = document.Plan.Completeness().Missing.Count;
            work.Reply(new NoticeView(missing == 0
                ? $"No question is open: the plan for {document.Plan.Title} has every answer. Type `status`, `show`, `submit`, or `edit <section>` to change a section."
                : $"No question is open. {missing} question(s) of {document.Plan.Title} were skipped: `plan {document.Plan.Product} {document.Plan.Version}` goes through them again, `edit <section>` answers one section.", Tone.Info));
            return;
        }

        if (await RecordAnswerAsync(work, question, text, cancellationToken) is not { } unresolved)
        {
            return;
        }

        var saved = unresolved.Length == 0 ? "Saved." : $"Saved. {unresolved}";
        if (question.Id == "components" && await SimilarProductsAsync(work, document.Plan, cancellationToken) is { } similar)
        {
            saved = $"{saved} {similar}";
        }

        MoveOn(work, question, saved, unresolved.Length == 0 ? null : unresolved);
    }

    /// <summary>
    /// After <paramref name="done"/> was answered or confirmed: the next question, with
    /// <paramref name="note"/>; an assignee's thanks at the end of their section (and word to the
    /// owner); or, at the end, the plan's summary (with <paramref name="warning"/> before it).
    /// </summary>
    private static void MoveOn(TurnWork work, Question done, string note, string? warning = null)
    {
        var plan = work.Active!.Document.Plan;
        var session = work.Session;
        var editing = session.EditingSection;
        var next = Interview.Next(plan, session, done.Id);
        session.Cursor = next?.Id;
        if (session.AssignedOnly && editing is int section && session.EditingSection is null)
        {
            // An assignee answers the section handed to them, not the rest of the plan.
            session.Cursor = null;
            session.AssignedOnly = false;
            var title = SectionInfo.Of((Section)section).Title;
            work.Reply(new NoticeView($"Thank you: that completes section {section}, {title}, of the plan for {plan.Title}.", Tone.Success));
            TellOwner(work, plan, new NoticeView($"{work.From} completed section {section}, {title}, of the plan for {plan.Title}.", Tone.Success));
            return;
        }

        if (next is not null)
        {
            var said = editing is int edited && session.EditingSection is null
                ? $"{note} Section {edited} is done; back to the open questions."
                : note;
            work.Reply(Ask(work, plan, next, note: said));
            return;
        }

        if (warning is not null)
        {
            work.Reply(new NoticeView(warning, Tone.Warning));
        }

        Finish(work, plan);
    }

    /// <summary>
    /// Reads <paramref name="text"/> as the answer to <paramref name="question"/> and stores it.
    /// Returns what could not be resolved among the people it names (empty when nothing), or null
    /// when the answer was refused: the question is then asked again with the problem.
    /// </summary>
    private async Task<string?> RecordAnswerAsync(TurnWork work, Question question, string text, CancellationToken cancellationToken)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        if (text.Length == 0 && work.Turn.Mentions.Count == 0)
        {
            work.Reply(Ask(work, document.Plan, question, problem: "I didn't get an answer. Type it, or `skip` to leave this question for later (`help` lists every command)."));
            return null;
        }

        var zone = TimeZones.Resolve(work.Turn.TimeZone ?? session.TimeZone, options.DefaultTimeZone);
        var read = AnswerReader.Read(question, text, new AnswerContext(work.Now, zone, work.Turn.Mentions));
        if (!read.IsValid)
        {
            work.Reply(Ask(work, document.Plan, question, problem: read.Problem));
            return null;
        }

        var value = read.Value!;
        string? unresolved = null;
        if (value.People is { } named)
        {
            (value, unresolved) = await ResolvePeopleAsync(work, value, named, cancellationToken);
        }

        var before = document.Plan;
        var provenance = new Provenance(work.From, work.Now, work.Turn.Conversation.Channel);
        document.Plan = before.WithAnswer(new Domain.Answers.Answer(question.Id, value, provenance), work.Now);
        work.Touch(work.Active);
        OnPlanChanged(work, document, before);
        session.Skipped.Remove(question.Id);
        return unresolved ?? string.Empty;
    }

    /// <summary>Turns emails and sign-in names into channel members where the channel can look them up.</summary>
    private async Task<(AnswerValue Value, string? Unresolved)> ResolvePeopleAsync(
        TurnWork work, AnswerValue value, IReadOnlyList<PersonRef> named, CancellationToken cancellationToken)
    {
        if (people is null || named.All(p => p.IsResolved))
        {
            return (value, null);
        }

        // Look where the people are likely members: here, then the product's release channel (a
        // personal chat has no one else in it).
        var places = new List<ConversationRef> { work.Turn.Conversation };
        if (await ReleaseChannelAsync(work.Turn.Conversation.TenantId, work.Active!.Document.Plan.Product, cancellationToken) is { } release)
        {
            places.Add(release.Channel);
        }

        var resolved = new List<PersonRef>();
        var missing = new List<string>();
        foreach (var person in named)
        {
            PersonRef? found = null;
            foreach (var place in places.Where(_ => !person.IsResolved && person.Upn is not null))
            {
                found ??= await people.FindAsync(place, person.Upn!, cancellationToken);
            }

            if (found is null && !person.IsResolved)
            {
                missing.Add(person.Upn ?? person.Name);
            }

            resolved.Add(found is null ? person : found with { Upn = person.Upn });
        }

        var note = missing.Count == 0
            ? null
            : $"I could not find {string.Join(", ", missing)} among the members of this conversation or of the release channel; they are kept by email. To let them approve from a card, @mention them in the team's channel instead.";
        return (value with { People = resolved, Text = string.Join(", ", resolved.Select(p => p.ToString())) }, note);
    }

    private static void Skip(TurnWork work)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        if (session.Cursor is not { } current)
        {
            work.Reply(new NoticeView("There is no open question to skip. Type `status` to see what is missing.", Tone.Info));
            return;
        }

        if (session.EditingSection is null && document.Plan.AnswerTo(current) is null && !session.Skipped.Contains(current))
        {
            session.Skipped.Add(current);
        }

        var next = Interview.Next(document.Plan, session, current);
        session.Cursor = next?.Id;
        if (next is null)
        {
            Finish(work, document.Plan);
            return;
        }

        work.Reply(Ask(work, document.Plan, next, note: "Skipped; it stays open."));
    }

    private static void Back(TurnWork work)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        var current = session.Cursor ?? PlanChecklist.Questions[^1].Id;
        var previous = session.Cursor is null ? PlanChecklist.Get(current) : Interview.Previous(session, current);
        if (previous is null)
        {
            work.Reply(Ask(work, document.Plan, PlanChecklist.Get(current), note: "This is the first question."));
            return;
        }

        session.Cursor = previous.Id;
        session.Skipped.Remove(previous.Id);
        work.Reply(Ask(work, document.Plan, previous, note: "Back one question. Type a new answer, or `skip` to keep the current one."));
    }

    private static void Edit(TurnWork work, string which)
    {
        var document = work.Active!.Document;
        var section = SectionInfo.Find(which);
        if (section is null)
        {
            var list = string.Join(", ", SectionInfo.All.Select(s => $"{s.Number} {s.Title}"));
            var problem = which.Length == 0 ? "Which section?" : $"There is no section \"{which}\".";
            work.Reply(new NoticeView($"{problem} Type `edit` with a number or a name: {list}.", Tone.Problem));
            return;
        }

        var session = work.Session;
        session.EditingSection = section.Number;
        var first = PlanChecklist.In(section.Section).First();
        session.Cursor = first.Id;
        work.Reply(Ask(work, document.Plan, first, note:
            $"Editing section {section.Number}, {section.Title}. Type a new answer, or `skip` to keep the current one."));
    }

    private static void Finish(TurnWork work, Plan plan)
    {
        work.Session.Cursor = null;
        var completeness = plan.Completeness();
        var text = completeness.Missing.Count == 0
            ? $"That was the last question: the plan for {plan.Title} is {completeness.Percent}% complete. Type `submit` to send it to its approvers."
            : $"That was the last open question. {completeness.Missing.Count} question(s) are still open: `edit <section>` answers them, `status` lists them.";
        if (plan.OpenAssignments() is { Count: > 0 } waiting)
        {
            text = $"{text} Waiting on {string.Join(", ", waiting.Select(a => $"section {(int)a.Section} ({a.Assignee})"))}; they are reminded if it stays open.";
        }

        work.Reply(new NoticeView(text, Tone.Success));
        work.Reply(PlanSummaries.Build(plan, full: false, work.Now));
    }
}
