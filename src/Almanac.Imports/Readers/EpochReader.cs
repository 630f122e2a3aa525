using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads Epoch AI's "Data on AI Models" CSV (the notable-models and all-models tables, in the column
/// sets of every snapshot seen): one record per language model, keyed by its name.
/// </summary>
/// <remarks>
/// <para>Rows read: those whose <c>Domain</c> lists <c>Language</c> among its comma-joined domains
/// (<c>Language</c>, <c>Multimodal,Language,Vision</c>…); Almanac catalogues language models. Rows
/// with another or no domain are skipped.</para>
/// <para>Required columns: <c>Model</c>, <c>Organization</c>, <c>Publication date</c>, <c>Domain</c>.
/// Model names have their white space (new lines included) collapsed to single spaces; a name may
/// appear only once among the rows read. <see cref="DatasetRecord.Organization"/> is the first of the
/// comma-joined organisations (a comma followed by a space belongs to a name: <c>SambaNova Systems, Inc</c>).</para>
/// <para>Values: <c>release-date</c> (Publication date), <c>parameters-total</c> (Parameters),
/// <c>training-compute</c> (Training compute (FLOP)), <c>training-dataset-size</c> (Training dataset
/// size, datapoints or gradients), <c>accessibility</c> (Model accessibility), <c>country</c> (the
/// distinct countries of the organisations, joined with <c>", "</c>) and <c>developer</c> (Organization as
/// given). Numbers such as <c>6.71e+11</c> are read exactly as decimals. A number cell holding several
/// comma-joined figures gives a value only when they agree. <c>parameters-active</c> is taken from
/// Parameters notes only when the note states it plainly (<c>12B active</c>, <c>17 billion active
/// parameters</c>) exactly once, without hedging (assumed, estimated, around…), and below the total.</para>
/// <para>The snapshot date is the month in the file name (<c>_2026-01</c> → 2026-01-01), unless the
/// caller gives one.</para>
/// </remarks>
public static partial class EpochReader
{
    public const string Dataset = "epoch";

    /// <summary>Where Epoch AI publishes the daily-updated CSV of notable models.</summary>
    public static readonly Uri PublicUrl = new("https://epoch.ai/data/notable_ai_models.csv");

    private static readonly string[] Hedges = ["assum", "suspect", "estimat", "approx", "around", "roughly", "about", "~", "effectively", "?"];

    public static DatasetSnapshot Read(Stream stream, string fileName, SnapshotInfo? info = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);

