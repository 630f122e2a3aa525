using System.Collections;
using System.Globalization;
using System.Text;
using Almanac.Diagnostics;
using Parquet;
using Parquet.Serialization;

namespace Almanac.Usage.Readers;

/// <summary>
/// The rows of a Parquet file as a mapped reader sees them: each column's value as text, looked up by
/// its name (a struct's members by a dotted path), one row group in memory at a time.
/// </summary>
internal static class ParquetRows
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>Whether the stream starts as a Parquet file does; it is left where it was.</summary>
    public static bool Starts(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        var start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return read == head.Length && head.SequenceEqual(Magic);
    }

    /// <summary>Whether the file is a Parquet file (by its first bytes).</summary>
    public static bool IsParquet(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 16);
        return Starts(stream);
    }

    /// <summary>Each row: where it is (<c>row N</c>, from 1), its cells by column name, and its values in schema order (what a content hash is of).</summary>
    public static IEnumerable<(DiagnosticLocation Where, Func<string, string?> Cell, string Raw)> Read(Stream stream, string file)
    {
        int groups;
        try
        {
            var reader = ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult();
            groups = reader.RowGroupCount;
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ParquetException or IOException or InvalidDataException or NotSupportedException)
        {
            throw new DiagnosticException(Diagnostic.Invalid(file, DiagnosticLocation.In("footer"), $"not a readable Parquet file ({e.Message})"));
        }

        long row = 0;
        for (var group = 0; group < groups; group++)
        {
            IList<Dictionary<string, object>> rows;
            try
            {
                rows = ParquetSerializer.DeserializeUntypedAsync(stream, rowGroupIndex: group).GetAwaiter().GetResult().Data;
            }
            catch (Exception e) when (e is ParquetException or IOException or InvalidDataException or NotSupportedException or InvalidCastException)
            {
                throw new DiagnosticException(Diagnostic.Invalid(file, DiagnosticLocation.In($"row group {group + 1} of {groups}"), $"cannot be read ({e.Message})"));
            }

            foreach (var values in rows)
            {
                row++;
                yield return (DiagnosticLocation.In($"row {row}"), column => Text(At(values, column)), Raw(values));
            }
        }
    }

    private static object? At(Dictionary<string, object> values, string path)
    {
        if (values.TryGetValue(path, out var direct))
        {
            return direct;
        }

        object? value = values;
        foreach (var name in path.Split('.'))
        {
            if (value is not IDictionary members || !members.Contains(name))
            {
                return null;
            }

            value = members[name];
        }

        return value;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        DateTime time => (time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime()).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeSpan span => span.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IDictionary => null,
        IEnumerable items => Tags.Join(items.Cast<object?>().Select(Text)),
        _ => value.ToString(),
    };

    private static string Raw(Dictionary<string, object> values) => string.Join('\t', values.Values.Select(v => Text(v) ?? "\\N"));
}
