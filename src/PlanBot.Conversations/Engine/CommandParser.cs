using System.Text.RegularExpressions;

namespace PlanBot.Conversations.Engine;

/// <summary>A chat command and its arguments, as typed.</summary>
public sealed record Command(string Name, string Arguments);

/// <summary>
/// Recognises commands. A message is a command only when its first word is one and its shape
/// fits, so an answer that merely starts with "show" or "plan" is still read as an answer.
/// </summary>
public static partial class CommandParser
{
    private static readonly HashSet<string> Bare = new(["help", "status", "skip", "back", "show", "cancel", "list"], StringComparer.OrdinalIgnoreCase);

    public static Command? Parse(string text)
    {
        var trimmed = (text ?? string.Empty).Trim().TrimStart('/');
        var match = Shape().Match(trimmed);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.ToLowerInvariant();
        var args = match.Groups["args"].Value.Trim();
        return name switch
        {
            _ when Bare.Contains(name) && args.Length == 0 => new Command(name, string.Empty),
            "help" or "?" => new Command("help", string.Empty),
            "plan" when PlanArgs().IsMatch(args) || args.Length == 0 => new Command(name, args),
            "edit" when args.Length is > 0 and <= 40 && !args.Contains('\n', StringComparison.Ordinal) => new Command(name, args),
            "edit" when args.Length == 0 => new Command(name, string.Empty),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z?]+)(\s+(?<args>[\s\S]*))?$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^\S+\s+\S+$")]
    private static partial Regex PlanArgs();
}
