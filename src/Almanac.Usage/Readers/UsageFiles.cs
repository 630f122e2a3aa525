using System.IO.Compression;
using Almanac.Diagnostics;

namespace Almanac.Usage.Readers;

/// <summary>
/// The files of an ingest: one file, or every file of a folder and its subfolders in name order
/// (hidden files and licence or schema files left out); <c>.gz</c> files are read decompressed.
/// </summary>
public static class UsageFiles
{
    public static IReadOnlyList<string> Of(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        if (!Directory.Exists(path))
        {
            throw new DiagnosticException($"'{path}' is neither a file nor a folder");
        }

        return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && IsLog(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    // A folder of logs often carries its licence, schemas and readme beside them; they are not logs.
    private static bool IsLog(string file)
    {
        var name = Path.GetFileName(file).ToLowerInvariant();
        return !(name.StartsWith("license", StringComparison.Ordinal) || name.StartsWith("readme", StringComparison.Ordinal)
            || name.StartsWith("_schema", StringComparison.Ordinal) || name.EndsWith(".prisma", StringComparison.Ordinal)
            || name.EndsWith(".md", StringComparison.Ordinal) || name.EndsWith(".txt", StringComparison.Ordinal));
    }

    /// <summary>Opens a file for reading, decompressing <c>.gz</c>; <paramref name="read"/> counts the file's bytes read so far (compressed bytes for <c>.gz</c>).</summary>
    public static Stream Open(string file, Action<long>? read = null)
    {
        Stream stream = new CountingStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), read);
        return file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>A read-only stream that reports how many bytes were read, for a progress bar.</summary>
    private sealed class CountingStream(Stream inner, Action<long>? read) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        // A Parquet file is read from its footer, so a file (not a .gz stream) can be sought in.
        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position
        {
            get => _position;
            set => Seek(value, SeekOrigin.Begin);
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        private int Counted(int n)
        {
            _position += n;
            read?.Invoke(_position);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            _position = inner.Seek(offset, origin);
            return _position;
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
