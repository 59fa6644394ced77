using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using PlanBot.Conversations;

namespace PlanBot.Http;

/// <summary>
/// The one way PlanBot's channel clients (Bot Connector, Slack Web API) talk HTTP: pooled
/// connections that are renewed, so a DNS change behind a service URL is followed even by a client
/// a singleton holds for the life of the process, and one retry policy from
/// Microsoft.Extensions.Http.Resilience.
/// </summary>
public static class ChannelHttp
{
    /// <summary>How long one pooled connection is used before a new one is opened (and its name looked up again).</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Connections that live at most <see cref="PooledConnectionLifetime"/>. The typed clients are
    /// captured by singletons, so the factory's handler rotation never reaches them; the pool's own
    /// lifetime does.
    /// </summary>
    public static IHttpClientBuilder UseRenewedConnections(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            PooledConnectionLifetime = PooledConnectionLifetime,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>
    /// Retries a call that failed in transit or answered a status <paramref name="isTransient"/>
    /// accepts, with exponential backoff and jitter, honouring <c>Retry-After</c> (seconds or a
    /// date) up to <see cref="RetrySettings.MaxDelay"/>; a longer <c>Retry-After</c> is not waited
    /// for, and the response goes back to the client at once. A timeout is not retried. Each retry
    /// is logged and counted (<c>planbot.channel.retries</c>, and Polly's own
    /// <c>resilience.polly.strategy.events</c>). Waits run on the container's <see cref="TimeProvider"/>.
    /// </summary>
    public static IHttpClientBuilder AddChannelRetries(
        this IHttpClientBuilder builder, string channel, Func<IServiceProvider, RetrySettings> settings, Func<HttpStatusCode, bool> isTransient)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(isTransient);
        builder.AddResilienceHandler("retries", (pipeline, context) =>
        {
            var retry = settings(context.ServiceProvider);
            if (retry.MaxAttempts <= 1)
            {
                AttemptTimeout(pipeline, retry);
                return;
            }

            var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChannelHttp).FullName!);
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException } => true,
                    { Result: { } response } => isTransient(response.StatusCode) && !(RetryAfter(response, time) > retry.MaxDelay),
                    _ => false,
                }),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
                OnRetry = args =>
                {
                    var status = args.Outcome.Result is { } response ? (int)response.StatusCode : (int?)null;
                    var reason = args.Outcome.Exception is HttpRequestException failure ? failure.HttpRequestError.ToString() : status?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    logger.Retrying(channel, status, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, reason ?? "unknown");
                    PlanBotTelemetry.ChannelRetries.Add(1, new("channel", channel), new("status", status is { } code ? code : "connection"));
                    return ValueTask.CompletedTask;
                },
            });
            AttemptTimeout(pipeline, retry);
        });
        return builder;
    }

    /// <summary>Each attempt on its own clock, inside the retries (the HttpClient's own timeout would span them all).</summary>
    private static void AttemptTimeout(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, RetrySettings retry)
    {
        if (retry.AttemptTimeout > TimeSpan.Zero)
        {
            pipeline.AddTimeout(retry.AttemptTimeout);
        }
    }

    /// <summary>The wait a response asks for, never negative; null when it asks for none.</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
