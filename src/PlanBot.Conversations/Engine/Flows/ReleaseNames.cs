using System.Text.RegularExpressions;

namespace PlanBot.Conversations.Engine.Flows;

/// <summary>What a product name and a version may look like: short, and nothing that could break a message or a path.</summary>
internal static partial class ReleaseNames
{
    public static bool IsProduct(string name) => Product().IsMatch(name);

    public static bool IsVersion(string version) => Version().IsMatch(version);

    [GeneratedRegex(@"^[\p{L}\p{N}._\-]{1,64}$")]
    private static partial Regex Product();

    [GeneratedRegex(@"^[\p{L}\p{N}.\-+]{1,32}$")]
    private static partial Regex Version();
}
