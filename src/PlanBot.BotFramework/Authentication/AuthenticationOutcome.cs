namespace PlanBot.BotFramework.Authentication;

public enum AuthenticationOutcome
{
    /// <summary>Authentication is off (no app id configured): the request is accepted without an identity.</summary>
    Anonymous,

    Authenticated,

    /// <summary>Answer 401.</summary>
    Unauthorized,

    /// <summary>Answer 403: a valid token whose signing key is not endorsed for the activity's channel.</summary>
    Forbidden,
}
