using System.Globalization;
using PlanBot.Domain.Answers;
using PlanBot.Domain.Checklist;
using PlanBot.Domain.Tests.Support;

namespace PlanBot.Domain.Tests.Answers;

/// <summary>What the reader stores and says must not depend on the culture of the host it runs on.</summary>
public sealed class AnswerCultureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static T UnderCulture<T>(string name, Func<T> read)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Window_text_writes_times_with_a_colon_on_a_host_whose_culture_uses_a_dot()
    {
        var day = DateText.UtcDaysFrom(Now, 20);

        var read = UnderCulture("fi-FI", () => AnswerReader.Read(Questions.Window, $"{DateText.Iso(day)} 22:00 to 02:00", Zones.Utc(Now)));

        Assert.True(read.IsValid, read.Problem);
        Assert.Equal($"{AnswerReader.Describe(day)} 22:00 to {AnswerReader.Describe(day.AddDays(1))} 02:00 (UTC)", read.Value!.Text);
    }

    [Fact]
    public void Length_refusal_names_the_limit_the_same_way_on_any_host()
    {
        var read = UnderCulture("de-DE", () => AnswerReader.Read(Questions.Of(AnswerKind.FreeText), new string('x', 3001), Zones.Utc(Now)));

        Assert.Contains("the limit is 3,000", read.Problem, StringComparison.Ordinal);
    }
}
