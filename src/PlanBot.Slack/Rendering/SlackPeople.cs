using System.Text.RegularExpressions;
using PlanBot.Domain.Answers;

namespace PlanBot.Slack.Rendering;

/// <summary>People in mrkdwn: a Slack member as a real mention (<c>&lt;@U…&gt;</c>), anyone else by escaped name.</summary>
public static partial class SlackPeople
{
    public static bool IsSlackUserId(string? id) => id is not null && UserId().IsMatch(id);

    public static string Mention(PersonRef person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return IsSlackUserId(person.Id) ? $"<@{person.Id}>" : SlackMrkdwn.Escape(person.ToString());
    }

    public static string List(IEnumerable<PersonRef> people) => string.Join(", ", people.Select(Mention));

    [GeneratedRegex("^[UW][A-Z0-9]{2,}$")]
    private static partial Regex UserId();
}
