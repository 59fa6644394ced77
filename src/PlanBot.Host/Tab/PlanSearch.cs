using System.Globalization;
using PlanBot.Domain.Plans;

namespace PlanBot.Host.Tab;

/// <summary>
/// What the tab's search asks for: each filter optional, text compared case-insensitively, results
/// newest first and one page at a time. Read from the query string with every value checked, so a bad
/// value is refused with its reason.
/// </summary>
public sealed record PlanSearch(string? Product, string? Version, PlanState? State, string? Owner, string? Text, int Page)
{
    public const int MaxFilterLength = 200;

    public static PlanSearch Empty { get; } = new(null, null, null, null, null, 1);

    /// <summary>Plans started on or after this day (UTC).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Plans started on or before this day (UTC).</summary>
    public DateOnly? To { get; init; }

    public bool IsEmpty => Product is null && Version is null && State is null && Owner is null && Text is null && From is null && To is null;

    /// <summary>The search, or why it cannot be run.</summary>
    public static (PlanSearch? Search, string? Problem) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        foreach (var (key, value) in query)
        {
            if (value.Count > 1 || (value.ToString()?.Length ?? 0) > MaxFilterLength)
            {
                return (null, $"The filter '{key}' must be given once and be at most {MaxFilterLength} characters.");
            }
        }

        PlanState? state = null;
        if (Value(query, "state") is { } stateText)
        {
            if (!Enum.TryParse<PlanState>(stateText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(stateText, out _))
            {
                return (null, $"The state must be one of: {string.Join(", ", Enum.GetNames<PlanState>())}.");
            }

            state = parsed;
        }

        var page = 1;
        if (Value(query, "page") is { } pageText && (!int.TryParse(pageText, out page) || page < 1 || page > 100_000))
        {
            return (null, "The page must be a whole number from 1.");
        }

        var (from, fromProblem) = Day(query, "from");
        var (to, toProblem) = Day(query, "to");
        if ((fromProblem ?? toProblem) is { } dayProblem)
        {
            return (null, dayProblem);
        }

        return (new PlanSearch(Value(query, "product"), Value(query, "version"), state, Value(query, "owner"), Value(query, "text"), page) { From = from, To = to }, null);
    }

    public bool Matches(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Has(plan.Product, Product)
            && Has(plan.Version, Version)
            && (State is null || plan.State == State)
            && Has(plan.Owner.ToString(), Owner)
            && (From is null || DateOnly.FromDateTime(plan.CreatedAt.UtcDateTime) >= From)
            && (To is null || DateOnly.FromDateTime(plan.CreatedAt.UtcDateTime) <= To)
            && (Text is null || plan.Answers.Values.Any(a => Has(a.Value.Text, Text)));
    }

    /// <summary>The matching plans of <paramref name="plans"/> (newest first already), the page asked for, and how many matched.</summary>
    public (IReadOnlyList<Plan> Page, int Total) Run(IReadOnlyList<Plan> plans, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var matching = plans.Where(Matches).ToList();
        return (matching.Skip((Page - 1) * pageSize).Take(pageSize).ToList(), matching.Count);
    }

    /// <summary>The query string of this search on another page.</summary>
    public string QueryFor(int page)
    {
        var parts = new List<string>();
        Add(parts, "product", Product);
        Add(parts, "version", Version);
        Add(parts, "state", State?.ToString());
        Add(parts, "owner", Owner);
        Add(parts, "text", Text);
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        parts.Add($"page={page}");
        return string.Join('&', parts);
    }

    private static void Add(List<string> parts, string key, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
    }

    private static (DateOnly? Day, string? Problem) Day(IQueryCollection query, string key)
    {
        if (Value(query, key) is not { } text)
        {
            return (null, null);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? (day, null)
            : (null, $"The date '{key}' must be written yyyy-MM-dd.");
    }

    private static bool Has(string value, string? wanted) => wanted is null || value.Contains(wanted, StringComparison.OrdinalIgnoreCase);

    private static string? Value(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;
}
