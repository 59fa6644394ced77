using System.Net.Security;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Azure.Cosmos;

namespace PlanBot.Storage.Cosmos;

/// <summary>
/// Builds the one <see cref="CosmosClient"/> a host keeps for its lifetime (it holds connections,
/// the account's metadata and the token cache; one per request would exhaust all three).
/// </summary>
public static class CosmosClientFactory
{
    /// <param name="options">Validated store options.</param>
    /// <param name="decorateHandler">Wraps the HTTP handler, for instance to observe requests; Gateway mode sends every request through it.</param>
    /// <param name="credential">Overrides the credential chosen from the options.</param>
    public static CosmosClient Create(CosmosStoreOptions options, Func<HttpMessageHandler, HttpMessageHandler>? decorateHandler = null, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        CosmosStoreOptionsValidator.EnsureValid(options);
        var clientOptions = new CosmosClientOptions
        {
            ApplicationName = "PlanBot",
            ConnectionMode = options.ConnectionMode,
            LimitToEndpoint = options.LimitToEndpoint,
            RequestTimeout = options.RequestTimeout,
            // Writes never need the stored document echoed back: the ETag header is enough.
            EnableContentResponseOnWrite = false,
            // Documents are written and read as streams with the shared StateJsonContext; this serializer
            // only carries query parameters.
            UseSystemTextJsonSerializerWithOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web),
            HttpClientFactory = () => new HttpClient(Handler(options, decorateHandler), disposeHandler: true),
        };

        var endpoint = options.Endpoint!;
        return credential is null && !string.IsNullOrEmpty(options.Key)
            ? new CosmosClient(endpoint, options.Key, clientOptions)
            : new CosmosClient(endpoint, credential ?? CredentialFor(options), clientOptions);
    }

    /// <summary>The identity the host signs in with when no key is configured.</summary>
    public static TokenCredential CredentialFor(CosmosStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrEmpty(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
    }

    private static HttpMessageHandler Handler(CosmosStoreOptions options, Func<HttpMessageHandler, HttpMessageHandler>? decorate)
    {
        var sockets = new SocketsHttpHandler
        {
            // Re-resolve DNS now and then: Azure moves gateway addresses during maintenance.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.RequestTimeout < TimeSpan.FromSeconds(5) ? options.RequestTimeout : TimeSpan.FromSeconds(5),
        };
        if (options.AcceptAnyServerCertificate)
        {
            // Only ever for a server on this machine (the validator refuses anything else): the local
            // Cosmos server makes a self-signed certificate at every start.
#pragma warning disable CA5359 // Refused by CosmosStoreOptionsValidator for any endpoint off this machine.
            sockets.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
#pragma warning restore CA5359
        }

        return decorate is null ? sockets : decorate(sockets);
    }
}
