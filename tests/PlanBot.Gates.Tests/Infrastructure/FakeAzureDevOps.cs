using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PlanBot.Testing.Hosting;

namespace PlanBot.Gates.Tests.Infrastructure;

/// <summary>One task event a check's callback posted: where, with which token, and what it said.</summary>
public sealed record PostedTaskEvent(string Path, string? ApiVersion, string? Authorization, string Name, string TaskId, string JobId, string Result);

/// <summary>
/// Azure DevOps' task events API on loopback, as a check in callback mode is completed:
/// <c>POST {organization}/{projectId}/_apis/distributedtask/hubs/{hubName}/plans/{planId}/events</c>
/// with the run's job access token as a bearer. It answers 200 to the token it was given for the
/// run, 401 to any other, and the status a test queues when one is.
/// </summary>
public sealed class FakeAzureDevOps : IAsyncDisposable
{
    private LoopbackServer server = null!;

    private FakeAzureDevOps()
    {
    }

    /// <summary>The job access token the run's checks send, and the only one the events API takes.</summary>
    public string JobToken { get; } = "job-token-" + Guid.NewGuid().ToString("N");

    public ConcurrentQueue<PostedTaskEvent> Events { get; } = new();

    /// <summary>Statuses to answer the next events with, instead of success.</summary>
    public ConcurrentQueue<int> Failures { get; } = new();

    /// <summary>The organisation's address, as <c>$(system.CollectionUri)</c> gives it: with a trailing slash.</summary>
    public string CollectionUri => server.Url("/contoso/");

    public static async Task<FakeAzureDevOps> StartAsync()
    {
        var fake = new FakeAzureDevOps();
        fake.server = await LoopbackServer.StartAsync(app => app.MapPost("/contoso/{projectId}/_apis/distributedtask/hubs/{hubName}/plans/{planId}/events", fake.PostEventAsync));
        return fake;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task<IResult> PostEventAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        Events.Enqueue(new PostedTaskEvent(
            request.Path.Value!,
            request.Query["api-version"],
            request.Headers.Authorization,
            root.GetProperty("name").GetString()!,
            root.GetProperty("taskId").GetString()!,
            root.GetProperty("jobId").GetString()!,
            root.GetProperty("result").GetString()!));
        if (Failures.TryDequeue(out var status))
        {
            return Results.StatusCode(status);
        }

        return request.Headers.Authorization == $"Bearer {JobToken}" ? Results.Ok() : Results.Unauthorized();
    }
}
