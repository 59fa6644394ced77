using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace PlanBot.Slack.WebApi;

/// <summary>
/// Adds the token to Web API requests, in the Authorization header only, and refuses to send a
/// request anywhere but <see cref="SlackOptions.ApiBaseUrl"/>, so the token never reaches another host.
/// </summary>
public sealed class SlackTokenHandler(IOptions<SlackOptions> options) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<SlackTokenKind> TokenKind = new("PlanBot.Slack.TokenKind");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var root = new Uri(settings.ApiBaseUrl, UriKind.Absolute);
        if (request.RequestUri is null || !root.IsBaseOf(request.RequestUri) || request.RequestUri.Scheme != root.Scheme)
        {
            throw new InvalidOperationException($"Refusing to send a Slack token to {request.RequestUri?.GetLeftPart(UriPartial.Authority) ?? "(no address)"}: only {root} is trusted.");
        }

        var kind = request.Options.TryGetValue(TokenKind, out var chosen) ? chosen : SlackTokenKind.Bot;
        var token = kind == SlackTokenKind.App ? settings.AppToken : settings.BotToken;
        if (string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException(kind == SlackTokenKind.App ? "Slack:AppToken is not set." : "Slack:BotToken is not set.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}
