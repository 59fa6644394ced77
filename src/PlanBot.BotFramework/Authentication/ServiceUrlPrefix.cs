using System.Diagnostics.CodeAnalysis;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// A trusted service URL reduced to what decides where a request goes: scheme, host, port and path prefix.
/// </summary>
internal sealed record ServiceUrlPrefix(string Scheme, string Host, int Port, string Path)
{
    public static bool TryParse(string? serviceUrl, [NotNullWhen(true)] out ServiceUrlPrefix? prefix)
    {
        prefix = null;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        // Uri lower-cases the host already, so record equality dedupes "SMBA.…" and "smba.…".
        // A trailing slash makes "/amer" a segment prefix, so it does not also match "/americas/...".
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        prefix = new ServiceUrlPrefix(uri.Scheme, uri.IdnHost, uri.Port, path);
        return true;
    }

    public bool Matches(Uri requestUri)
    {
        if (!requestUri.IsAbsoluteUri
            || !string.Equals(requestUri.Scheme, Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(requestUri.IdnHost, Host, StringComparison.OrdinalIgnoreCase)
            || requestUri.Port != Port)
        {
            return false;
        }

        // AbsolutePath has dot segments removed, so "/amer/../emea/" cannot slip past the prefix.
        var path = requestUri.AbsolutePath;
        return path.StartsWith(Path, StringComparison.Ordinal)
            || string.Equals(path + "/", Path, StringComparison.Ordinal);
    }

    public override string ToString() => $"{Scheme}://{Host}:{Port}{Path}";
}
