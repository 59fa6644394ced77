namespace PlanBot.Domain.Answers;

/// <summary>
/// A person as the channel knows them. <see cref="Id"/> is the channel's user id (Teams <c>29:…</c>,
/// Slack <c>U…</c>); it is empty for an email or UPN the bot could not resolve to a member yet.
/// </summary>
public sealed record PersonRef(string Id, string Name, string? AadObjectId = null, string? Upn = null)
{
    public bool IsResolved => Id.Length > 0;

    /// <summary>True when <paramref name="other"/> is the same person by channel id, AAD object id or UPN.</summary>
    public bool SameAs(PersonRef other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (IsResolved && Id == other.Id)
            || (AadObjectId is not null && string.Equals(AadObjectId, other.AadObjectId, StringComparison.OrdinalIgnoreCase))
            || (Upn is not null && string.Equals(Upn, other.Upn, StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => Name.Length > 0 ? Name : Upn ?? (Id.Length > 0 ? Id : AadObjectId ?? string.Empty);
}
