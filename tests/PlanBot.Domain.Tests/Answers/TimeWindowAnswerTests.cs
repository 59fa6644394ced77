using PlanBot.Domain.Answers;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Answers;

public sealed class TimeWindowAnswerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static readonly DateOnly Day = DateText.UtcDaysFrom(Now, 20);

    private static ReadResult Read(string text) => AnswerReader.Read(Questions.Window, text, Zones.Utc(Now));

    private static DateTimeOffset Utc(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    [Fact]
    public void Window_with_both_dates_is_read_as_two_instants()
    {
        var read = Read($"{DateText.Iso(Day)} 22:00 to {DateText.Iso(Day.AddDays(1))} 02:00");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Utc(Day, 22), read.Value!.WindowStartUtc);
        Assert.Equal(Utc(Day.AddDays(1), 2), read.Value.WindowEndUtc);
        Assert.Equal("UTC", read.Value.TimeZone);
        Assert.Equal($"{AnswerReader.Describe(Day)} 22:00 to {AnswerReader.Describe(Day.AddDays(1))} 02:00 (UTC)", read.Value.Text);
    }

    [Fact]
    public void End_time_alone_that_is_earlier_runs_past_midnight()
    {
        var read = Read($"{DateText.Iso(Day)} 22:00 to 02:00");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Utc(Day, 22), read.Value!.WindowStartUtc);
        Assert.Equal(Utc(Day.AddDays(1), 2), read.Value.WindowEndUtc);
    }

    [Fact]
    public void End_time_alone_that_is_later_stays_on_the_same_day()
    {
        var read = Read($"{DateText.Format(Day, "d MMM yyyy")} 09:00 until 17:30");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Utc(Day, 9), read.Value!.WindowStartUtc);
        Assert.Equal(Utc(Day, 17).AddMinutes(30), read.Value.WindowEndUtc);
        Assert.Equal($"{AnswerReader.Describe(Day)} 09:00 to 17:30 (UTC)", read.Value.Text);
    }

    [Fact]
    public void Dash_between_the_times_separates_them()
    {
        var read = Read($"{DateText.Iso(Day)} 22:00-02:00");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Utc(Day.AddDays(1), 2), read.Value!.WindowEndUtc);
    }

    [Fact]
    public void Window_is_read_in_the_users_zone()
    {
        var read = AnswerReader.Read(Questions.Window, $"{DateText.Iso(Day)} 22:00 to 02:00", Zones.In(Zones.Auckland, Now));

        Assert.True(read.IsValid, read.Problem);
        var start = TimeZoneInfo.ConvertTimeToUtc(Day.ToDateTime(new TimeOnly(22, 0)), Zones.Auckland);
        var end = TimeZoneInfo.ConvertTimeToUtc(Day.AddDays(1).ToDateTime(new TimeOnly(2, 0)), Zones.Auckland);
        Assert.Equal(start, read.Value!.WindowStartUtc!.Value.UtcDateTime);
        Assert.Equal(end, read.Value.WindowEndUtc!.Value.UtcDateTime);
        Assert.Equal("Pacific/Auckland", read.Value.TimeZone);
    }

    [Fact]
    public void Window_that_ends_before_it_starts_is_refused()
    {
        var read = Read($"{DateText.Iso(Day.AddDays(1))} 22:00 to {DateText.Iso(Day)} 02:00");

        Assert.False(read.IsValid);
        Assert.Contains("ends before it starts", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Window_in_the_past_is_refused()
    {
        var yesterday = DateText.UtcDaysFrom(Now, -1);

        var read = Read($"{DateText.Iso(yesterday)} 22:00 to 23:00");

        Assert.False(read.IsValid);
        Assert.Contains("starts in the past", read.Problem, StringComparison.Ordinal);
        Assert.Contains(AnswerReader.Describe(yesterday), read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tonight")]
    [InlineData("after the release meeting until late")]
    public void Unreadable_window_is_refused_naming_the_expected_form(string text)
    {
        var read = Read(text);

        Assert.False(read.IsValid);
        Assert.Contains("2027-03-15 22:00 to 2027-03-16 02:00", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_end_is_refused_naming_the_end()
    {
        var read = Read($"{DateText.Iso(Day)} 22:00 to whenever");

        Assert.False(read.IsValid);
        Assert.Contains("\"whenever\"", read.Problem, StringComparison.Ordinal);
    }
}
