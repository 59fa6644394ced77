using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Azure.Cosmos;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Storage.Cosmos.Items;

namespace PlanBot.Storage.Cosmos;

/// <summary>Reading and writing the two kinds of item, each write conditional on the ETag read.</summary>
public sealed partial class CosmosConversationStore
{
    private async Task<Versioned<PlanDocument>?> ReadPlanAsync(string tenantId, string planId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            "read plan",
            token => plans.ReadItemStreamAsync(planId, new PartitionKey(tenantId), cancellationToken: token),
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Expect(response, HttpStatusCode.OK, "read plan");
        var item = await ItemCodec.ReadPlanAsync(response.Content, cancellationToken);
        return new Versioned<PlanDocument>(ItemCodec.Body(item), response.Headers.ETag ?? item.ETag);
    }

    private async Task<Versioned<ConversationDocument>?> ReadPointerAsync(string key, bool refresh, CancellationToken cancellationToken)
    {
        var id = ItemKeys.ConversationId(key);
        using var response = await SendAsync(
            "read conversation",
            token => conversations.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: token),
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            pointers.Invalidate(key, null);
            return null;
        }

        Expect(response, HttpStatusCode.OK, "read conversation");
        var item = await ItemCodec.ReadConversationAsync(response.Content, cancellationToken);
        if (item.Key != key)
        {
            throw new InvalidDataException($"The stored conversation {id} belongs to another conversation key.");
        }

        var document = ItemCodec.Body(item);
        var etag = response.Headers.ETag ?? item.ETag ?? throw new InvalidDataException($"The stored conversation {id} has no ETag.");
        var writtenAt = DateTimeOffset.FromUnixTimeSeconds(item.Timestamp);
        if (refresh && time.GetUtcNow() - writtenAt >= pointerTrust)
        {
            // Past half its time to live: write it again as it is, so a conversation that keeps
            // answering on one plan never loses its pointer. Conditional, like every write.
            try
            {
                etag = await ReplacePointerAsync(id, document, etag, cancellationToken);
                writtenAt = time.GetUtcNow();
                logger.PointerRefreshed(key);
            }
            catch (ConcurrencyException)
            {
                // Someone else wrote it meanwhile, which restarted its time to live too.
                return await ReadPointerAsync(key, refresh: false, cancellationToken);
            }
        }

