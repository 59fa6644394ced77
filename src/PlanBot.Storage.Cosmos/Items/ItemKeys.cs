using System.Security.Cryptography;
using System.Text;

namespace PlanBot.Storage.Cosmos.Items;

/// <summary>How PlanBot's keys become Cosmos ids and key values.</summary>
internal static class ItemKeys
{
    /// <summary>
    /// The id (and partition key) of a conversation pointer. Conversation keys hold <c>:</c>, <c>@</c>,
    /// <c>;</c> and may hold <c>/</c> or be long; a hash is always a valid id of fixed length.
    /// </summary>
    public static string ConversationId(string conversationKey) =>
        "c-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(conversationKey)));

    /// <summary>The id (and partition key) of a tenant's settings; tenant ids are qualified by channel and may hold any character.</summary>
    public static string TenantId(string tenantId) =>
        "t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tenantId)));

    /// <summary>Product and version compare case-insensitively and without surrounding blanks, as in every store.</summary>
    public static string Name(string name) => name.Trim().ToLowerInvariant();

    public static string Release(string product, string version) => $"{Name(product)}|{Name(version)}";

    /// <summary>True for an id Cosmos accepts in a request path; plan ids are GUIDs, anything else was never stored.</summary>
    public static bool IsUsableId(string id) =>
        id.Length is > 0 and <= 255
        && id.AsSpan().IndexOfAny("/\\?#") < 0
        && !id.Any(char.IsControl)
        && id.Trim().Length == id.Length;
}
