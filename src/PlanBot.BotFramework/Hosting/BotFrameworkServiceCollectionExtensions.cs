using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PlanBot.BotFramework.Authentication;
using PlanBot.BotFramework.Connector;
using PlanBot.BotFramework.Teams;
using PlanBot.Conversations.Ports;
using PlanBot.Http;

namespace PlanBot.BotFramework.Hosting;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Bot Framework adapter: inbound authentication, the Connector client with its
    /// retries, pacing and credentials, and Teams' reply channel and people directory. Options come
    /// from the root keys <c>MicrosoftApp*</c> and the section <c>BotFramework</c>, validated at start-up.
    /// </summary>
    /// <remarks>
    /// Bot Framework carries every channel no other adapter claims (<c>msteams</c>, <c>emulator</c>,
    /// <c>webchat</c>, <c>directline</c>…), so its reply channel and people directory are registered
    /// under <see cref="KeyedService.AnyKey"/>: a lookup by channel id finds them unless another
    /// adapter registered that id itself. Needs the conversation core (<c>TurnProcessor</c>)
    /// registered by the host.
    /// </remarks>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ConnectorRetryOptions>().BindConfiguration(ConnectorRetryOptions.Section).ValidateOnStart()
            .Validate(o => o.MaxAttempts is >= 1 and <= 10, $"{ConnectorRetryOptions.Section}:MaxAttempts must be between 1 and 10.");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value);
        services.AddSingleton(sp => new ConversationPacer(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ConnectorRetryOptions>().Pacing));
        services.AddBotFrameworkAuthentication(configuration);
        services.AddHttpClient<ConnectorClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .UseRenewedConnections()
            .AddChannelRetries("botframework", sp => sp.GetRequiredService<ConnectorRetryOptions>().Retries, ConnectorClient.IsTransient)
            .AddConnectorAuthorization();

        services.AddSingleton(sp => new BotFrameworkReplyChannel(sp.GetRequiredService<ConnectorClient>()));
        services.AddSingleton(sp => new TeamsPeopleDirectory(sp.GetRequiredService<ConnectorClient>()));
        // One instance for every channel id: AnyKey would otherwise make a singleton per key asked for.
        services.AddKeyedSingleton<IReplyChannel>(KeyedService.AnyKey, (sp, _) => sp.GetRequiredService<BotFrameworkReplyChannel>());
        services.AddKeyedSingleton<IPeopleDirectory>(KeyedService.AnyKey, (sp, _) => sp.GetRequiredService<TeamsPeopleDirectory>());
        return services;
    }
}
