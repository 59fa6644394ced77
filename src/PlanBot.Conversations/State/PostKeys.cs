using PlanBot.Domain.Checklist;

namespace PlanBot.Conversations.State;

/// <summary>The purposes a plan's posts elsewhere are kept under in <see cref="PlanDocument.Posts"/>, as stored.</summary>
public static class PostKeys
{
    /// <summary>The approval request in the release channel.</summary>
    public const string Approval = "approval";

    /// <summary>The plan's progress in the release channel, once sections are handed out.</summary>
    public const string Summary = "summary";

    /// <summary>The run sheet in the plan's thread on deployment day.</summary>
    public const string RunSheet = "runsheet";

    /// <summary>The success criteria checklist in the plan's thread after the deployment.</summary>
    public const string SuccessChecks = "success";

    private const string AssignmentPrefix = "assign:";

    /// <summary>The first request to the developer a section was handed to, in their personal chat.</summary>
    public static string Assignment(Section section) => $"{AssignmentPrefix}{(int)section}";

    /// <summary>The section an assignment's key names, or null for a key of another purpose.</summary>
    public static Section? AssignedSection(string key) =>
        key.StartsWith(AssignmentPrefix, StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(AssignmentPrefix.Length), out var number)
        && Enum.IsDefined((Section)number)
            ? (Section)number
            : null;
}
