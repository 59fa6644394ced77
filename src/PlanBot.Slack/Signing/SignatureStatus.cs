namespace PlanBot.Slack.Signing;

public enum SignatureStatus
{
    Valid,
    Missing,
    Malformed,
    Stale,
    Future,
    Mismatch,
}
