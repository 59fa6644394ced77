using Microsoft.Identity.Client;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Lets MSAL use <see cref="IHttpClientFactory"/>, whose pooled handlers follow DNS changes, instead of a
/// static client of its own.
/// </summary>
internal sealed class HttpClientFactoryForMsal(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() =>
        httpClientFactory.CreateClient(BotFrameworkAuthenticationServiceCollectionExtensions.MsalHttpClientName);
}
