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
    /// <summary>Commands that take no arguments: "status please" is an answer, "status" is the command.</summary>
    private static readonly HashSet<string> Bare = new(
        ["help", "status", "skip", "back", "show", "cancel", "list", "submit", "pending", "history", "approve", "fresh", "keep", "remove", "export"],
        StringComparer.OrdinalIgnoreCase);

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
            "?" => new Command("help", string.Empty),
            "plan" when args.Length == 0 || PlanArgs().IsMatch(args) => new Command(name, args),
            "edit" when !args.Contains('\n', StringComparison.Ordinal) && args.Length <= 40 => new Command(name, args),
            "reject" => new Command(name, args),
            "assign" when args.Length > 0 => new Command(name, args),
            "baseline" when args.Length == 0 || PlanArgs().IsMatch(args) => new Command(name, args),
            "channel" when args.Length == 0 || ChannelArgs().IsMatch(args) => new Command(name, args),
            "quorum" when args.Length == 0 || QuorumArgs().IsMatch(args) => new Command(name, args),
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z?]+)(\s+(?<args>[\s\S]*))?$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^\S+\s+\S+$")]
    private static partial Regex PlanArgs();

    [GeneratedRegex(@"^set(\s+\S+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelArgs();

    [GeneratedRegex(@"^(any|all)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuorumArgs();
}
