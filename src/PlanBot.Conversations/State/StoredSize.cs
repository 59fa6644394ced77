using System.Text.Json;

namespace PlanBot.Conversations.State;

/// <summary>
/// How many bytes a plan takes as both stores write it (UTF-8 JSON in <see cref="StateJsonContext"/>'s
/// shape), counted as it is written rather than kept: a plan near the limit is large.
/// </summary>
public static class StoredSize
{
    public static long Of(PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var counter = new CountingStream();
        JsonSerializer.Serialize(counter, document, StateJsonContext.Default.PlanDocument);
        return counter.Length;
    }

    /// <summary>A stream that keeps nothing but the count of bytes written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => written;

        public override long Position
        {
            get => written;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => written += count;

        public override void Write(ReadOnlySpan<byte> buffer) => written += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            written += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
