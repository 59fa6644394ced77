using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Conversations.Turns;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;

namespace PlanBot.Conversations.Engine;

/// <summary>
/// Runs one turn of a conversation: commands, the interview and its answers. It reads plans through
/// the store port, changes the documents in <see cref="TurnWork"/> and leaves views to send; it
/// knows nothing of Teams, Slack or how documents are stored.
/// </summary>
public sealed partial class PlanEngine(IConversationStore store, EngineOptions options)
{
    public async Task HandleAsync(TurnWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            switch (work.Turn.Kind)
            {
                case TurnKind.Installed:
                    work.Reply(HelpText.View(HelpText.Welcome + " Start with `plan <product> <version>`."));
                    break;
                case TurnKind.Action:
                    HandleAction(work);
                    break;
                default:
                    await HandleMessageAsync(work, work.Turn.Text.Trim(), cancellationToken);
                    break;
            }
        }
        catch (PlanRuleException refused)
        {
            work.Replies.Clear();
            work.Reply(new NoticeView(refused.Message, Tone.Problem));
            AskAgainIfInterviewing(work);
        }
    }

    private async Task HandleMessageAsync(TurnWork work, string text, CancellationToken cancellationToken)
    {
        var command = CommandParser.Parse(text);
        switch (command?.Name)
        {
            case "help":
                work.Reply(HelpText.View());
                return;
            case "plan":
                await StartOrResumeAsync(work, command.Arguments, cancellationToken);
                return;
            case "list":
                await ListAsync(work, cancellationToken);
                return;
            case null:
                break;
            default:
                if (work.Active is null)
                {
                    work.Reply(NoPlanYet());
                    return;
                }

                RunPlanCommand(work, command);
                return;
        }

        if (work.Active is null)
        {
            work.Reply(NoPlanYet(text.Length == 0 ? null : "I'm not working on a plan in this conversation yet."));
            return;
        }

        Answer(work, text);
    }

    private void RunPlanCommand(TurnWork work, Command command)
    {
        var plan = work.Active!.Document.Plan;
        switch (command.Name)
        {
            case "status":
                work.Reply(PlanSummaries.Build(plan, full: false));
                break;
            case "show":
                work.Reply(PlanSummaries.Build(plan, full: true));
                break;
            case "skip":
                Skip(work);
                break;
            case "back":
                Back(work);
                break;
            case "edit":
                Edit(work, command.Arguments);
                break;
            case "cancel":
                Cancel(work);
                break;
        }
    }

    private async Task StartOrResumeAsync(TurnWork work, string arguments, CancellationToken cancellationToken)
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

        if (found is null)
        {
            var plan = Plan.Start(Guid.NewGuid().ToString("N"), tenant, product, version, work.From, work.Now);
            var created = new Versioned<PlanDocument>(new PlanDocument { Plan = plan }, null);
            work.Attach(created);
            var session = work.Session;
            session.Skipped.Clear();
            session.EditingSection = null;
            var first = PlanChecklist.Questions[0];
            session.Cursor = first.Id;
            work.Reply(Interview.Ask(plan, first, note:
                $"Started the deployment plan for {plan.Title}. I'll ask {PlanChecklist.Count} questions, section by section. `skip`, `back`, `status` and `help` work at any time."));
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

        work.Reply(Interview.Ask(document.Plan, next, note: note));
    }

    private void Answer(TurnWork work, string text)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        var question = session.Cursor is null ? null : PlanChecklist.Find(session.Cursor);
        if (question is null)
        {
            session.Cursor = null;
            var missing = document.Plan.Completeness().Missing.Count;
            work.Reply(new NoticeView(missing == 0
                ? $"No question is open: the plan for {document.Plan.Title} has every answer. Type `status`, `show`, or `edit <section>` to change a section."
                : $"No question is open. {missing} question(s) of {document.Plan.Title} were skipped: `plan {document.Plan.Product} {document.Plan.Version}` goes through them again, `edit <section>` answers one section.", Tone.Info));
            return;
        }

        if (text.Length == 0 && work.Turn.Mentions.Count == 0)
        {
            work.Reply(Interview.Ask(document.Plan, question, problem: "I didn't get an answer. Type it, or `skip` to leave this question for later (`help` lists every command)."));
            return;
        }

        var zone = TimeZones.Resolve(work.Turn.TimeZone ?? session.TimeZone, options.DefaultTimeZone);
        var read = AnswerReader.Read(question, text, new AnswerContext(work.Now, zone, work.Turn.Mentions));
        if (!read.IsValid)
        {
            work.Reply(Interview.Ask(document.Plan, question, problem: read.Problem));
            return;
        }

        var provenance = new Provenance(work.From, work.Now, work.Turn.Conversation.Channel);
        document.Plan = document.Plan.WithAnswer(new Domain.Answers.Answer(question.Id, read.Value!, provenance), work.Now);
        work.Touch(work.Active);
        session.Skipped.Remove(question.Id);
        var editing = session.EditingSection;
        var next = Interview.Next(document.Plan, session, question.Id);
        session.Cursor = next?.Id;
        if (next is not null)
        {
            var note = editing is int section && session.EditingSection is null
                ? $"Saved. Section {section} is done; back to the open questions."
                : "Saved.";
            work.Reply(Interview.Ask(document.Plan, next, note: note));
            return;
        }

        Finish(work, document.Plan);
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

        work.Reply(Interview.Ask(document.Plan, next, note: "Skipped; it stays open."));
    }

    private static void Back(TurnWork work)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        var current = session.Cursor ?? PlanChecklist.Questions[^1].Id;
        var previous = session.Cursor is null ? PlanChecklist.Get(current) : Interview.Previous(session, current);
        if (previous is null)
        {
            work.Reply(Interview.Ask(document.Plan, PlanChecklist.Get(current), note: "This is the first question."));
            return;
        }

        session.Cursor = previous.Id;
        session.Skipped.Remove(previous.Id);
        work.Reply(Interview.Ask(document.Plan, previous, note: "Back one question. Type a new answer, or `skip` to keep the current one."));
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
        work.Reply(Interview.Ask(document.Plan, first, note:
            $"Editing section {section.Number}, {section.Title}. Type a new answer, or `skip` to keep the current one."));
    }

    private static void Cancel(TurnWork work)
    {
        var document = work.Active!.Document;
        document.Plan = document.Plan.Cancel(work.From, work.Now);
        var plan = document.Plan;
        work.Touch(work.Active);
        work.Detach();
        work.Reply(new NoticeView(
            $"Cancelled the plan for {plan.Title}. Nothing is deleted: `plan {plan.Product} {plan.Version}` reopens it with every answer.",
            Tone.Success));
    }

    private async Task ListAsync(TurnWork work, CancellationToken cancellationToken)
    {
        var plans = await store.ListPlansAsync(work.Turn.Conversation.TenantId, null, cancellationToken);
        if (plans.Count == 0)
        {
            work.Reply(new NoticeView("No plans in this tenant yet. Start one with `plan <product> <version>`.", Tone.Info));
            return;
        }

        var text = new StringBuilder("Plans in this tenant:");
        foreach (var plan in plans.Take(50))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {plan.Title}: {Plan.Describe(plan.State)}, {plan.Completeness().Percent}% complete, owner {plan.Owner}");
        }

        work.Reply(new NoticeView(text.ToString(), Tone.Info));
    }

    private void HandleAction(TurnWork work)
    {
        var action = work.Turn.Action;
        if (action?.Verb == "answer" && work.Active is not null)
        {
            Answer(work, (action.Get("answer") ?? string.Empty).Trim());
            return;
        }

        work.Reply(new NoticeView("That button is not something I can act on here. Type `help` to see what I can do.", Tone.Problem));
    }

    private static void Finish(TurnWork work, Plan plan)
    {
        var completeness = plan.Completeness();
        var text = completeness.Missing.Count == 0
            ? $"That was the last question: the plan for {plan.Title} is {completeness.Percent}% complete."
            : $"That was the last open question. {completeness.Missing.Count} question(s) are still open: `edit <section>` answers them, `status` lists them.";
        work.Reply(new NoticeView(text, Tone.Success));
        work.Reply(PlanSummaries.Build(plan, full: false));
    }

    private static void AskAgainIfInterviewing(TurnWork work)
    {
        if (work.Active is { } active && work.Session.Cursor is { } cursor && PlanChecklist.Find(cursor) is { } question)
        {
            work.Reply(Interview.Ask(active.Document.Plan, question));
        }
    }

    private static HelpView NoPlanYet(string? why = null) =>
        HelpText.View($"{why ?? "Hi!"} Start a plan with `plan <product> <version>`, for example `plan Contoso.Web 2.4`.".Trim());

    private static bool Same(Plan plan, string product, string version) =>
        string.Equals(plan.Product, product, StringComparison.OrdinalIgnoreCase)
        && string.Equals(plan.Version, version, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^[\p{L}\p{N}._\-]{1,64}$")]
    private static partial Regex ProductName();

    [GeneratedRegex(@"^[\p{L}\p{N}.\-+]{1,32}$")]
    private static partial Regex VersionName();
}
