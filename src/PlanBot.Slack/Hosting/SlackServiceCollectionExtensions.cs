using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.Conversations.Ports;
using PlanBot.Http;
using PlanBot.Slack.Delivery;
using PlanBot.Slack.Inbound;
using PlanBot.Slack.People;
using PlanBot.Slack.Signing;
using PlanBot.Slack.SocketMode;
using PlanBot.Slack.Turns;
using PlanBot.Slack.WebApi;

namespace PlanBot.Slack.Hosting;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack adapter when <c>Slack:Enabled</c> is true: options validated at start-up,
    /// the Web API client with its token handler, the inbound handlers, the work queue and its
    /// workers, and the Socket Mode client when <c>Slack:SocketMode</c> is true. Needs the
    /// conversation core (<c>TurnProcessor</c>) registered by the host.
    /// </summary>
    /// <remarks>
    /// Slack's reply channel and people directory are registered under the channel id
    /// <see cref="SlackTenancy.Channel"/> whether Slack is on or not: a Slack conversation is never
    /// served by the adapter that serves every other channel id (Bot Framework). With Slack off they
    /// resolve to null, so a reminder owed to a Slack conversation is left to a host that runs Slack.
    /// </remarks>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddKeyedSingleton<IReplyChannel>(SlackTenancy.Channel, (sp, _) => sp.GetService<SlackReplyChannel>()!);
        services.AddKeyedSingleton<IPeopleDirectory>(SlackTenancy.Channel, (sp, _) => sp.GetService<SlackPeopleDirectory>()!);
        var section = configuration.GetSection(SlackOptions.Section);
        if (!section.GetValue<bool>(nameof(SlackOptions.Enabled)))
        {
            return services;
        }

        var socketMode = section.GetValue<bool>(nameof(SlackOptions.SocketMode));
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new SlackRegistration(HttpEndpoints: !socketMode, SocketMode: socketMode));

        services.AddSingleton<ChannelPacer>();
        services.AddTransient<SlackTokenHandler>();
        services.AddHttpClient<SlackWebApiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .UseRenewedConnections()
            .AddChannelRetries("slack", sp => sp.GetRequiredService<IOptions<SlackOptions>>().Value.Retries, SlackWebApiClient.IsTransient)
            .AddHttpMessageHandler<SlackTokenHandler>();

        services.AddSingleton<SlackTenancy>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackConversationDirectory>();
        services.AddSingleton<SlackTurnMapper>();
        services.AddSingleton<SlackInstallations>();
        services.AddSingleton<SlackReplyChannel>();
        services.AddSingleton<SlackPeopleDirectory>();
        services.AddSingleton<RecentEvents>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddSingleton<SlackTurnRunner>();
        services.AddSingleton<SlackModals>();
        services.AddSingleton<SlackSectionForms>();
        services.AddSingleton<SlackInbound>();
        services.AddSingleton<Home.SlackHome>();
        services.AddHostedService<SlackWorkService>();

        if (socketMode)
        {
            services.AddSingleton<SlackSocketModeClient>();
            services.AddHostedService(sp => sp.GetRequiredService<SlackSocketModeClient>());
        }
        else
        {
            services.AddSingleton(sp => new SlackSignatureVerifier(
                sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret!,
                sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<SlackRequestReader>();
        }

        return services;
    }
}
