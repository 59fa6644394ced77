namespace PlanBot.Conversations.Engine;

/// <summary>
/// The section <c>RateLimits</c>: how many turns one person, and one tenant (organisation or
/// workspace), may start in a sliding window. A turn over either limit is not run; the sender is
/// told to slow down, once a window.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Turns one person may start per <see cref="UserWindow"/>: one a second, kept up, is more than anyone types or clicks.</summary>
    public int UserTurns { get; set; } = 60;

    public TimeSpan UserWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Turns all people of one tenant together may start per <see cref="TenantWindow"/>.</summary>
    public int TenantTurns { get; set; } = 1200;

    public TimeSpan TenantWindow { get; set; } = TimeSpan.FromMinutes(1);
}
