namespace PlanBot.Host.Tab;

/// <summary>The Teams tab's single sign-on: which app registration its tokens are for, and where the signing keys are.</summary>
public sealed class TabOptions
{
    public const string Section = "Tab";

    /// <summary>The Entra app registration's client id that Teams asks tokens for (the bot's app id as a rule).</summary>
    public string? AppId { get; set; }

    /// <summary>The host name the tab is served at; the token's audience is <c>api://{Host}/{AppId}</c>.</summary>
    public string? Host { get; set; }

    /// <summary>Entra's OpenID metadata, for the signing keys; tests point it at a local server.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Plans shown on one page of search results.</summary>
    public int PageSize { get; set; } = 25;

    /// <summary>The audience a token for this tab carries; null until both the host and the app id are set.</summary>
    public string? Audience => string.IsNullOrWhiteSpace(AppId) || string.IsNullOrWhiteSpace(Host) ? null : $"api://{Host}/{AppId}";
}
