using System.Net;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Options;

namespace PlanBot.Storage.Cosmos;

/// <summary>Checks <see cref="CosmosStoreOptions"/> at start-up; every message names the key to fix.</summary>
public sealed class CosmosStoreOptionsValidator : IValidateOptions<CosmosStoreOptions>
{
    private const string P = CosmosStoreOptions.Section + ":";

    public ValidateOptionsResult Validate(string? name, CosmosStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static List<string> Check(CosmosStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Uri? endpoint = null;
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"{P}Endpoint is not set; give the account endpoint, such as https://<account>.documents.azure.com:443/.");
        }
        else if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{P}Endpoint \"{options.Endpoint}\" is not an absolute https URL.");
            endpoint = null;
        }
        else if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLocal(endpoint))
        {
            failures.Add($"{P}Endpoint must use https; plain http is allowed only for a server on this machine.");
        }

        if (!string.IsNullOrEmpty(options.Key) && !IsBase64(options.Key))
        {
            failures.Add($"{P}Key is not a valid account key (base64).");
        }

        if (!string.IsNullOrEmpty(options.Key) && !string.IsNullOrEmpty(options.ManagedIdentityClientId))
        {
            failures.Add($"{P}Key and {P}ManagedIdentityClientId are both set; use one (in Azure: the managed identity, and no key).");
        }

        if (!string.IsNullOrEmpty(options.ManagedIdentityClientId) && !Guid.TryParse(options.ManagedIdentityClientId, out _))
        {
            failures.Add($"{P}ManagedIdentityClientId \"{options.ManagedIdentityClientId}\" is not a client id (a GUID).");
        }

        if (string.IsNullOrWhiteSpace(options.Database) || options.Database.Length > 255 || options.Database.IndexOfAny(['/', '\\', '?', '#']) >= 0)
        {
            failures.Add($"{P}Database must be a name of 1 to 255 characters without / \\ ? #.");
        }

        if (!Enum.IsDefined(options.ConnectionMode))
        {
            failures.Add($"{P}ConnectionMode must be Gateway or Direct.");
        }

        if (options.AcceptAnyServerCertificate && endpoint is not null && !IsLocal(endpoint))
        {
            failures.Add($"{P}AcceptAnyServerCertificate is allowed only for a server on this machine (localhost or 127.0.0.1), never for {endpoint.Host}.");
        }

        if (options.ConversationTtlSeconds < 1)
        {
            failures.Add($"{P}ConversationTtlSeconds must be a number of seconds, at least 1 (it is {options.ConversationTtlSeconds}).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(2))
        {
            failures.Add($"{P}RequestTimeout must be between 00:00:00.001 and 00:02:00 (it is {options.RequestTimeout}).");
        }

        if (options.PointerCacheSize < 0)
        {
            failures.Add($"{P}PointerCacheSize must not be negative.");
        }

        if (options.ConnectionMode == ConnectionMode.Direct && options.AcceptAnyServerCertificate)
        {
            failures.Add($"{P}ConnectionMode Direct does not work with the local server; use Gateway with AcceptAnyServerCertificate.");
        }

        return failures;
    }

    /// <summary>Throws with every failure when the options cannot be used.</summary>
    public static void EnsureValid(CosmosStoreOptions options)
    {
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(CosmosStoreOptions.Section, typeof(CosmosStoreOptions), failures);
        }
    }

    private static bool IsLocal(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static bool IsBase64(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }
}
