using PlanBot.Domain.Answers;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Answers;

public sealed class YesNoAnswerTests
{
    private static ReadResult Read(string text) => AnswerReader.Read(Questions.YesNo, text, Zones.Utc(DateTimeOffset.UtcNow));

    [Fact]
    public void Yes_with_detail_keeps_the_detail()
    {
        var read = Read("Yes, a one-hour session");

        Assert.True(read.IsValid, read.Problem);
        Assert.True(read.Value!.Yes);
        Assert.Equal("a one-hour session", read.Value.Detail);
        Assert.Equal("Yes: a one-hour session", read.Value.Text);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("nope")]
    [InlineData("N")]
    public void No_on_its_own_is_a_no_without_detail(string text)
    {
        var read = Read(text);

        Assert.True(read.IsValid, read.Problem);
        Assert.False(read.Value!.Yes);
        Assert.Null(read.Value.Detail);
        Assert.Equal("No", read.Value.Text);
    }

    [Theory]
    [InlineData("yeah - they know it already", true, "they know it already")]
    [InlineData("Yep: the runbook is on the wiki", true, "the runbook is on the wiki")]
    [InlineData("nope, same screens as before", false, "same screens as before")]
    public void Other_ways_of_saying_yes_and_no_are_read(string text, bool yes, string detail)
    {
        var read = Read(text);

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(yes, read.Value!.Yes);
        Assert.Equal(detail, read.Value.Detail);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("Not sure yet")]
    [InlineData("Yesterday's session covered it")]
    public void Reply_that_is_neither_yes_nor_no_is_refused(string text)
    {
        var read = Read(text);

        Assert.False(read.IsValid);
        Assert.Contains("Start with yes or no", read.Problem, StringComparison.Ordinal);
    }
}
