using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>The interview (OpenUP step 2): answers to the open question, <c>skip</c>, <c>back</c> and <c>edit</c>.</summary>
internal sealed class InterviewFlow(EngineOptions options, PeopleLookup people, SimilarProducts similar)
{
    /// <summary>A reply that is not a command answers the conversation's open question.</summary>
    public async Task AnswerAsync(TurnWork work, string text, CancellationToken cancellationToken)
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

        if (await RecordAsync(work, question, text, cancellationToken) is not { } unresolved)
        {
            return;
        }

        var saved = unresolved.Length == 0 ? "Saved." : $"Saved. {unresolved}";
        if (question.Id == "components" && await similar.NoteAsync(work, document.Plan, cancellationToken) is { } note)
        {
            saved = $"{saved} {note}";
        }

        Progress.MoveOn(work, question, saved, unresolved.Length == 0 ? null : unresolved);
    }

    /// <summary>
    /// Reads <paramref name="text"/> as the answer to <paramref name="question"/> and stores it.
    /// Returns what could not be resolved among the people it names (empty when nothing), or null
    /// when the answer was refused: the question is then asked again with the problem.
    /// </summary>
    public async Task<string?> RecordAsync(TurnWork work, Question question, string text, CancellationToken cancellationToken)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        if (text.Length == 0 && work.Turn.Mentions.Count == 0)
        {
            work.Reply(Prompts.Ask(work, document.Plan, question, problem: "I didn't get an answer. Type it, or `skip` to leave this question for later (`help` lists every command)."));
            return null;
        }

        var zone = TimeZones.Resolve(work.Turn.TimeZone ?? session.TimeZone, options.DefaultTimeZone);
        var read = AnswerReader.Read(question, text, new AnswerContext(work.Now, zone, work.Turn.Mentions));
        if (!read.IsValid)
        {
            work.Reply(Prompts.Ask(work, document.Plan, question, problem: read.Problem));
            return null;
        }

        var value = read.Value!;
        string? unresolved = null;
        if (value.People is { } named)
        {
            (value, unresolved) = await people.ResolveAsync(work, value, named, cancellationToken);
        }

        var before = document.Plan;
        var provenance = new Provenance(work.From, work.Now, work.Turn.Conversation.Channel);
        document.Plan = before.WithAnswer(new Answer(question.Id, value, provenance), work.Now);
        work.Touch(work.Active);
        PlanNotices.PlanChanged(work, document, before);
        session.Skipped.Remove(question.Id);
        return unresolved ?? string.Empty;
    }

    public static void Skip(TurnWork work)
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
            Progress.Finish(work, document.Plan);
            return;
        }

        work.Reply(Prompts.Ask(work, document.Plan, next, note: "Skipped; it stays open."));
    }

    public static void Back(TurnWork work)
    {
        var document = work.Active!.Document;
        var session = work.Session;
        var current = session.Cursor ?? PlanChecklist.Questions[^1].Id;
        var previous = session.Cursor is null ? PlanChecklist.Get(current) : Interview.Previous(session, current);
        if (previous is null)
        {
            work.Reply(Prompts.Ask(work, document.Plan, PlanChecklist.Get(current), note: "This is the first question."));
            return;
        }

        session.Cursor = previous.Id;
        session.Skipped.Remove(previous.Id);
        work.Reply(Prompts.Ask(work, document.Plan, previous, note: "Back one question. Type a new answer, or `skip` to keep the current one."));
    }

    public static void Edit(TurnWork work, string which)
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
        work.Reply(Prompts.Ask(work, document.Plan, first, note:
            $"Editing section {section.Number}, {section.Title}. Type a new answer, or `skip` to keep the current one."));
    }
}
