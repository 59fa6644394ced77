namespace PlanBot.Conversations.Gates;

/// <summary>
/// The release version a deployment names: a tag (<c>v2.4</c>, <c>refs/tags/2.4</c>), a release
/// branch (<c>release/2.4</c>), or a version set in the deployment. Plans are named as people typed
/// them, so both the name as given and without a leading <c>v</c> are tried.
/// </summary>
public static class ReleaseVersions
{
    /// <summary>The last segment of a ref: <c>refs/tags/v2.4</c> and <c>release/v2.4</c> give <c>v2.4</c>.</summary>
    public static string? FromRef(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var tail = reference.Trim().TrimEnd('/');
        var slash = tail.LastIndexOf('/');
        return slash >= 0 ? tail[(slash + 1)..] : tail;
    }

    /// <summary>The versions a plan may be named under for <paramref name="version"/>, the name as given first, then with or without the <c>v</c>.</summary>
    public static IReadOnlyList<string> Candidates(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var given = version.Trim();
        if (given.Length > 1 && given[0] is 'v' or 'V' && char.IsAsciiDigit(given[1]))
        {
            return [given, given[1..]];
        }

        return given.Length > 0 && char.IsAsciiDigit(given[0]) ? [given, "v" + given] : [given];
    }
}
