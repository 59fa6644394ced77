using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PlanBot.Conversations.Engine;
using PlanBot.Conversations.Ports;
using PlanBot.Conversations.State;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>
/// A change that would take a plan past <see cref="EngineOptions.MaxPlanBytes"/> (Cosmos DB refuses
/// items over 2 MB) is refused with a reply before anything is written, and the plan stays as it was.
/// </summary>
public sealed class PlanSizeTests : IDisposable
{
    private const string Tenant = "msteams:72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const int Limit = 16 * 1024;

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task An_answer_that_would_take_the_plan_past_its_limit_is_refused_and_the_stored_plan_is_unchanged()
    {
        using var factory = new PlanBotFactory(database.Path, new RecordingConnector(), new Dictionary<string, string?> { ["Engine:MaxPlanBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var bot = new BotClient(factory, new Activities());
        var store = factory.Services.GetRequiredService<IConversationStore>();
        await bot.SayAsync("plan Contoso.Web 2.4");

        // Answers of 3,000 characters, the most one may be, until one no longer fits (bounded: 20 answers are far past 16 KB).
        IReadOnlyList<string> replies = [];
        string refused = string.Empty;
        Versioned<PlanDocument>? before = null;
        for (var i = 0; i < 20; i++)
        {
            before = await store.FindPlanAsync(Tenant, "Contoso.Web", "2.4", CancellationToken.None);
            refused = new string((char)('a' + i), 3000);
            replies = await bot.SayAsync(refused);
            if (replies.Any(r => r.Contains("larger than I can store", StringComparison.Ordinal)))
            {
                break;
            }
        }

        var reply = Assert.Single(replies);
        Assert.Contains(TurnProcessor.PlanTooLarge, reply, StringComparison.Ordinal);
        var after = await store.FindPlanAsync(Tenant, "Contoso.Web", "2.4", CancellationToken.None);
        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(before.ETag, after.ETag);
        Assert.True(StoredSize.Of(after.Document) <= Limit);
        Assert.DoesNotContain(refused, JsonSerializer.Serialize(after.Document, StateJsonContext.Default.PlanDocument), StringComparison.Ordinal);
    }
}