        var date = SnapshotDates.Choose(fileName, info, DateFromFileName(fileName), "the file name holds no date like '_2026-01'");
        using var text = DatasetText.Utf8(stream, fileName);
        using var rows = new CsvRows(text, fileName);
        if (!rows.Next(out var headerFields, out _))
        {
            throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.AtLine(1),
                $"the file is empty; expected a header row with the columns {string.Join(", ", Columns.Where(c => c.Required).Select(c => $"'{c.Names[0]}'"))}"));
        }

        var header = Header.Read(headerFields, fileName);
        var records = new List<DatasetRecord>();
        var dropped = new List<DroppedValue>();
        var lineOfModel = new Dictionary<string, int>(StringComparer.Ordinal);
        while (rows.Next(out var fields, out var line))
        {
            if (fields.Length != headerFields.Length)
            {
                throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.AtLine(line),
                    $"expected {headerFields.Length} fields as in the header, found {fields.Length}"));
            }

            var row = new Row(fields, header, fileName, line);
            if (!IsLanguage(row.Text(ColumnId.Domain)))
            {
                continue;
            }

            var name = DatasetValues.CollapseWhitespace(row.Text(ColumnId.Model));
            if (name.Length == 0)
            {
                throw row.Error(ColumnId.Model, "expected a model name, found an empty cell");
            }

            if (!lineOfModel.TryAdd(name, line))
            {
                throw row.Error(ColumnId.Model, $"model '{name}' is listed twice (also on line {lineOfModel[name]})");
            }

            var developer = DatasetValues.CollapseWhitespace(row.Text(ColumnId.Organization));
            records.Add(new DatasetRecord(
                Key: name,
                ModelId: name,
                ModelName: name,
                Provider: null,
                Organization: SplitList(developer).FirstOrDefault(),
                Values: ReadValues(row, developer, dropped),
                Location: $"line {line}"));
        }

        return new DatasetSnapshot(
            Dataset,
            info?.Version ?? Path.GetFileNameWithoutExtension(fileName),
            date,
            info?.Url ?? PublicUrl,
            Publisher: "Epoch AI",
            Title: $"Data on AI Models ({Path.GetFileName(fileName)})",
            Licence: "CC BY 4.0",
            records)
        { Dropped = dropped };
    }

    /// <summary>The first day of the month a file name carries (<c>notable_ai_models_2026-01.csv</c>), or of the day.</summary>
    internal static DateOnly? DateFromFileName(string fileName)
    {
        var match = FileNameDate().Match(Path.GetFileName(fileName));
        if (!match.Success)
        {
            return null;
        }

        var stamp = match.Groups[1].Value;
        return DatasetValues.TryParseDate(stamp, out var date) && date is not null
            ? date
            : throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.In("file name"), $"expected a date YYYY-MM or YYYY-MM-DD after '_', found '{stamp}'"));
    }

    private static List<RecordValue> ReadValues(Row row, string developer, List<DroppedValue> dropped)
    {
        var values = new List<RecordValue>();
        var published = row.Text(ColumnId.PublicationDate).Trim();
        if (published.Length > 0)
        {
            if (!DatasetValues.TryParseDate(published, out var date))
            {
                throw row.Error(ColumnId.PublicationDate, $"expected a date YYYY-MM-DD, found '{published}'");
            }

            if (date is { } day)
            {
                values.Add(DatasetValues.Day("release-date", day));
            }
            else
            {
                // A date of the right shape naming no calendar day (2025-13-45): a slip in the dataset, left out and counted.
                dropped.Add(new DroppedValue(row.Location(ColumnId.PublicationDate), "release-date", published, "names no calendar day"));
            }
        }

        var total = row.Number(ColumnId.Parameters);
        if (total is { } parameters)
        {
            values.Add(DatasetValues.Amount("parameters-total", parameters, Unit.Parameters));
            if (row.Has(ColumnId.ParametersNotes) && ActiveParameters(row.Text(ColumnId.ParametersNotes)) is { } active && active < parameters)
            {
                values.Add(DatasetValues.Amount("parameters-active", active, Unit.Parameters));
            }
        }

        if (row.Number(ColumnId.TrainingCompute) is { } compute)
        {
            values.Add(DatasetValues.Amount("training-compute", compute, Unit.Flop));
        }

        if (row.Number(ColumnId.TrainingDatasetSize) is { } datasetSize)
        {
            values.Add(DatasetValues.Amount("training-dataset-size", datasetSize, Unit.Count));
        }

        if (row.Has(ColumnId.Accessibility) && DatasetValues.CollapseWhitespace(row.Text(ColumnId.Accessibility)) is { Length: > 0 } access)
        {
            values.Add(DatasetValues.Text("accessibility", access));
        }

        if (row.Has(ColumnId.Country))
        {
            var countries = SplitList(DatasetValues.CollapseWhitespace(row.Text(ColumnId.Country))).Distinct(StringComparer.Ordinal).ToList();
            if (countries.Count > 0)
            {
                values.Add(DatasetValues.Text("country", string.Join(", ", countries)));
            }
        }

        if (developer.Length > 0)
        {
            values.Add(DatasetValues.Text("developer", developer));
        }

        return values;
    }

    /// <summary>Active parameters a note states plainly and once (<c>102B, of which 12B active</c>), else null.</summary>
    internal static decimal? ActiveParameters(string note)
    {
        if (Hedges.Any(h => note.Contains(h, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var found = ActiveInNote().Matches(note)
            .Select(m => decimal.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 1_000_000_000m)
            .Distinct()
            .ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static bool IsLanguage(string domain) =>
        SplitList(domain).Any(d => string.Equals(d, "Language", StringComparison.OrdinalIgnoreCase));

    /// <summary>Epoch joins several values with a bare comma; a comma followed by white space is part of a value.</summary>
    private static IEnumerable<string> SplitList(string cell) =>
        ListSeparator().Split(cell).Select(part => part.Trim()).Where(part => part.Length > 0);

    [GeneratedRegex(@",(?!\s)")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"_(\d{4}-\d{2}(?:-\d{2})?)(?!\d)")]
    private static partial Regex FileNameDate();

    [GeneratedRegex(@"(?<![\w.])(?<n>\d+(?:\.\d+)?)[ \t]*(?:B|billion)[ \t]+(?:(?:parameters?|params)[ \t]+)?active\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveInNote();
}
