using PlanBot.Domain.Answers;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Answers;

public sealed class DateAnswerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static ReadResult Read(string text) => AnswerReader.Read(Questions.Date, text, Zones.Utc(Now));

    [Fact]
    public void Iso_date_ahead_is_read_as_that_day_in_the_users_zone()
    {
        var date = DateText.UtcDaysFrom(Now, 30);

        var read = Read(DateText.Iso(date));

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), read.Value!.DateUtc);
        Assert.Equal("UTC", read.Value.TimeZone);
        Assert.Equal(AnswerReader.Describe(date), read.Value.Text);
    }

    [Theory]
    [InlineData("d MMM yyyy")]
    [InlineData("d MMMM yyyy")]
    [InlineData("MMMM d, yyyy")]
    [InlineData("MMM d, yyyy")]
    [InlineData("ddd d MMM yyyy")]
    [InlineData("yyyy/MM/dd")]
    public void Written_date_ahead_is_read(string format)
    {
        var date = DateText.UtcDaysFrom(Now, 45);

        var read = Read(DateText.Format(date, format));

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(date, DateOnly.FromDateTime(read.Value!.DateUtc!.Value.UtcDateTime));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(11)]
    [InlineData(22)]
    [InlineData(40)]
    public void Date_with_an_ordinal_day_is_read(int daysAhead)
    {
        var date = DateText.UtcDaysFrom(Now, daysAhead);

        var read = Read(DateText.WithOrdinal(date));

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(date, DateOnly.FromDateTime(read.Value!.DateUtc!.Value.UtcDateTime));
    }

    [Fact]
    public void Date_as_the_bot_writes_it_reads_back_as_the_same_date()
    {
        var date = DateText.UtcDaysFrom(Now, 12);
        var first = Read(DateText.Iso(date));

        var again = Read(first.Value!.Text);

        Assert.True(again.IsValid, again.Problem);
        Assert.Equal(first.Value, again.Value);
    }

    [Fact]
    public void Today_is_accepted()
    {
        var read = Read(DateText.Iso(DateText.TodayIn(Now, TimeZoneInfo.Utc)));

        Assert.True(read.IsValid, read.Problem);
    }

    [Fact]
    public void Past_date_is_refused_with_a_reason_naming_today()
    {
        var today = DateText.TodayIn(Now, TimeZoneInfo.Utc);

        var read = Read(DateText.Iso(today.AddDays(-1)));

        Assert.False(read.IsValid);
        Assert.Contains("already past", read.Problem, StringComparison.Ordinal);
        Assert.Contains($"today is {AnswerReader.Describe(today)} in UTC", read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("next Tuesday")]
    [InlineData("soon")]
    [InlineData("15/15/2030")]
    public void Unreadable_date_is_refused_naming_the_expected_form(string text)
    {
        var read = Read(text);

        Assert.False(read.IsValid);
        Assert.Contains($"\"{text}\"", read.Problem, StringComparison.Ordinal);
        Assert.Contains(DateReader.ExpectedDate, read.Problem, StringComparison.Ordinal);
        Assert.Contains("2027-03-15", DateReader.ExpectedDate, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_that_does_not_exist_is_refused()
    {
        var read = Read($"{Now.Year + 1}-02-30");

        Assert.False(read.IsValid);
        Assert.Contains(DateReader.ExpectedDate, read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_local_date_is_a_different_instant_in_Auckland_and_Los_Angeles()
    {
        var date = DateText.UtcDaysFrom(Now, 60);
        var text = DateText.Iso(date);

        var auckland = AnswerReader.Read(Questions.Date, text, Zones.In(Zones.Auckland, Now)).Value!;
        var losAngeles = AnswerReader.Read(Questions.Date, text, Zones.In(Zones.LosAngeles, Now)).Value!;

        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(midnight, Zones.Auckland), auckland.DateUtc!.Value.UtcDateTime);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(midnight, Zones.LosAngeles), losAngeles.DateUtc!.Value.UtcDateTime);
        Assert.True(auckland.DateUtc < losAngeles.DateUtc);
        Assert.Equal(TimeSpan.Zero, auckland.DateUtc.Value.Offset);
        Assert.Equal("Pacific/Auckland", auckland.TimeZone);
        Assert.Equal("America/Los_Angeles", losAngeles.TimeZone);
        Assert.Equal(auckland.Text, losAngeles.Text);
    }

    [Fact]
    public void Today_is_judged_in_the_users_zone()
    {
        // At noon UTC it is already tomorrow in Auckland and still today in Los Angeles.
        var noonUtc = new DateTimeOffset(Now.UtcDateTime.Date.AddHours(12), TimeSpan.Zero);
        var utcDate = DateOnly.FromDateTime(noonUtc.UtcDateTime);
        var text = DateText.Iso(utcDate);

        var inLosAngeles = AnswerReader.Read(Questions.Date, text, Zones.In(Zones.LosAngeles, noonUtc));
        var inAuckland = AnswerReader.Read(Questions.Date, text, Zones.In(Zones.Auckland, noonUtc));

        Assert.True(inLosAngeles.IsValid, inLosAngeles.Problem);
        Assert.False(inAuckland.IsValid);
        Assert.Contains($"today is {AnswerReader.Describe(utcDate.AddDays(1))} in Pacific/Auckland", inAuckland.Problem, StringComparison.Ordinal);
    }
}
