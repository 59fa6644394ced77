using Microsoft.IdentityModel.Tokens;

namespace PlanBot.BotFramework.Authentication;

/// <summary>
/// Turns a token validation failure into a fixed phrase: IdentityModel's own messages can quote claim values,
/// and refusal reasons end up in logs.
/// </summary>
internal static class TokenFailureReason
{
    public static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "audience is not this bot's app id",
        SecurityTokenInvalidIssuerException => "issuer is not trusted",
        SecurityTokenSignatureKeyNotFoundException => "no signing key matches the token",
        SecurityTokenInvalidAlgorithmException => "signing algorithm is not allowed",
        SecurityTokenInvalidSignatureException => "signature is invalid",
        SecurityTokenMalformedException => "token is malformed",
        null => "token validation failed",
        _ => $"token validation failed ({exception.GetType().Name})",
    };
}
