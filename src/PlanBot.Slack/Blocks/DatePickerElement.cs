using System.Globalization;

namespace PlanBot.Slack.Blocks;

/// <summary>A calendar; the picked date comes back as <c>selected_date</c>, YYYY-MM-DD.</summary>
public sealed class DatePickerElement(string actionId) : BlockElement("datepicker", actionId)
{
    public string? InitialDate
    {
        get;
        init => field = value is null || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A date picker's initial_date is YYYY-MM-DD.");
    }

    public PlainText? Placeholder
    {
        get;
        init => field = value is null ? null : Placeholders.Checked(value);
    }
}
