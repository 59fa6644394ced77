using PlanBot.Conversations.Engine.Commands;
using PlanBot.Conversations.Views;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Plans;
using PlanBot.Domain.Reuse;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>How the bot asks: a question, with what to do about an answer carried over from a baseline; or the way in.</summary>
internal static class Prompts
{
    /// <summary>Asks a question; a carried-over answer is shown with how to confirm it and what looks stale in it.</summary>
    public static QuestionView Ask(TurnWork work, Plan plan, Question question, string? problem = null, string? note = null)
    {
        if (plan.AnswerTo(question.Id) is { IsUnconfirmed: true } carried)
        {
            var how = $"Carried over from {plan.BaselineTitle ?? "an earlier plan"}, not confirmed: `keep` it, type this release's answer, or `remove` it.";
            note = note is null ? how : $"{note} {how}";
            var stale = Flags(work, plan, carried);
            if (stale.Count > 0)
            {
                var found = $"Check this answer: it {string.Join("; it ", stale)}.";
                problem = problem is null ? found : $"{problem} {found}";
            }
        }

        return Interview.Ask(plan, question, problem, note);
    }

    /// <summary>What looks wrong in a carried-over answer: the old release named, a date past, someone who left the team.</summary>
    public static IReadOnlyList<string> Flags(TurnWork work, Plan plan, Answer carried)
    {
        var stale = StaleContent.Find(carried, plan, plan.BaselineVersion, work.Now).ToList();
        var departed = work.Active?.Document.Departed ?? [];
        stale.AddRange((carried.Value.People ?? [])
            .Where(p => PeopleLookup.Identity(p) is { } id && departed.Contains(id))
            .Select(p => $"names {p}, who is no longer in the release channel's team"));
        return stale;
    }

    public static HelpView NoPlanYet(string? why = null) =>
        HelpText.View($"{why ?? "Hi!"} Start a plan with `plan <product> <version>`, for example `plan Contoso.Web 2.4`.".Trim());
}
