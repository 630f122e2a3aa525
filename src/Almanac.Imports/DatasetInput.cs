using System.IO.Compression;
using Almanac.Diagnostics;

namespace Almanac.Imports;

/// <summary>One file of a dataset input: its name (without a <c>.gz</c> ending) and how to open it.</summary>
/// <param name="Name">The file's name as a reader sees it: <c>openrouter_models_2024-09-21T020931Z.json</c>
/// for <c>openrouter_models_2024-09-21T020931Z.json.gz</c>, <c>companies/ai_companies.csv</c> inside a zip.</param>
/// <param name="LastWritten">The day the file was last written, where the file system or archive says.</param>
public sealed record DatasetFile(string Name, Func<Stream> Open, DateOnly? LastWritten = null);

/// <summary>
/// What an import reads: one file, the files of a folder, or the entries of a zip archive, in
/// name order. Gzipped files are read decompressed, so a <c>.json.gz</c> snapshot is read as the
/// JSON it holds. Readers that take one file refuse an input of several.
/// </summary>
public sealed class DatasetInput
{
    private DatasetInput(string description, IReadOnlyList<DatasetFile> files)
    {
        Description = description;
        Files = files;
    }

    /// <summary>What was given, for messages: the path or the upload's name.</summary>
    public string Description { get; }

    public IReadOnlyList<DatasetFile> Files { get; }

    /// <summary>One file already in memory or open (an upload, a download).</summary>
    public static DatasetInput FromStream(string name, Stream stream, DateOnly? lastWritten = null)
    {
        if (IsZip(name))
        {
            return FromZip(name, () => stream, leaveOpen: true, lastWritten);
        }

        var opened = false;
        return new DatasetInput(name, [File(name, () =>
        {
            // A stream can be read once; a reader that asks twice is a bug, not bad input.
            if (opened)
            {
                throw new InvalidOperationException($"{name} was already read");
            }

            opened = true;
            return new KeepOpenStream(stream);
        }, lastWritten)]);
    }

    /// <summary>A file, a folder (its files, not its subfolders' unless <paramref name="recursive"/>), or a zip archive.</summary>
    /// <param name="name">The name a single file goes by when its own is not telling (a download kept under a temporary name).</param>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static DatasetInput FromPath(string path, bool recursive = false, string? name = null)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .Select(f => File(Path.GetRelativePath(path, f).Replace('\\', '/'), () => System.IO.File.OpenRead(f), LastWrite(f)))
                .ToList();
            return new DatasetInput(path, files);
        }

        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"no such file or folder: {path}", path);
        }

        var fileName = name ?? Path.GetFileName(path);
        return IsZip(fileName)
            ? FromZip(fileName, () => System.IO.File.OpenRead(path), leaveOpen: false, LastWrite(path))
            : new DatasetInput(name ?? path, [File(fileName, () => System.IO.File.OpenRead(path), LastWrite(path))]);
    }

    /// <summary>The files whose names end with <paramref name="extension"/> (compared without case), in name order.</summary>
    public IEnumerable<DatasetFile> WithExtension(string extension) =>
        Files.Where(f => f.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one file of an input that must be a single file.</summary>
    /// <exception cref="DiagnosticException">The input holds no file or more than one.</exception>
    public DatasetFile OnlyFile(string dataset)
    {
        if (Files.Count != 1)
        {
            throw new DiagnosticException(Diagnostic.Invalid(Description, DiagnosticLocation.In("input"), Files.Count == 0
                ? $"holds no file; {dataset} takes one file"
                : $"holds {Files.Count} files; {dataset} takes one file"));
        }

        return Files[0];
    }

    private static DatasetFile File(string name, Func<Stream> open, DateOnly? lastWritten) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new DatasetFile(name[..^3], () => new GZipStream(open(), CompressionMode.Decompress), lastWritten)
            : new DatasetFile(name, open, lastWritten);

    private static DatasetInput FromZip(string name, Func<Stream> open, bool leaveOpen, DateOnly? lastWritten)
    {
        // The archive is read into memory once: dataset archives are a few megabytes, and entries
        // can then be opened in any order without holding the file.
        byte[] bytes;
        using (var source = open())
        using (var copy = new MemoryStream())
        {
            source.CopyTo(copy);
            bytes = copy.ToArray();
            if (leaveOpen && source.CanSeek)
            {
                source.Position = 0;
            }
        }

        List<DatasetFile> files;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            files = archive.Entries
                .Where(e => e.Length > 0 && !e.FullName.EndsWith('/') && !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
                    && !Path.GetFileName(e.FullName).StartsWith('.'))
                .OrderBy(e => e.FullName, StringComparer.Ordinal)
                .Select(e =>
                {
                    var entryName = e.FullName;
                    var written = DateOnly.FromDateTime(e.LastWriteTime.UtcDateTime);
                    return File(entryName, () => OpenEntry(bytes, entryName), written == default ? lastWritten : written);
                })
                .ToList();
        }
        catch (InvalidDataException e)
        {
            throw new DiagnosticException(Diagnostic.Invalid(name, DiagnosticLocation.In("archive"), $"is not a readable zip archive ({e.Message})"));
        }

        return new DatasetInput(name, files);
    }

    private static MemoryStream OpenEntry(byte[] archiveBytes, string entryName)
    {
        var archive = new ZipArchive(new MemoryStream(archiveBytes, writable: false), ZipArchiveMode.Read);
        var entry = archive.GetEntry(entryName)!;
        var content = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(content);
        }

        archive.Dispose();
        content.Position = 0;
        return content;
    }

    private static bool IsZip(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    private static DateOnly LastWrite(string path) => DateOnly.FromDateTime(System.IO.File.GetLastWriteTimeUtc(path));

    /// <summary>A caller's stream that a reader may dispose without closing it for the caller.</summary>
    private sealed class KeepOpenStream(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
