namespace PlanBot.Slack.Signing;

/// <summary>The verdict on a request's signature, with a short reason fit for a 401 body.</summary>
public sealed record SignatureCheck(SignatureStatus Status, string Reason)
{
    public bool IsValid => Status == SignatureStatus.Valid;

    public static SignatureCheck Valid { get; } = new(SignatureStatus.Valid, "valid");
}
