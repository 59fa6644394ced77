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

    [Fact]
    public async Task The_document_is_served_not_for_caches_sniffing_or_referrers()
    {
        await bot.SayAsync("plan Contoso.Web 2.4");
        var link = Link(Assert.Single(await bot.SayAsync("export")));

        using var client = factory.CreateClient();
        using var response = await client.GetAsync(link.PathAndQuery);
        using var refused = await client.GetAsync(link.PathAndQuery[..^4] + "0000");

        foreach (var answer in new[] { response, refused })
        {
            Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
            Assert.Equal("nosniff", Assert.Single(answer.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(answer.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public void A_well_signed_link_that_claims_to_live_longer_than_links_live_is_refused()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var key = Convert.ToBase64String(new byte[32]);
        var links = new ExportLinks(Options.Create(new ExportOptions { SigningKey = key }), time);
        var ahead = new FakeTimeProvider(time.GetUtcNow().AddHours(1));
        var (expires, sig) = Parts(new ExportLinks(Options.Create(new ExportOptions { SigningKey = key }), ahead).Create("msteams:t", "plan-1"));

        Assert.Contains("further ahead", links.Check("msteams:t", "plan-1", expires, sig), StringComparison.Ordinal);
    }

    [Fact]
    public void During_a_rotation_links_signed_with_the_previous_key_still_open_and_others_do_not()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (old, current, other) = (Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()), Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray()), Convert.ToBase64String(Enumerable.Repeat((byte)3, 32).ToArray()));
        var (expires, sig) = Parts(new ExportLinks(Options.Create(new ExportOptions { SigningKey = old }), time).Create("msteams:t", "plan-1"));

        var rotated = new ExportLinks(Options.Create(new ExportOptions { SigningKey = current, PreviousSigningKey = old }), time);
        var elsewhere = new ExportLinks(Options.Create(new ExportOptions { SigningKey = current, PreviousSigningKey = other }), time);

        Assert.Null(rotated.Check("msteams:t", "plan-1", expires, sig));
        Assert.Contains("signature", elsewhere.Check("msteams:t", "plan-1", expires, sig), StringComparison.Ordinal);
        var (newExpires, newSig) = Parts(rotated.Create("msteams:t", "plan-1"));
        Assert.Null(new ExportLinks(Options.Create(new ExportOptions { SigningKey = current }), time).Check("msteams:t", "plan-1", newExpires, newSig));
    }

    private static Uri Link(string reply) => new(reply[reply.IndexOf("http://", StringComparison.Ordinal)..].Split(' ', '\n')[0]);

    private static (long Expires, string Sig) Parts(Uri link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        return (long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture), query["sig"]!);
    }
}
