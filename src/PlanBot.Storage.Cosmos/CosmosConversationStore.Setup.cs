using System.Net;
using Microsoft.Azure.Cosmos;
using PlanBot.Conversations.Ports;

namespace PlanBot.Storage.Cosmos;

/// <summary>Start-up: the database and containers, made or checked, and the client warmed.</summary>
public sealed partial class CosmosConversationStore
{
    /// <summary>
    /// Creates the database and containers when <see cref="CosmosStoreOptions.CreateIfMissing"/> is set,
    /// then checks that the containers are cut as PlanBot needs. Throws
    /// <see cref="StoreUnavailableException"/> when the account cannot be reached and
    /// <see cref="InvalidOperationException"/> when a container is missing or wrongly defined.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var deadline = options.RequestTimeout > TimeSpan.FromSeconds(30) ? options.RequestTimeout : TimeSpan.FromSeconds(30);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var token = timeout.Token;
        try
        {
            var found = new List<ContainerProperties>();
            if (options.CreateIfMissing)
            {
                Database database = await client.CreateDatabaseIfNotExistsAsync(options.Database, cancellationToken: token);
                found.Add(await AddMissingIndexPathsAsync((await database.CreateContainerIfNotExistsAsync(CosmosContainers.PlansDefinition(), cancellationToken: token)).Resource, token));
                found.Add((await database.CreateContainerIfNotExistsAsync(CosmosContainers.ConversationsDefinition(), cancellationToken: token)).Resource);
                found.Add((await database.CreateContainerIfNotExistsAsync(CosmosContainers.TenantsDefinition(), cancellationToken: token)).Resource);
            }
            else
            {
                foreach (var container in new[] { plans, conversations, tenants })
                {
                    try
                    {
                        found.Add((await container.ReadContainerAsync(cancellationToken: token)).Resource);
                    }
                    catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
                    {
                        throw new InvalidOperationException(
                            $"Cosmos DB container {options.Database}/{container.Id} does not exist. Provision it as docs/STORAGE.md describes, or set {CosmosStoreOptions.Section}:CreateIfMissing=true in development.",
                            e);
                    }
                }
            }

            if (!options.CreateIfMissing && MissingIndexPaths(found[0]) is { Count: > 0 } missing)
            {
                logger.IndexPathsMissing(options.Database, string.Join(", ", missing));
            }

            foreach (var properties in found)
            {
                if (CosmosContainers.Problem(properties, options.Database) is { } problem)
                {
                    throw new InvalidOperationException(problem);
                }
            }

            // One read of an item that never exists in each container fills the client's caches of
            // container metadata and partition ranges, so the first turns pay no extra round trips.
            foreach (var container in new[] { plans, conversations, tenants })
            {
                using var warm = await SendAsync("warm up", t => container.ReadItemStreamAsync(ProbeId, new PartitionKey(ProbeId), cancellationToken: t), token);
            }

            logger.Initialized(options.Database);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StoreUnavailableException($"Cosmos DB at {options.Endpoint} did not answer within {deadline.TotalSeconds:0} s while preparing the containers.", e);
        }
        catch (CosmosException e) when (IsUnavailable(e.StatusCode, e.SubStatusCode))
        {
            throw new StoreUnavailableException(Describe("prepare the containers", e.StatusCode, e.SubStatusCode), e);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            throw new StoreUnavailableException($"Cosmos DB at {options.Endpoint} cannot be reached.", e);
        }
        catch (Exception e) when (IsSignInFailure(e))
        {
            throw new StoreUnavailableException(SignInFailed("prepare the containers"), e);
        }
    }

    private static List<string> MissingIndexPaths(ContainerProperties properties) =>
        CosmosContainers.PlansIndexedPaths.Where(path => !properties.IndexingPolicy.IncludedPaths.Any(p => p.Path == path)).ToList();

    /// <summary>A plans container made by an earlier release lacks paths added since (remindAt): add them in place.</summary>
    private async Task<ContainerProperties> AddMissingIndexPathsAsync(ContainerProperties properties, CancellationToken cancellationToken)
    {
        var missing = MissingIndexPaths(properties);
        if (missing.Count == 0 || properties.IndexingPolicy.ExcludedPaths.All(p => p.Path != "/*"))
        {
            return properties;
        }

        foreach (var path in missing)
        {
            properties.IndexingPolicy.IncludedPaths.Add(new IncludedPath { Path = path });
        }

        var replaced = (await plans.ReplaceContainerAsync(properties, cancellationToken: cancellationToken)).Resource;
        logger.IndexPathsAdded(options.Database, string.Join(", ", missing));
        return replaced;
    }
}
