using System.Globalization;

namespace PlanBot.Domain.Reuse;

/// <summary>
/// Orders release versions by their numeric segments, so 2.10 follows 2.9 and 2.4.1 follows 2.4;
/// a segment that is not a number compares as text after the numbers it shares a place with.
/// </summary>
public sealed class VersionOrder : IComparer<string>
{
    public static VersionOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        var left = Segments(x);
        var right = Segments(y);
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            if (i >= left.Length)
            {
                return -1;
            }

            if (i >= right.Length)
            {
                return 1;
            }

            var a = left[i];
            var b = right[i];
            var aNumber = long.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var an);
            var bNumber = long.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var bn);
            var order = (aNumber, bNumber) switch
            {
                (true, true) => an.CompareTo(bn),
                (true, false) => -1,
                (false, true) => 1,
                _ => string.Compare(a, b, StringComparison.OrdinalIgnoreCase),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    private static string[] Segments(string? version) =>
        (version ?? string.Empty).TrimStart('v', 'V').Split(['.', '-', '+'], StringSplitOptions.RemoveEmptyEntries);
}
