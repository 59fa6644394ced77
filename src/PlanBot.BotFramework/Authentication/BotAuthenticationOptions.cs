namespace PlanBot.BotFramework.Authentication;

/// <summary>How inbound Bot Framework requests are authenticated.</summary>
/// <remarks>
/// The app and tenant ids are bound from the root keys <c>MicrosoftAppId</c> and <c>MicrosoftAppTenantId</c>;
/// the rest from the section <c>BotFramework:Authentication</c>. Both metadata URLs are settable so tests can
/// serve their own documents over loopback http.
/// </remarks>
public sealed record BotAuthenticationOptions
{
    public const string Section = "BotFramework:Authentication";

    /// <summary>The bot's app id; no value turns inbound authentication off (Emulator convention).</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Adds this tenant's v1 and v2 issuers to the Emulator/Entra path.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    public string BotFrameworkOpenIdMetadataUrl { get; set; } = BotFrameworkConstants.DefaultBotFrameworkOpenIdMetadataUrl;

    public string EntraOpenIdMetadataUrl { get; set; } = BotFrameworkConstants.DefaultEntraOpenIdMetadataUrl;

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>
    /// Service URLs the Connector token may be sent to before any activity from them was authenticated,
    /// e.g. the default Teams service URL used for proactive posts.
    /// </summary>
    public IList<string> TrustedServiceUrls { get; } = [];

    public bool IsAuthenticationDisabled => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Messages naming each bad key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        CheckMetadataUrl(nameof(BotFrameworkOpenIdMetadataUrl), BotFrameworkOpenIdMetadataUrl, errors);
        CheckMetadataUrl(nameof(EntraOpenIdMetadataUrl), EntraOpenIdMetadataUrl, errors);
        foreach (var url in TrustedServiceUrls)
        {
            if (!ServiceUrlPrefix.TryParse(url, out _))
            {
                errors.Add($"{Section}:{nameof(TrustedServiceUrls)} entry '{url}' is not an absolute http or https URL.");
            }
        }

        return errors;
    }

    private void CheckMetadataUrl(string key, string? value, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{Section}:{key} must be an absolute http or https URL.");
        }
        else if (RequireHttpsMetadata && uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"{Section}:{key} must use https while {Section}:{nameof(RequireHttpsMetadata)} is true.");
        }
    }
}
