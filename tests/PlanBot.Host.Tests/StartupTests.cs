using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>Outside Development the host refuses to start on settings that would leave it open or its links broken, naming the setting.</summary>
public sealed class StartupTests : IDisposable
{
    private const string AppId = "9f6b2a51-3c4d-4e8f-9a0b-1c2d3e4f5a6b";

    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    public static TheoryData<string, string> Missing => new()
    {
        { "MicrosoftAppId", "MicrosoftAppId is not set" },
        { "Export:SigningKey", "Export:SigningKey is not set" },
        { "Export:PublicBaseUrl", "Export:PublicBaseUrl is not set" },
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public void A_production_host_without_a_required_setting_refuses_to_start_and_names_it(string key, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["Export:SigningKey"] = Convert.ToBase64String(new byte[32]),
            ["Export:PublicBaseUrl"] = "https://planbot.example/",
            [key] = string.Empty,
        };
        using var factory = new PlanBotFactory(database.Path, new RecordingConnector(), settings, environment: "Production");

        var refusal = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains(message, refusal.Message, StringComparison.Ordinal);
    }
}
