using System.Reflection;

namespace PlanBot.Host.Tab;

/// <summary>
/// The tab's script, style sheet and the Teams JavaScript client library, embedded in the host at
/// build time (the library from tools/tab's lockfile-pinned npm package) and served from it: no CDN.
/// </summary>
internal static class TabAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["tab.js"] = "text/javascript; charset=utf-8",
        ["teams-js.min.js"] = "text/javascript; charset=utf-8",
        ["tab.css"] = "text/css; charset=utf-8",
    };

    private static readonly Dictionary<string, byte[]?> Loaded = ContentTypes.Keys.ToDictionary(name => name, Load, StringComparer.Ordinal);

    public static IResult Serve(string name)
    {
        if (!ContentTypes.TryGetValue(name, out var contentType))
        {
            return Results.Problem($"There is no tab asset named {name}.", statusCode: StatusCodes.Status404NotFound);
        }

        return Loaded[name] is { } bytes
            ? Results.Bytes(bytes, contentType)
            : Results.Problem("The Teams JavaScript library was not built into this host: run npm ci in tools/tab, then build again.", statusCode: StatusCodes.Status404NotFound);
    }

    private static byte[]? Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"tab/{name}");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