        pointers.Set(key, new CachedPointer(etag, JsonMarshal.GetRawUtf8Value(item.Body).ToArray(), document.TenantId, document.ActivePlanId, writtenAt));
        return new Versioned<ConversationDocument>(document, etag);
    }

    private async Task EnsurePointerUnchangedAsync(Versioned<ConversationDocument> pointer, CancellationToken cancellationToken)
    {
        var key = pointer.Document.Key;
        var id = ItemKeys.ConversationId(key);
        var requestOptions = pointer.ETag is null ? null : new ItemRequestOptions { IfNoneMatchEtag = pointer.ETag };
        using var response = await SendAsync(
            "check conversation",
            token => conversations.ReadItemStreamAsync(id, new PartitionKey(id), requestOptions, token),
            cancellationToken);
        var unchanged = pointer.ETag is null
            ? response.StatusCode == HttpStatusCode.NotFound
            : response.StatusCode == HttpStatusCode.NotModified;
        if (!unchanged)
        {
            pointers.Invalidate(key, pointer.ETag);
            throw new ConcurrencyException($"The conversation {key} changed since it was read; nothing was written.");
        }
    }

    private async Task WritePlanAsync(Versioned<PlanDocument> stored, CancellationToken cancellationToken)
    {
        var plan = stored.Document.Plan;
        if (!ItemKeys.IsUsableId(plan.Id))
        {
            throw new ArgumentException($"The plan id \"{plan.Id}\" cannot be a Cosmos DB id.", nameof(stored));
        }

        var body = ItemCodec.Plan(stored.Document);
        var partition = new PartitionKey(plan.TenantId);
        if (stored.ETag is null)
        {
            using var created = await SendAsync(
                "create plan",
                token => plans.CreateItemStreamAsync(new MemoryStream(body, writable: false), partition, cancellationToken: token),
                cancellationToken);
            if (created.StatusCode == HttpStatusCode.Conflict)
            {
                // The id or, through the unique key, the release: either way another writer got there first.
                throw new ConcurrencyException($"A plan for {plan.Title} (or with id {plan.Id}) was created by someone else meanwhile.");
            }

            Expect(created, HttpStatusCode.Created, "create plan");
            return;
        }

        using var replaced = await SendAsync(
            "replace plan",
            token => plans.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), plan.Id, partition, new ItemRequestOptions { IfMatchEtag = stored.ETag }, token),
            cancellationToken);
        if (replaced.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            throw new ConcurrencyException($"The plan {plan.Id} ({plan.Title}) changed since it was read.");
        }

        Expect(replaced, HttpStatusCode.OK, "replace plan");
    }

    private async Task WritePointerAsync(Versioned<ConversationDocument> stored, CancellationToken cancellationToken)
    {
        var document = stored.Document;
        var id = ItemKeys.ConversationId(document.Key);
        string etag;
        try
        {
            if (stored.ETag is null)
            {
                var body = ItemCodec.Conversation(id, document, options.ConversationTtlSeconds);
                using var created = await SendAsync(
                    "create conversation",
                    token => conversations.CreateItemStreamAsync(new MemoryStream(body, writable: false), new PartitionKey(id), cancellationToken: token),
                    cancellationToken);
                if (created.StatusCode == HttpStatusCode.Conflict)
                {
                    throw new ConcurrencyException($"The conversation {document.Key} was created by someone else meanwhile.");
                }

                Expect(created, HttpStatusCode.Created, "create conversation");
                etag = created.Headers.ETag;
            }
            else
            {
                etag = await ReplacePointerAsync(id, document, stored.ETag, cancellationToken);
            }
        }
        catch (ConcurrencyException)
        {
            pointers.Invalidate(document.Key, stored.ETag);
            throw;
        }

        pointers.Set(document.Key, new CachedPointer(etag, ItemCodec.ConversationBody(document), document.TenantId, document.ActivePlanId, time.GetUtcNow()));
    }

    private async Task<string> ReplacePointerAsync(string id, ConversationDocument document, string etag, CancellationToken cancellationToken)
    {
        var body = ItemCodec.Conversation(id, document, options.ConversationTtlSeconds);
        using var replaced = await SendAsync(
            "replace conversation",
            token => conversations.ReplaceItemStreamAsync(new MemoryStream(body, writable: false), id, new PartitionKey(id), new ItemRequestOptions { IfMatchEtag = etag }, token),
            cancellationToken);
        if (replaced.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            // 404: it expired or was deleted since it was read; the turn starts over from nothing.
            throw new ConcurrencyException($"The conversation {document.Key} changed since it was read.");
        }

        Expect(replaced, HttpStatusCode.OK, "replace conversation");
        return replaced.Headers.ETag;
    }

    /// <summary>
    /// A query of one tenant's partition (or of all, when <paramref name="tenantId"/> is null), every
    /// page of it up to <paramref name="maxItems"/>. Only plain SQL the local server runs too: no
    /// OFFSET/LIMIT, DISTINCT or GROUP BY.
    /// </summary>
    private async Task<List<JsonElement>> QueryAsync(QueryDefinition query, string? tenantId, int? maxItems, string operation, CancellationToken cancellationToken)
    {
        var requestOptions = new QueryRequestOptions { PartitionKey = tenantId is null ? null : new PartitionKey(tenantId), MaxItemCount = maxItems ?? 100 };
        using var iterator = plans.GetItemQueryStreamIterator(query, continuationToken: null, requestOptions);
        var results = new List<JsonElement>();
        while (iterator.HasMoreResults && (maxItems is null || results.Count < maxItems))
        {
            using var page = await SendAsync(operation, iterator.ReadNextAsync, cancellationToken);
            Expect(page, HttpStatusCode.OK, operation);
            using var json = await JsonDocument.ParseAsync(page.Content, cancellationToken: cancellationToken);
            if (json.RootElement.TryGetProperty("Documents", out var documents))
            {
                results.AddRange(documents.EnumerateArray().Select(d => d.Clone()));
            }
        }

        return results;
    }
}
