using PlanBot.Domain.Reuse;

namespace PlanBot.Domain.Tests.Reuse;

/// <summary>Which release is newer: versions compare by numeric segments, so 2.10 follows 2.9.</summary>
public sealed class VersionOrderTests
{
    [Theory]
    [InlineData("2.9", "2.10")]
    [InlineData("2.4", "2.4.1")]
    [InlineData("1.99.99", "2.0")]
    [InlineData("v2.4", "2.5")]
    [InlineData("9", "10")]
    public void The_second_is_newer(string older, string newer)
    {
        Assert.True(VersionOrder.Instance.Compare(older, newer) < 0, $"{older} should come before {newer}");
        Assert.True(VersionOrder.Instance.Compare(newer, older) > 0, $"{newer} should come after {older}");
    }

    [Theory]
    [InlineData("2.4", "v2.4")]
    [InlineData("2.4", "2.4")]
    public void The_same_release_written_two_ways_compares_equal(string a, string b) =>
        Assert.Equal(0, VersionOrder.Instance.Compare(a, b));

    [Fact]
    public void Sorting_puts_releases_in_numeric_order()
    {
        string[] versions = ["2.10", "2.9", "2.1", "10.0", "2.9.1"];

        Assert.Equal(["2.1", "2.9", "2.9.1", "2.10", "10.0"], versions.Order(VersionOrder.Instance));
    }
}
