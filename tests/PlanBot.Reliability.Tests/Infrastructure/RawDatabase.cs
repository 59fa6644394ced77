using System.Text;
using Microsoft.Data.Sqlite;

namespace PlanBot.Reliability.Tests.Infrastructure;

/// <summary>The SQLite file as another process sees it: raw rows, and a writer that holds the lock.</summary>
public static class RawDatabase
{
    /// <summary>Every plan and conversation row (version and body), to compare before and after.</summary>
    public static string Rows(string path)
    {
        using var connection = Open(path);
        var text = new StringBuilder();
        foreach (var sql in new[] { "SELECT id, version, body FROM plans ORDER BY id", "SELECT key, version, body FROM conversations ORDER BY key" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                text.Append(reader.GetString(0)).Append('|').Append(reader.GetInt64(1)).Append('|').Append(reader.GetString(2)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static long Count(string path, string table)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Another connection takes the write lock (<c>BEGIN EXCLUSIVE</c>) and holds it until disposed.</summary>
    public static async Task<SqliteConnection> LockAsync(string path)
    {
        var connection = Open(path);
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        await command.ExecuteNonQueryAsync();
        return connection;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
