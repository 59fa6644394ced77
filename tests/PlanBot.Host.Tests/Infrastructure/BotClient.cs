using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests.Infrastructure;

/// <summary>Posts activities to the host's /api/messages and reads back what the bot sent through the Connector.</summary>
public sealed class BotClient(PlanBotFactory factory, Activities activities)
{
    private readonly HttpClient http = factory.CreateClient();

    public Activities Activities { get; } = activities;

    public async Task<HttpStatusCode> PostAsync(JsonNode activity)
    {
        using var response = await http.PostAsJsonAsync("/api/messages", activity);
        return response.StatusCode;
    }

    /// <summary>Sends a message and returns the texts the bot replied with in this turn.</summary>
    public async Task<IReadOnlyList<string>> SayAsync(string text, string? id = null)
    {
        factory.Connector.Clear();
        var status = await PostAsync(Activities.Message(text, id));
        Assert.Equal(HttpStatusCode.OK, status);
        return factory.Connector.Texts;
    }
}
