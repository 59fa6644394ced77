using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PlanBot.BotFramework.Authentication;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Name of the <see cref="IHttpClientFactory"/> client MSAL uses (configure a proxy on it if needed). It has no
    /// handlers of ours: the Connector credential handler must never see MSAL's calls.
    /// </summary>
    public const string MsalHttpClientName = "PlanBot.BotFramework.Msal";

    /// <summary>
    /// Registers inbound authentication (<see cref="BotFrameworkAuthenticator"/>), the Connector token
    /// (<see cref="IConnectorTokenProvider"/>), <see cref="TrustedServiceUrls"/> and
    /// <see cref="ConnectorAuthorizationHandler"/>. Options come from the root keys <c>MicrosoftAppType</c>,
    /// <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c> and the section
    /// <c>BotFramework:Authentication</c>, and are validated at start-up.
    /// </summary>
    /// <remarks>Give the Connector's typed client the token with <see cref="AddConnectorAuthorization"/>.</remarks>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(BotAuthenticationOptions.Section);

        services.AddOptions<BotIdentityOptions>()
            .Configure(o =>
            {
                o.MicrosoftAppType = configuration["MicrosoftAppType"];
                o.MicrosoftAppId = configuration["MicrosoftAppId"];
                o.MicrosoftAppPassword = configuration["MicrosoftAppPassword"];
                o.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"];
                o.AuthorityHost = section[nameof(BotIdentityOptions.AuthorityHost)] ?? o.AuthorityHost;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotIdentityOptions>>(
            new OptionsMessagesValidator<BotIdentityOptions>(o => o.Validate()));

        services.AddOptions<BotAuthenticationOptions>()
            .Bind(section)
            .Configure(o =>
            {
                // The ecosystem's root keys win: one app id for inbound and outbound.
                o.MicrosoftAppId = configuration["MicrosoftAppId"];
                o.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"];
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>>(
            new OptionsMessagesValidator<BotAuthenticationOptions>(o => o.Validate()));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MsalHttpClientName);

        services.TryAddSingleton<BotFrameworkAuthenticator>();
        services.TryAddSingleton(sp => new TrustedServiceUrls(
            sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.TrustedServiceUrls,
            sp.GetRequiredService<ILogger<TrustedServiceUrls>>()));
        services.TryAddSingleton<IConnectorTokenProvider>(sp =>
        {
            var identity = sp.GetRequiredService<IOptions<BotIdentityOptions>>();
            // With authentication off the handler never asks for a token; this provider only explains why.
            return identity.Value.IsAuthenticationDisabled
                ? new NoConnectorTokenProvider()
                : new MsalConnectorTokenProvider(
                    identity,
                    new HttpClientFactoryForMsal(sp.GetRequiredService<IHttpClientFactory>()),
                    sp.GetRequiredService<ILogger<MsalConnectorTokenProvider>>());
        });
        services.TryAddTransient<ConnectorAuthorizationHandler>();

        return services;
    }

    /// <summary>Sends the Connector token with this client's requests, to trusted service URLs only.</summary>
    public static IHttpClientBuilder AddConnectorAuthorization(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler<ConnectorAuthorizationHandler>();
    }
}
