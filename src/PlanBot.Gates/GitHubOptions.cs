using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace PlanBot.Gates;

/// <summary>
/// The section <c>GitHub</c>: the PlanBot GitHub App that answers deployment protection rules.
/// GitHub is on when any of the three is set, and then all three must be.
/// </summary>
public sealed class GitHubOptions
{
    public const string Section = "GitHub";

    /// <summary>The app's id (or its client id): the issuer of the JSON Web Tokens it signs.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's private key, PEM (as GitHub gives it); from Key Vault in Azure.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The app's webhook secret: every delivery's <c>X-Hub-Signature-256</c> is checked with it.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>GitHub's REST API (GitHub Enterprise Server: <c>https://HOST/api/v3/</c>); callbacks go nowhere else.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.github.com/";

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId) || !string.IsNullOrWhiteSpace(PrivateKey) || !string.IsNullOrWhiteSpace(WebhookSecret);
}

/// <summary>Refuses to start with half a GitHub App, naming the key to fix.</summary>
internal sealed class GitHubOptionsValidator : IValidateOptions<GitHubOptions>
{
    public ValidateOptionsResult Validate(string? name, GitHubOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add("GitHub:AppId is required when the GitHub App is configured (its App ID or Client ID).");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            failures.Add("GitHub:WebhookSecret is required when the GitHub App is configured (the app's webhook secret).");
        }

        if (Unresolved(options.PrivateKey) || Unresolved(options.WebhookSecret))
        {
            failures.Add("GitHub:PrivateKey or GitHub:WebhookSecret is an unresolved Key Vault reference: set the secrets github-app-private-key and github-webhook-secret, then restart the app.");
        }
        else if (string.IsNullOrWhiteSpace(options.PrivateKey) || !IsRsaKey(options.PrivateKey))
        {
            failures.Add("GitHub:PrivateKey must be the GitHub App's private key, in PEM (-----BEGIN RSA PRIVATE KEY-----).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("GitHub:ApiBaseUrl must be an absolute https URL, such as https://api.github.com/.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Unresolved(string? value) => value?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsRsaKey(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
