using PlanBot.Domain.Reuse;

namespace PlanBot.Domain.Tests.Reuse;

/// <summary>Versions with words in them: numbers come before words in the same place, words compare as text.</summary>
public sealed class VersionOrderSegmentTests
{
    [Theory]
    [InlineData("2.4-alpha", "2.4-beta")]
    [InlineData("2.4-Beta", "2.4-rc")]
    [InlineData("2.4.1", "2.4.rc")]
    [InlineData(null, "0.1")]
    [InlineData("", "1")]
    public void The_second_comes_later(string? earlier, string? later)
    {
        Assert.True(VersionOrder.Instance.Compare(earlier, later) < 0, $"{earlier} should come before {later}");
        Assert.True(VersionOrder.Instance.Compare(later, earlier) > 0, $"{later} should come after {earlier}");
    }

    [Theory]
    [InlineData("2.4-RC", "2.4-rc")]
    [InlineData(null, "")]
    [InlineData("2.4+build", "2.4.build")]
    public void Versions_that_differ_only_in_case_or_separators_compare_equal(string? a, string? b)
    {
        Assert.Equal(0, VersionOrder.Instance.Compare(a, b));
    }
}
