using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace PlanBot.Storage.Sqlite;

/// <summary>How documents, versions, names and instants are kept in the rows' columns.</summary>
internal static class StoredRows
{
    /// <summary>Reads a stored body; one that is not a document names its row, so it can be found and mended.</summary>
    /// <remarks>
    /// The body is parsed from the UTF-8 bytes SQLite holds, without making a string of it first:
    /// the same document, about a third cheaper to read than through UTF-16.
    /// </remarks>
    public static T Document<T>(SqliteDataReader reader, int ordinal, JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(ordinal), type) ?? throw new InvalidDataException($"The stored {what} is empty (null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The stored {what} is not a readable document: {e.Message}", e);
        }
    }

    /// <summary>The ETag of a row: its version.</summary>
    public static string Tag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Product and version names compare case-insensitively and without surrounding blanks.</summary>
    public static string Key(string name) => name.Trim().ToLowerInvariant();

    /// <summary>UTC in the round-trip format: fixed width, so instants compare correctly as text.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
