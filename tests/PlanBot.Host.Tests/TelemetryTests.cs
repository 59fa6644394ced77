using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using PlanBot.Conversations;
using PlanBot.Host.Tests.Infrastructure;
using PlanBot.Testing;
using PlanBot.Testing.Teams;

namespace PlanBot.Host.Tests;

/// <summary>Turns, store calls and connector retries show up as traces and metrics.</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly RecordingConnector connector = new();
    private readonly ConcurrentQueue<Activity> activities = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> measurements = new();
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener;

    public TelemetryTests()
    {
        activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PlanBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);
        meterListener = new MeterListener { InstrumentPublished = (instrument, listener) => { if (instrument.Meter.Name == PlanBotTelemetry.Name) listener.EnableMeasurementEvents(instrument); } };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.Start();
    }

    public void Dispose()
    {
        activityListener.Dispose();
        meterListener.Dispose();
        database.Dispose();
    }

    [Fact]
    public async Task A_turn_is_traced_and_counted_with_its_store_calls()
    {
        using var factory = new PlanBotFactory(database.Path, connector);
        var bot = new BotClient(factory, new Activities());

        await bot.SayAsync("plan Contoso.Web 2.4");
        await bot.SayAsync("Dark mode");

        Assert.True(activities.Count(a => a.OperationName == "planbot.turn") >= 2);
        var turn = activities.Last(a => a.OperationName == "planbot.turn");
        Assert.Equal("Processed", turn.GetTagItem("planbot.turn.outcome"));
        Assert.Equal("msteams", turn.GetTagItem("planbot.channel"));
        Assert.Contains(measurements, m => m.Name == "planbot.turns" && (string?)m.Tags["outcome"] == "Processed");
        Assert.Contains(measurements, m => m.Name == "planbot.turn.duration" && m.Value > 0);
        Assert.Contains(measurements, m => m.Name == "planbot.store.duration" && (string?)m.Tags["operation"] == "load");
        Assert.Contains(measurements, m => m.Name == "planbot.store.duration" && (string?)m.Tags["operation"] == "commit" && (string?)m.Tags["outcome"] == "ok");
        Assert.NotNull(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task Connector_retries_are_counted()
    {
        using var factory = new PlanBotFactory(database.Path, connector);
        var bot = new BotClient(factory, new Activities());
        connector.Failures.Enqueue(System.Net.HttpStatusCode.ServiceUnavailable);

        var replies = await bot.SayAsync("help");

        Assert.Contains(measurements, m => m.Name == "planbot.channel.retries" && (int?)m.Tags["status"] == 503);
        Assert.NotEmpty(replies);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        measurements.Enqueue((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}
