using Microsoft.Azure.Cosmos;

namespace PlanBot.Storage.Cosmos;

/// <summary>Where the Cosmos DB account is and how to reach it; bound from <c>Storage:Cosmos</c>.</summary>
public sealed class CosmosStoreOptions
{
    public const string Section = "Storage:Cosmos";

    /// <summary>The account endpoint, such as <c>https://planbot.documents.azure.com:443/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>
    /// An account key. Leave it out in Azure: the host's managed identity is used instead, with the
    /// data-plane role "Cosmos DB Built-in Data Contributor".
    /// </summary>
    public string? Key { get; set; }

    /// <summary>The client id of a user-assigned managed identity; without it (and without a key) the default Azure credential chain is used.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Database { get; set; } = "planbot";

    /// <summary>Creates the database and containers on start when they are missing. For development; in Azure they are provisioned with the account.</summary>
    public bool CreateIfMissing { get; set; }

    /// <summary>Gateway (HTTPS on 443 only, and what the local server speaks) or Direct (TCP, lower latency in Azure).</summary>
    public ConnectionMode ConnectionMode { get; set; } = ConnectionMode.Gateway;

    /// <summary>Talk to <see cref="Endpoint"/> only, never to the regions the account lists. Needed for the local server.</summary>
    public bool LimitToEndpoint { get; set; }

    /// <summary>Accepts the local server's self-signed certificate. Refused for any endpoint that is not on this machine.</summary>
    public bool AcceptAnyServerCertificate { get; set; }

    /// <summary>How long a conversation pointer lives after its last write: 30 days unless set.</summary>
    public int ConversationTtlSeconds { get; set; } = 30 * 24 * 60 * 60;

    /// <summary>How long one request may take, retries included, before the store is reported unavailable.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many conversation pointers each host keeps in memory to make a turn one read.</summary>
    public int PointerCacheSize { get; set; } = 10_000;
}
