using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;

namespace PlanBot.BotFramework.Authentication;

/// <summary>The verdict on one inbound request.</summary>
public sealed class AuthenticationResult
{
    private AuthenticationResult(
        AuthenticationOutcome outcome,
        ClaimsIdentity? identity,
        string? callerAppId,
        TokenOrigin? origin,
        string? failureReason)
    {
        Outcome = outcome;
        Identity = identity;
        CallerAppId = callerAppId;
        Origin = origin;
        FailureReason = failureReason;
    }

    public AuthenticationOutcome Outcome { get; }

    /// <summary>The validated token's claims; set only when <see cref="IsAuthenticated"/>.</summary>
    public ClaimsIdentity? Identity { get; }

    /// <summary>
    /// The calling app: <c>appid</c> (v1 tokens) or <c>azp</c> (v2 tokens). Bot Connector tokens usually name
    /// no caller, so this is null for most of them.
    /// </summary>
    public string? CallerAppId { get; }

    /// <summary>Which validation path accepted the token; set only when <see cref="IsAuthenticated"/>.</summary>
    public TokenOrigin? Origin { get; }

    /// <summary>Why the request was refused, in words safe to log: never token content.</summary>
    public string? FailureReason { get; }

    [MemberNotNullWhen(true, nameof(Identity), nameof(Origin))]
    public bool IsAuthenticated => Outcome == AuthenticationOutcome.Authenticated;

    /// <summary>True when the request may be processed (authenticated, or anonymous because authentication is off).</summary>
    public bool Succeeded => Outcome is AuthenticationOutcome.Authenticated or AuthenticationOutcome.Anonymous;

    /// <summary>401 or 403 for a refusal; null when the request may be processed.</summary>
    public int? StatusCode => Outcome switch
    {
        AuthenticationOutcome.Unauthorized => 401,
        AuthenticationOutcome.Forbidden => 403,
        _ => null,
    };

    public static AuthenticationResult Anonymous() => new(AuthenticationOutcome.Anonymous, null, null, null, null);

    public static AuthenticationResult Authenticated(ClaimsIdentity identity, string? callerAppId, TokenOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new(AuthenticationOutcome.Authenticated, identity, callerAppId, origin, null);
    }

    public static AuthenticationResult Unauthorized(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(AuthenticationOutcome.Unauthorized, null, null, null, reason);
    }

    public static AuthenticationResult Forbidden(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(AuthenticationOutcome.Forbidden, null, null, null, reason);
    }

    public override string ToString() => FailureReason is null ? Outcome.ToString() : $"{Outcome}: {FailureReason}";
}
