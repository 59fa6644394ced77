namespace PlanBot.BotFramework.Authentication;

/// <summary>Reads the token out of an <c>Authorization: Bearer &lt;jwt&gt;</c> header.</summary>
internal static class BearerToken
{
    private const string Scheme = "Bearer";

    /// <summary>False for anything but the bearer scheme followed by one non-empty token.</summary>
    public static bool TryParse(string? authorizationHeader, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return false;
        }

        var header = authorizationHeader.Trim();
        // The scheme is case-insensitive (RFC 9110 §11.1) even though the Connector always sends "Bearer".
        if (header.Length <= Scheme.Length
            || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            || header[Scheme.Length] != ' ')
        {
            return false;
        }

        var value = header[(Scheme.Length + 1)..].Trim();
        if (value.Length == 0 || value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        token = value;
        return true;
    }
}
