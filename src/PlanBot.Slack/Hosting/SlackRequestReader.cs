using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PlanBot.Slack.Signing;

namespace PlanBot.Slack.Hosting;

/// <summary>
/// Reads a Slack request's raw body (at most <see cref="MaxBodyBytes"/>) and verifies its signature
/// over exactly those bytes, before anything parses it.
/// </summary>
public sealed class SlackRequestReader(SlackSignatureVerifier verifier, ILogger<SlackRequestReader> logger)
{
    /// <summary>Slack's payloads are far smaller; anything bigger is not from Slack.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task<SlackRequestBody> ReadAsync(HttpRequest request, string endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return Refuse(endpoint, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return Refuse(endpoint, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var check = verifier.Verify(
            request.Headers[SlackSignatureVerifier.TimestampHeader].ToString(),
            request.Headers[SlackSignatureVerifier.SignatureHeader].ToString(),
            body);
        if (!check.IsValid)
        {
            return Refuse(endpoint, StatusCodes.Status401Unauthorized, check.Reason);
        }

        return new SlackRequestBody(Encoding.UTF8.GetString(body), null);
    }

    public SlackRequestBody Refuse(string endpoint, int status, string reason)
    {
        logger.RequestRefused(endpoint, reason);
        return new SlackRequestBody(null, TypedResults.Text(reason, "text/plain", Encoding.UTF8, status));
    }
}
