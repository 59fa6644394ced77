using System.Globalization;

namespace PlanBot.Slack.Blocks;

/// <summary>A time of day; the picked time comes back as <c>selected_time</c>, HH:mm (24-hour, no zone).</summary>
public sealed class TimePickerElement(string actionId) : BlockElement("timepicker", actionId)
{
    public string? InitialTime
    {
        get;
        init => field = value is null || TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A time picker's initial_time is HH:mm.");
    }

    public PlainText? Placeholder
    {
        get;
        init => field = value is null ? null : Placeholders.Checked(value);
    }
}
