using System.Text.RegularExpressions;

namespace PlanBot.Domain.Deployment;

/// <summary>
/// Section 2's "which component goes to which node(s), in what order, and what each depends on" as
/// a run sheet: one line per component, <c>component on node, node after component, component</c>
/// (nodes and dependencies optional). Read, it is checked for dependencies on components it does not
/// list and for cycles, and put in an order every dependency comes first in.
/// </summary>
public static partial class RunSheet
{
    public const string Form = "one line per component: <component> on <node>[, <node>] [after <component>[, <component>]], such as \"contoso-api on api-prod-1, api-prod-2 after database\"";

    /// <summary>The steps of <paramref name="text"/> in deployment order, or the problem with it.</summary>
    public static (IReadOnlyList<RunStep>? Steps, string? Problem) Read(string text)
    {
        var steps = new List<RunStep>();
        foreach (var line in (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Line().Match(line.TrimStart('-', '*', ' ').Trim());
            var component = match.Groups["component"].Value.Trim().TrimEnd('.', ',', ';');
            if (component.Length == 0)
            {
                continue;
            }

            if (steps.Exists(s => Same(s.Component, component)))
            {
                return (null, $"\"{component}\" is listed twice; give each component one line.");
            }

            steps.Add(new RunStep(component, Names(match.Groups["nodes"].Value), Names(match.Groups["after"].Value)));
        }

        if (steps.Count == 0)
        {
            return (null, $"Give the run sheet as {Form}.");
        }

        foreach (var step in steps)
        {
            if (step.After.FirstOrDefault(a => !steps.Exists(s => Same(s.Component, a))) is { } unknown)
            {
                return (null, $"{step.Component} comes after \"{unknown}\", which is not a component of this run sheet. Give it a line of its own, or correct the name.");
            }
        }

        return Order(steps);
    }

    /// <summary>Every dependency first; otherwise the order the lines were given in.</summary>
    private static (IReadOnlyList<RunStep>? Steps, string? Problem) Order(List<RunStep> steps)
    {
        var ordered = new List<RunStep>();
        var left = new List<RunStep>(steps);
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(s => s.After.All(a => ordered.Exists(o => Same(o.Component, a))));
            if (next is null)
            {
                return (null, $"The run sheet has a cycle: {string.Join(", ", left.Select(s => s.Component))} each wait for another of them.");
            }

            ordered.Add(next);
            left.Remove(next);
        }

        return (ordered, null);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string> Names(string list) =>
        list.Split([',', ';', '&'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(n => AndWord().Split(n))
            .Select(n => n.Trim().TrimEnd('.'))
            .Where(n => n.Length > 0)
            .ToList();

    [GeneratedRegex(@"^(?<component>.+?)(?:\s+on\s+(?<nodes>.+?))?(?:\s+after\s+(?<after>.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Line();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AndWord();
}
