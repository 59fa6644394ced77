using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Identity;
using Microsoft.Azure.Cosmos;
using PlanBot.Conversations.Ports;

namespace PlanBot.Storage.Cosmos;

/// <summary>Sending requests: one deadline each, counted, and every kind of outage reported the same way.</summary>
public sealed partial class CosmosConversationStore
{
    /// <summary>
    /// Sends one request with this store's deadline and turns every way of "Cosmos DB cannot serve
    /// this now" (no connection, timeout, 408, 429 or 449 after the SDK's own retries, 5xx, refused
    /// credentials, a missing container) into <see cref="StoreUnavailableException"/>.
    /// </summary>
    private async Task<ResponseMessage> SendAsync(string operation, Func<CancellationToken, Task<ResponseMessage>> send, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref requestCount);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        ResponseMessage response;
        try
        {
            response = await send(deadline.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.RequestNotSent(e, operation);
            throw new StoreUnavailableException($"Cosmos DB did not answer {operation} within {options.RequestTimeout.TotalSeconds:0.###} s.", e);
        }
        catch (CosmosException e) when (IsUnavailable(e.StatusCode, e.SubStatusCode))
        {
            logger.RequestFailed(operation, e.StatusCode, e.SubStatusCode, e.Diagnostics?.ToString() ?? "");
            throw new StoreUnavailableException(Describe(operation, e.StatusCode, e.SubStatusCode), e);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
            logger.RequestNotSent(e, operation);
            throw new StoreUnavailableException($"Cosmos DB at {options.Endpoint} cannot be reached ({operation}).", e);
        }
        catch (Exception e) when (IsSignInFailure(e))
        {
            logger.RequestNotSent(e, operation);
            throw new StoreUnavailableException(SignInFailed(operation), e);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > SlowRequest)
        {
            logger.SlowRequest(operation, (long)elapsed.TotalMilliseconds, response.Diagnostics?.ToString() ?? "");
        }

        if (Unavailable(response, operation) is { } unavailable)
        {
            response.Dispose();
            throw unavailable;
        }

        return response;
    }

    private StoreUnavailableException? Unavailable(ResponseMessage response, string operation)
    {
        var subStatus = SubStatus(response);
        if (!IsUnavailable(response.StatusCode, subStatus))
        {
            return null;
        }

        logger.RequestFailed(operation, response.StatusCode, subStatus, response.Diagnostics?.ToString() ?? "");
        return new StoreUnavailableException($"{Describe(operation, response.StatusCode, subStatus)} {response.ErrorMessage}".TrimEnd());
    }

    private string Describe(string operation, HttpStatusCode status, int subStatus) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"Cosmos DB refused {operation} ({(int)status}): check {CosmosStoreOptions.Section}:Key, or that the host's identity has the data-plane role \"Cosmos DB Built-in Data Contributor\" on the account.",
        HttpStatusCode.NotFound =>
            $"Cosmos DB has no database {options.Database} with containers {CosmosContainers.Plans}, {CosmosContainers.Conversations} and {CosmosContainers.Tenants} ({operation}).",
        HttpStatusCode.TooManyRequests =>
            $"Cosmos DB is throttling ({operation}: 429 after the SDK's retries); the account needs more throughput.",
        _ => $"Cosmos DB could not serve {operation} ({(int)status}{(subStatus == 0 ? "" : "/" + subStatus)}).",
    };

    private static void Expect(ResponseMessage response, HttpStatusCode expected, string operation)
    {
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException(
                $"Cosmos DB answered {operation} with {(int)response.StatusCode} {response.StatusCode}: {response.ErrorMessage}");
        }
    }

    private static bool IsUnavailable(HttpStatusCode status, int subStatus) =>
        (int)status is 401 or 403 or 408 or 429 or 449 or >= 500
        || (status == HttpStatusCode.NotFound && subStatus == OwnerResourceNotFound);

    private static int SubStatus(ResponseMessage response) =>
        int.TryParse(response.Headers["x-ms-substatus"], out var value) ? value : 0;

    private string SignInFailed(string operation) =>
        $"The host could not sign in to Cosmos DB ({operation}): check its managed identity"
        + (string.IsNullOrEmpty(options.ManagedIdentityClientId) ? "" : $" ({CosmosStoreOptions.Section}:ManagedIdentityClientId)")
        + $", or set {CosmosStoreOptions.Section}:Key where keys are allowed.";

    /// <summary>Azure.Identity could not get a token: no managed identity here, or Entra ID not answering.</summary>
    private static bool IsSignInFailure(Exception e) =>
        e is AuthenticationFailedException || (e.InnerException is { } inner && IsSignInFailure(inner));

    private static bool IsConnectionFailure(Exception e) =>
        e is HttpRequestException or IOException or SocketException or TimeoutException
        || (e.InnerException is { } inner && IsConnectionFailure(inner));
}
