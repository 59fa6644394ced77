using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Answers;

public sealed class AnswerLengthTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static TheoryData<AnswerKind> EveryKind => new(Enum.GetValues<AnswerKind>());

    private static ReadResult Read(AnswerKind kind, string text) => AnswerReader.Read(Questions.Of(kind), text, Zones.Utc(Now));

    /// <summary>A reply of the given length that would be valid for the kind if length were no matter.</summary>
    private static string ReplyOfLength(AnswerKind kind, int length)
    {
        var start = kind switch
        {
            AnswerKind.Date => DateText.Iso(DateText.UtcDaysFrom(Now, 10)) + " ",
            AnswerKind.DateTimeWindow => DateText.Iso(DateText.UtcDaysFrom(Now, 10)) + " 22:00 to 02:00 ",
            AnswerKind.YesNoWithDetail => "yes, ",
            _ => string.Empty,
        };
        if (kind == AnswerKind.People)
        {
            const string domain = "@contoso.com";
            return new string('a', length - domain.Length) + domain;
        }

        return start + new string('x', length - start.Length);
    }

    [Fact]
    public void The_limit_is_three_thousand_characters() => Assert.Equal(3000, AnswerLimits.MaxLength);

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Answer_over_the_limit_is_refused_naming_the_limit(AnswerKind kind)
    {
        var read = Read(kind, ReplyOfLength(kind, AnswerLimits.MaxLength + 1));

        Assert.False(read.IsValid);
        Assert.Contains("3,001 characters", read.Problem, StringComparison.Ordinal);
        Assert.Contains("the limit is 3,000", read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AnswerKind.FreeText)]
    [InlineData(AnswerKind.People)]
    [InlineData(AnswerKind.YesNoWithDetail)]
    public void Answer_of_exactly_the_limit_is_accepted(AnswerKind kind)
    {
        var text = ReplyOfLength(kind, AnswerLimits.MaxLength);

        var read = Read(kind, text);

        Assert.Equal(3000, text.Length);
        Assert.True(read.IsValid, read.Problem);
    }

    [Theory]
    [InlineData(AnswerKind.Date)]
    [InlineData(AnswerKind.DateTimeWindow)]
    public void Date_answer_of_exactly_the_limit_is_judged_on_its_content_not_its_length(AnswerKind kind)
    {
        var read = Read(kind, ReplyOfLength(kind, AnswerLimits.MaxLength));

        Assert.False(read.IsValid);
        Assert.DoesNotContain("limit", read.Problem, StringComparison.Ordinal);
        Assert.Contains("I could not read", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Surrounding_blanks_do_not_count_towards_the_limit()
    {
        var read = Read(AnswerKind.FreeText, "  \n" + new string('x', AnswerLimits.MaxLength) + "\n  ");

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal(AnswerLimits.MaxLength, read.Value!.Text.Length);
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Empty_answer_is_refused(AnswerKind kind)
    {
        Assert.Equal("The answer is empty.", Read(kind, string.Empty).Problem);
        Assert.Equal("The answer is empty.", Read(kind, " \t\n ").Problem);
    }

    [Fact]
    public void Free_text_is_kept_as_typed_without_its_surrounding_blanks()
    {
        var read = Read(AnswerKind.FreeText, "  Checkout v2,\nsaved carts  ");

        Assert.Equal("Checkout v2,\nsaved carts", read.Value!.Text);
    }
}
