namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// A request carrying the Connector token was about to go to a URL no authenticated activity came from.
/// The request is not sent: a lost message is better than a leaked token.
/// </summary>
public sealed class UntrustedServiceUrlException : InvalidOperationException
{
    public UntrustedServiceUrlException()
        : base("The request URL is not under a trusted service URL.")
    {
    }

    public UntrustedServiceUrlException(string message)
        : base(message)
    {
    }

    public UntrustedServiceUrlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UntrustedServiceUrlException(Uri requestUri)
        : base($"Refused to send the Connector token to {Describe(requestUri)}: it is not under a service URL of an authenticated activity or of configuration.")
    {
        RequestUri = requestUri;
    }

    public Uri? RequestUri { get; }

    /// <summary>Scheme, host and path only: a query string could carry anything.</summary>
    internal static string Describe(Uri? requestUri) =>
        requestUri is { IsAbsoluteUri: true } ? requestUri.GetLeftPart(UriPartial.Path) : "(no absolute URL)";
}
