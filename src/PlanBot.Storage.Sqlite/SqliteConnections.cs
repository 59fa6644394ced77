using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PlanBot.Conversations.Ports;
using SQLitePCL;

namespace PlanBot.Storage.Sqlite;

/// <summary>
/// The store's connections to its one file, in WAL mode. Reads take a connection of their own from
/// a pool: in WAL mode they wait on nobody. Writes of this process go through one connection, one
/// at a time behind the write gate, so they never wait on each other inside SQLite; other processes
/// on the same file are held off by the busy timeout. Every way the file cannot be used right now
/// becomes <see cref="StoreUnavailableException"/>.
/// </summary>
internal sealed class SqliteConnections : IAsyncDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    private readonly string databasePath;
    private readonly string connectionString;
    private readonly int busyTimeoutMilliseconds;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> readers = [];
    private SqliteConnection? writer;

    public SqliteConnections(string databasePath, int busyTimeoutMilliseconds)
    {
        this.databasePath = databasePath;
        this.busyTimeoutMilliseconds = busyTimeoutMilliseconds;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy statement on its own for this many whole seconds,
            // on top of SQLite's wait (PRAGMA busy_timeout in OpenAsync). Rounded down, its loop gives
            // up as soon as SQLite's wait has run out once; below one second it could stretch a read,
            // which in WAL mode waits on nobody. The write lock, the one thing that waits on other
            // writers, is taken past that loop (BeginImmediate), so it honours the milliseconds.
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    /// <summary>Creates the database's folder, the file and the schema; safe to call again.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await Guard(async () => writer = await OpenWriterAsync(writer, cancellationToken));
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        if (writer is null)
        {
            // The file could not be used at start-up: create the schema now that it may be back.
            await InitializeAsync(cancellationToken);
        }

        var result = default(T)!;
        await Guard(async () =>
        {
            if (!readers.TryTake(out var connection))
            {
                connection = await OpenAsync(cancellationToken);
            }

            try
            {
                result = await read(connection);
                readers.Add(connection);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        });
        return result;
    }

    /// <summary>Runs <paramref name="write"/> on the writer connection, alone; each of its statements commits on its own.</summary>
    public async Task WriteAsync(Func<SqliteConnection, Task> write, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await Guard(async () =>
            {
                // Opened here too, so a store whose file could not be reached at start-up recovers
                // once it can, instead of failing every turn until the host restarts.
                var connection = writer ??= await OpenWriterAsync(null, cancellationToken);
                await write(connection);
            });
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Runs <paramref name="write"/> on the writer connection, alone, in one transaction: all of it or nothing.</summary>
    public Task WriteTransactionAsync(Func<SqliteConnection, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(async connection =>
        {
            BeginImmediate(connection);
            try
            {
                await write(connection);
                Execute(connection, "COMMIT");
            }
            catch
            {
                await RollBackAsync(connection);
                throw;
            }
        }, cancellationToken);

    /// <summary>Runs one statement as SQLite's own API does, without Microsoft.Data.Sqlite's retry loop.</summary>
    public static void Execute(SqliteConnection connection, string sql) =>
        SqliteException.ThrowExceptionForRC(raw.sqlite3_exec(connection.Handle, sql), connection.Handle);

    public async ValueTask DisposeAsync()
    {
        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        while (readers.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }

        writeGate.Dispose();
    }

    /// <summary>
    /// Takes the write lock, waiting for another writer at most the busy timeout. Sent to SQLite
    /// directly: Microsoft.Data.Sqlite's own retry loop counts whole seconds and would stretch a
    /// shorter timeout to a second or more.
    /// </summary>
    private static void BeginImmediate(SqliteConnection connection) => Execute(connection, "BEGIN IMMEDIATE");

    private async Task RollBackAsync(SqliteConnection connection)
    {
        if (raw.sqlite3_get_autocommit(connection.Handle) != 0)
        {
            return;
        }

        if (raw.sqlite3_exec(connection.Handle, "ROLLBACK") != raw.SQLITE_OK)
        {
            // A connection stuck inside a transaction would fail every later commit: start afresh.
            writer = null;
            await connection.DisposeAsync();
        }
    }

    /// <summary>Makes sure the folder, the file and the schema exist; reuses <paramref name="open"/> when given.</summary>
    private async Task<SqliteConnection> OpenWriterAsync(SqliteConnection? open, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(databasePath) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = open ?? await OpenAsync(cancellationToken);
        try
        {
            await Schema.EnsureAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            if (open is null)
            {
                await connection.DisposeAsync();
            }

            throw;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            // busy_timeout first, so even switching the journal mode waits for another writer.
            // WAL with synchronous=NORMAL: a commit survives the process dying at any point; only an
            // operating-system crash or power cut can lose the last moments, never corrupt the file.
            pragma.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Turns "the database cannot be used right now" into the port's outage error.</summary>
    private static async Task Guard(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (SqliteException e) when (e.SqliteErrorCode != SqliteConstraint)
        {
            var why = e.SqliteErrorCode is SqliteBusy or SqliteLocked ? "The database is locked by another writer." : "The database cannot be used.";
            throw new StoreUnavailableException(why, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException("The database file cannot be reached.", e);
        }
    }
}
