using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlanBot.Storage.Cosmos.Tests.Hosts;

/// <summary>A Bot Connector on loopback that accepts every reply, counts them per conversation, and opens personal chats.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeConnector(WebApplication app, Uri serviceUrl)
    {
        this.app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    public ConcurrentDictionary<string, int> Replies { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Bodies { get; } = new();

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeConnector? self = null;
        var counter = 0;
        app.MapPost("/v3/conversations/{conversation}/activities/{activity?}", async (string conversation, HttpRequest request) =>
        {
            self!.Replies.AddOrUpdate(conversation, 1, (_, n) => n + 1);
            self.Bodies.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
            return Results.Json(new Dictionary<string, string> { ["id"] = $"r{Interlocked.Increment(ref counter)}" });
        });
        // Opening a personal chat: the same member always gets the same chat, as in Teams.
        app.MapPost("/v3/conversations", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var member = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("members")[0].GetProperty("id").GetString();
            return Results.Json(new Dictionary<string, string> { ["id"] = $"a:direct-{member}" });
        });
        app.MapPut("/v3/conversations/{conversation}/activities/{activity}", () => Results.Json(new Dictionary<string, string> { ["id"] = "u" }));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeConnector(app, new Uri(address.TrimEnd('/') + "/"));
        return self;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
