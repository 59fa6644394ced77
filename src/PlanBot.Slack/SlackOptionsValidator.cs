using Microsoft.Extensions.Options;

namespace PlanBot.Slack;

/// <summary>Checks <see cref="SlackOptions"/> at start-up; every message names the key at fault.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!options.SocketMode && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            errors.Add("Slack:SigningSecret is required: without it no request from Slack can be verified. Copy it from the app's Basic Information page (or turn on Slack:SocketMode).");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            errors.Add("Slack:BotToken is required: the bot token (xoxb-…) from the app's OAuth & Permissions page.");
        }
        else if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            errors.Add("Slack:BotToken must be a bot token, starting with xoxb-.");
        }

        if (options.SocketMode)
        {
            if (string.IsNullOrWhiteSpace(options.AppToken))
            {
                errors.Add("Slack:AppToken is required when Slack:SocketMode is true: an app-level token (xapp-…) with connections:write.");
            }
            else if (!options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            {
                errors.Add("Slack:AppToken must be an app-level token, starting with xapp-.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.TeamId) && string.IsNullOrWhiteSpace(options.EnterpriseId))
        {
            errors.Add("Slack:TeamId (T…) or Slack:EnterpriseId (E…) is required: one deployment serves one workspace or one Grid organisation.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http") || !options.ApiBaseUrl.EndsWith('/'))
        {
            errors.Add("Slack:ApiBaseUrl must be an absolute http(s) URL ending in /, such as https://slack.com/api/.");
        }

        if (options.PostInterval < TimeSpan.Zero || options.PostInterval > TimeSpan.FromMinutes(1))
        {
            errors.Add("Slack:PostInterval must be between 00:00:00 and 00:01:00.");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            errors.Add("Slack:MaxAttempts must be between 1 and 10.");
        }

        if (options.MaxRetryDelay < TimeSpan.Zero)
        {
            errors.Add("Slack:MaxRetryDelay must not be negative.");
        }

        if (options.Workers is < 1 or > 64)
        {
            errors.Add("Slack:Workers must be between 1 and 64.");
        }

        if (options.QueueCapacity is < 1 or > 100_000)
        {
            errors.Add("Slack:QueueCapacity must be between 1 and 100000.");
        }

        if (options.RecentEventWindow <= TimeSpan.Zero)
        {
            errors.Add("Slack:RecentEventWindow must be positive.");
        }

        if (options.UserCacheDuration < TimeSpan.Zero)
        {
            errors.Add("Slack:UserCacheDuration must not be negative.");
        }

        if (options.ModalWait < TimeSpan.Zero || options.ModalWait > TimeSpan.FromSeconds(30))
        {
            errors.Add("Slack:ModalWait must be between 00:00:00 and 00:00:30 (Slack waits 3 seconds: keep it below 00:00:03).");
        }

        if (options.MaxReconnectDelay < TimeSpan.FromSeconds(1))
        {
            errors.Add("Slack:MaxReconnectDelay must be at least 00:00:01.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
