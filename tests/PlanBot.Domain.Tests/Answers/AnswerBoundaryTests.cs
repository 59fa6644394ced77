using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Answers;

/// <summary>Where reading an answer turns from yes to no: the ten-year horizon, "now", a window's length, long replies.</summary>
public sealed class AnswerBoundaryTests
{
    /// <summary>A Friday morning, so the dates below are written with known weekdays.</summary>
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ReadResult Read(Question question, string text) => AnswerReader.Read(question, text, Zones.Utc(Now));

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Date_ten_years_ahead_is_accepted_and_a_day_more_is_refused()
    {
        Assert.True(Read(Questions.Date, "2040-03-01").IsValid);

        var refused = Read(Questions.Date, "2040-03-02");

        Assert.Equal("Fri 2 Mar 2040 is more than 10 years ahead. Give the date this release needs.", refused.Problem);
    }

    [Fact]
    public void Window_on_the_last_day_of_the_horizon_is_accepted()
    {
        var read = Read(Questions.Window, "2040-03-01 09:00 to 10:00");

        Assert.True(read.IsValid, read.Problem);
    }

    [Fact]
    public void Window_starting_past_the_horizon_is_refused()
    {
        Assert.Equal(
            "The window starts more than 10 years ahead. Give the window this release needs.",
            Read(Questions.Window, "2040-03-02 22:00 to 23:00").Problem);
    }

    [Fact]
    public void Window_running_past_the_horizon_is_refused()
    {
        Assert.Equal(
            "The window ends more than 10 years ahead. Give the window this release needs.",
            Read(Questions.Window, "2040-03-01 22:00 to 02:00").Problem);
    }

    [Fact]
    public void Window_starting_right_now_is_accepted()
    {
        var read = Read(Questions.Window, "2030-03-01 09:00 to 10:00");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Now, read.Value!.WindowStartUtc);
    }

    [Fact]
    public void Window_whose_end_time_equals_its_start_time_runs_a_whole_day()
    {
        var read = Read(Questions.Window, "2030-03-05 22:00 to 22:00");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Utc(2030, 3, 6, 22), read.Value!.WindowEndUtc);
        Assert.Equal("Tue 5 Mar 2030 22:00 to Wed 6 Mar 2030 22:00 (UTC)", read.Value.Text);
    }

    [Fact]
    public void Window_of_no_length_is_refused()
    {
        Assert.Equal(
            "The window ends before it starts. Give the start first, then the end.",
            Read(Questions.Window, "2030-03-05 22:00 to 2030-03-05 22:00").Problem);
    }

    [Theory]
    [InlineData("10:30pm", 22, 30)]
    [InlineData("10:30 PM", 22, 30)]
    [InlineData("11pm", 23, 0)]
    [InlineData("11 pm", 23, 0)]
    [InlineData("22.30", 22, 30)]
    [InlineData("9:15", 9, 15)]
    public void End_time_may_be_written_on_a_twelve_hour_clock_or_with_a_dot(string end, int hour, int minute)
    {
        var read = Read(Questions.Window, $"2030-03-05 08:00 to {end}");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Utc(2030, 3, 5, hour, minute), read.Value!.WindowEndUtc);
    }

    [Theory]
    [InlineData("Friday 15 March 2030")]
    [InlineData("Fri, 15 Mar 2030")]
    [InlineData("Friday, 15 March 2030")]
    [InlineData("March 15 2030")]
    [InlineData("Mar 15 2030")]
    public void Date_may_be_written_with_its_weekday_or_month_first(string text)
    {
        var read = Read(Questions.Date, text);

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(Utc(2030, 3, 15, 0), read.Value!.DateUtc);
    }

    [Fact]
    public void Local_time_skipped_by_the_clocks_going_forward_is_read_as_the_same_time_an_hour_later()
    {
        // Los Angeles moves from 02:00 to 03:00 on 10 March 2030: 02:30 does not exist that night.
        var at = DateReader.ToUtc(new DateOnly(2030, 3, 10), new TimeOnly(2, 30), Zones.LosAngeles);

        Assert.Equal(Utc(2030, 3, 10, 10, 30), at);
    }

    [Fact]
    public void Reply_of_sixty_characters_is_quoted_whole_in_a_refusal()
    {
        var text = new string('x', 60);

        Assert.Contains($"\"{text}\"", Read(Questions.Date, text).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Longer_reply_is_quoted_by_its_first_fifty_seven_characters_in_a_refusal()
    {
        var text = new string('x', 57) + "yyyy";

        Assert.Contains($"\"{new string('x', 57)}...\"", Read(Questions.Date, text).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_text_is_refused_as_empty()
    {
        Assert.Equal("The answer is empty.", Read(Questions.FreeText, null!).Problem);
    }

    [Fact]
    public void Empty_text_with_a_mention_is_still_empty_for_a_question_that_does_not_ask_for_people()
    {
        var read = AnswerReader.Read(Questions.FreeText, string.Empty, Zones.Utc(Now, new Mention("<at>Alex Wilber</at>", People.Alex)));

        Assert.Equal("The answer is empty.", read.Problem);
    }

    [Fact]
    public void Empty_text_with_a_mention_names_that_person_for_a_question_that_asks_for_people()
    {
        var read = AnswerReader.Read(Questions.People, string.Empty, Zones.Utc(Now, new Mention("<at>Alex Wilber</at>", People.Alex)));

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal([People.Alex], read.Value!.People);
    }

    [Fact]
    public void Question_of_an_unknown_kind_is_a_programming_error()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Read(Questions.Of((AnswerKind)99), "text"));

        Assert.Equal("question", refused.ParamName);
        Assert.StartsWith("Unknown answer kind.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_kind_says_how_it_is_answered()
    {
        Assert.Equal("any text", AnswerReader.ExpectedForm(AnswerKind.FreeText));
        Assert.Equal(DateReader.ExpectedDate, AnswerReader.ExpectedForm(AnswerKind.Date));
        Assert.Equal("a start and an end, such as 2027-03-15 22:00 to 2027-03-16 02:00", AnswerReader.ExpectedForm(AnswerKind.DateTimeWindow));
        Assert.Equal(AnswerReader.PeopleForms, AnswerReader.ExpectedForm(AnswerKind.People));
        Assert.Equal("yes or no, then any detail, such as \"yes, a one-hour walkthrough\"", AnswerReader.ExpectedForm(AnswerKind.YesNoWithDetail));
    }

    [Theory]
    [InlineData("yes", "Yes", true, null)]
    [InlineData("Y", "Yes", true, null)]
    [InlineData("no, same screens as before", "No: same screens as before", false, "same screens as before")]
    public void Yes_or_no_reads_back_as_a_word_and_any_detail(string text, string shown, bool yes, string? detail)
    {
        var read = Read(Questions.YesNo, text);

        Assert.Equal(new AnswerValue { Text = shown, Yes = yes, Detail = detail }, read.Value);
    }

    [Fact]
    public void People_may_be_joined_with_a_plus()
    {
        var read = Read(Questions.People, "alex@contoso.com + megan@contoso.com");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(["alex@contoso.com", "megan@contoso.com"], read.Value!.People!.Select(p => p.Upn));
    }

    [Fact]
    public void Mention_written_right_against_emails_still_separates_them()
    {
        var alex = new Mention("<at>Alex Wilber</at>", People.Alex);

        var read = AnswerReader.Read(Questions.People, "lee@contoso.com<at>Alex Wilber</at>megan@contoso.com", Zones.Utc(Now, alex));

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(["Alex Wilber", "lee@contoso.com", "megan@contoso.com"], read.Value!.People!.Select(p => p.ToString()));
    }
}
