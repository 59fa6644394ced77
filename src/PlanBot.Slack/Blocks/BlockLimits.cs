namespace PlanBot.Slack.Blocks;

/// <summary>
/// Slack's Block Kit limits (PROTOCOLS.md 7.6). The builders refuse values beyond them, so a
/// payload Slack would reject with <c>invalid_blocks</c> never leaves the process.
/// </summary>
public static class BlockLimits
{
    public const int MessageBlocks = 50;
    public const int ModalBlocks = 100;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int Id = 255;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;
    public const int Placeholder = 150;
    public const int InputMaxLength = 3000;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int SelectOptions = 100;
    public const int ConfirmTitle = 100;
    public const int ConfirmText = 300;
    public const int ConfirmButton = 30;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;

    /// <summary>Returns <paramref name="value"/> when it is at most <paramref name="max"/> characters long.</summary>
    public static string Check(string value, int max, string what)
    {
        ArgumentNullException.ThrowIfNull(value, what);
        if (value.Length > max)
        {
            throw new ArgumentOutOfRangeException(what, value.Length, $"Slack allows at most {max} characters in {what}; this one has {value.Length}.");
        }

        return value;
    }

    /// <summary>Like <see cref="Check(string, int, string)"/>, for optional values.</summary>
    public static string? CheckOptional(string? value, int max, string what) => value is null ? null : Check(value, max, what);

    /// <summary>Returns the list when it has between <paramref name="min"/> and <paramref name="max"/> items.</summary>
    public static IReadOnlyList<T> Count<T>(IEnumerable<T> items, int min, int max, string what)
    {
        ArgumentNullException.ThrowIfNull(items, what);
        var list = items.ToList();
        if (list.Count < min || list.Count > max)
        {
            throw new ArgumentOutOfRangeException(what, list.Count, $"Slack allows {min} to {max} items in {what}; this one has {list.Count}.");
        }

        return list;
    }
}
