using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PlanBot.Domain.Checklist;
using PlanBot.Host.Export;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary><c>export</c> gives the plan as a document, and its signed link opens that plan only, for 15 minutes.</summary>
public sealed class ExportTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();
    private readonly PlanBotFactory factory;
    private readonly BotClient bot;

    public ExportTests()
    {
        factory = new PlanBotFactory(database.Path, connector);
        bot = new BotClient(factory, new Activities());
    }

    public void Dispose()
    {
        factory.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task Export_shows_the_document_inline_and_its_link_serves_the_same_plan()
    {
        await bot.SayAsync("plan Contoso.Web 2.4");
        await bot.SayAsync("Dark mode, saved carts");

        var reply = Assert.Single(await bot.SayAsync("export"));
        Assert.Contains("# Deployment plan: Contoso.Web 2.4", reply, StringComparison.Ordinal);
        Assert.Contains("Dark mode, saved carts", reply, StringComparison.Ordinal);
        var link = new Uri(reply[reply.IndexOf("http://", StringComparison.Ordinal)..].Split(' ', '\n')[0]);

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("Dark mode, saved carts", document, StringComparison.Ordinal);
        var positions = SectionInfo.All.Select(s => document.IndexOf($"## {s.Number}. {s.Title}", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Theory]
    [InlineData("tenant")]
    [InlineData("plan")]
    [InlineData("expires")]
    [InlineData("sig")]
    public async Task A_link_changed_in_any_part_is_refused(string part)
    {
        await bot.SayAsync("plan Contoso.Web 2.4");
        var links = factory.Services.GetRequiredService<ExportLinks>();
        var good = links.Create("msteams:72f988bf-86f1-41af-91ab-2d7cd011db47", "some-plan");
        var tampered = part switch
        {
            "tenant" => good.PathAndQuery.Replace("tenant=msteams", "tenant=slack", StringComparison.Ordinal),
            "plan" => good.PathAndQuery.Replace("/some-plan/", "/other-plan/", StringComparison.Ordinal),
            "expires" => System.Text.RegularExpressions.Regex.Replace(good.PathAndQuery, "expires=(\\d+)", m => $"expires={long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 3600}"),
            _ => good.PathAndQuery[..^4] + "0000",
        };

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("signature", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_past_its_fifteen_minutes_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var links = new ExportLinks(Options.Create(new ExportOptions()), time);
        var link = links.Create("msteams:t", "plan-1");
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var expires = long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture);

        time.Advance(TimeSpan.FromMinutes(14));
        Assert.Null(links.Check("msteams:t", "plan-1", expires, query["sig"]!));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("expired", links.Check("msteams:t", "plan-1", expires, query["sig"]!), StringComparison.Ordinal);
    }
}
