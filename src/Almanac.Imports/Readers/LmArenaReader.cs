using System.Globalization;
using System.Text.RegularExpressions;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Knowledge;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads LMArena (Chatbot Arena) leaderboards as CSV: the long table of the text leaderboard's
/// history (one <c>snapshot_version</c> day per row, each day its own snapshot) and single-day files
/// of the text, vision and image arenas (<c>lmarena_vision_2025-08-06.csv</c>, the day from the name).
/// </summary>
/// <remarks>
/// <para>Columns: <c>model</c> (the display name) and <c>arena_score</c> (<c>arena_elo</c> in the first
/// snapshots) are required; <c>95_pct_ci</c> (<c>+3/-4</c>), <c>votes</c>, <c>rank</c>, <c>rank_stylectrl</c>
/// and <c>organization</c> are read where present; the others (licence, knowledge cut-off, address) are not
/// measures and are left out.</para>
/// <para>Values, each with scope <c>benchmark</c> the arena's leaderboard: <c>arena-score</c> with the
/// interval as written in the note (<c>95% CI +3/-4</c>), <c>arena-rank</c> (and the style-control rank with
/// <c>variant: style-control</c>), <c>arena-votes</c>.</para>
/// <para>A model listed twice on one day with the same score, interval and votes is one entry (the
/// leaderboard of 2025-08-06 repeats a row); listed twice with different figures it is an error.</para>
/// <para>In a folder, every <c>.csv</c> file is read except the collector's <c>snapshots_index.csv</c>,
/// which lists the snapshots rather than scores.</para>
/// </remarks>
public static partial class LmArenaReader
{
    public const string Dataset = "lmarena";

    /// <summary>The arenas read, by the word their files are named with: the leaderboard (a benchmark entity) and its page.</summary>
    private static readonly Dictionary<string, Arena> Arenas = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = new("text", "lmarena-text", new Uri("https://lmarena.ai/leaderboard/text")),
        ["vision"] = new("vision", "lmarena-vision", new Uri("https://lmarena.ai/leaderboard/vision")),
        ["image"] = new("image", "lmarena-image", new Uri("https://lmarena.ai/leaderboard/text-to-image")),
    };

    private const string IndexFileName = "snapshots_index.csv";

    private static readonly Column[] Columns =
    [
        new(ColumnId.SnapshotVersion, false, "snapshot_version"),
        new(ColumnId.Rank, false, "rank"),
        new(ColumnId.RankStyleControl, false, "rank_stylectrl"),
        new(ColumnId.Model, true, "model"),
        new(ColumnId.Score, true, "arena_score", "arena_elo"),
        new(ColumnId.Interval, false, "95_pct_ci"),
        new(ColumnId.Votes, false, "votes"),
        new(ColumnId.Organization, false, "organization"),
    ];

    private enum ColumnId
    {
        SnapshotVersion,
        Rank,
        RankStyleControl,
        Model,
        Score,
        Interval,
        Votes,
        Organization,
    }

    /// <summary>Every leaderboard file of the input (a file, a folder or a zip), as snapshots in date order.</summary>
    public static IReadOnlyList<DatasetSnapshot> Read(DatasetInput input, SnapshotInfo? info)
    {
        ArgumentNullException.ThrowIfNull(input);
        var files = input.WithExtension(".csv")
            .Where(f => !string.Equals(Path.GetFileName(f.Name), IndexFileName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (files.Count == 0)
        {
            throw new DiagnosticException(Diagnostic.Invalid(input.Description, DiagnosticLocation.In("input"), $"holds no leaderboard .csv file; {Dataset} reads LMArena's leaderboard CSV files"));
        }

        var snapshots = new List<(DatasetSnapshot Snapshot, int ArenaOrder, string File)>();
        foreach (var file in files)
        {
            using var stream = file.Open();
            var given = info ?? new SnapshotInfo();
            foreach (var (snapshot, order) in ReadFile(stream, file.Name, files.Count == 1 ? given : given with { Version = null }))
            {
                if (snapshots.FirstOrDefault(s => s.Snapshot.Version == snapshot.Version) is { Snapshot: not null } twice)
                {
                    throw new DiagnosticException(Diagnostic.Invalid(file.Name, DiagnosticLocation.In("snapshot"), $"snapshot {snapshot.Version} is also in {twice.File}; each day of a leaderboard may be given once"));
                }

                snapshots.Add((snapshot, order, file.Name));
            }
        }

        return snapshots.OrderBy(s => s.Snapshot.Date).ThenBy(s => s.ArenaOrder).Select(s => s.Snapshot).ToList();
    }

    /// <summary>One leaderboard file: the history (several days) or one day of one arena.</summary>
    public static IReadOnlyList<DatasetSnapshot> Read(Stream stream, string fileName, SnapshotInfo? info = null) =>
        ReadFile(stream, fileName, info ?? new SnapshotInfo()).Select(s => s.Snapshot).ToList();

    private static IEnumerable<(DatasetSnapshot Snapshot, int ArenaOrder)> ReadFile(Stream stream, string fileName, SnapshotInfo info)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var arena = ArenaOf(fileName);
        var arenaOrder = Arenas.Keys.ToList().IndexOf(arena.Word);
        using var text = DatasetText.Utf8(stream, fileName);
        using var rows = new CsvRows(text, fileName);
        if (!rows.Next(out var headerFields, out _))
        {
            throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.At(1, 1), "the file is empty; expected a header row with the columns 'model' and 'arena_score'"));
        }

        var header = Header.Read(headerFields, fileName);
        DateOnly? fileDay = null;
        if (!header.Has(ColumnId.SnapshotVersion))
        {
            fileDay = SnapshotDates.Choose(fileName, info, DayFromFileName(fileName), "the file has no 'snapshot_version' column and its name holds no day like '_2025-08-06'");
        }

        var days = new SortedDictionary<DateOnly, DayRows>();
        while (rows.Next(out var fields, out var line))
        {
            if (fields.Length != headerFields.Length)
            {
                throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.At(line, Math.Min(fields.Length, headerFields.Length) + 1),
                    $"expected {headerFields.Length} fields as in the header, found {fields.Length}"));
            }

            var row = new Row(fields, header, fileName, line);
            var day = fileDay ?? row.Day(ColumnId.SnapshotVersion);
            if (!days.TryGetValue(day, out var dayRows))
            {
                days[day] = dayRows = new DayRows();
            }

            dayRows.Add(row, arena);
        }

        foreach (var (day, dayRows) in days)
        {
            var version = info.Version ?? (arena.Word == "text" ? Stamp(day) : $"{arena.Word}-{Stamp(day)}");
            yield return (new DatasetSnapshot(
                Dataset,
                version,
                day,
                info.Url ?? arena.Page,
                Publisher: "LMArena",
                Title: $"LMArena (lmarena.ai) {arena.Word} leaderboard",
                Licence: "LMArena's published leaderboard; no licence stated, cite \"LMArena (lmarena.ai)\"",
                dayRows.Records), arenaOrder);
        }
    }

    private static string Stamp(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The arena a file is of, by the word after <c>lmarena_</c>; the text arena where the name names none (the history, <c>lmsys.csv</c>).</summary>
    private static Arena ArenaOf(string fileName)
    {
        var match = ArenaInName().Match(Path.GetFileName(fileName));
        if (!match.Success)
        {
            return Arenas["text"];
        }

        var word = match.Groups["arena"].Value;
        return Arenas.TryGetValue(word, out var arena)
            ? arena
            : throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.In("file name"),
                $"names the arena '{word}'; expected one of {string.Join(", ", Arenas.Keys)}"));
    }

    private static DateOnly? DayFromFileName(string fileName)
    {
        var match = DayInName().Match(Path.GetFileName(fileName));
        if (!match.Success)
        {
            return null;
        }

        return DateOnly.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.In("file name"), $"expected a day YYYY-MM-DD, found '{match.Groups[1].Value}'"));
    }

    [GeneratedRegex(@"^lmarena_(?<arena>[a-z-]+?)_(?:\d{4}-\d{2}-\d{2}|leaderboard)", RegexOptions.IgnoreCase)]
    private static partial Regex ArenaInName();

    [GeneratedRegex(@"_(\d{4}-\d{2}-\d{2})(?!\d)")]
    private static partial Regex DayInName();

    [GeneratedRegex(@"^\+\d+(?:\.\d+)?/-\d+(?:\.\d+)?$")]
    private static partial Regex IntervalShape();

    /// <summary>The records of one day, one per model; a repeated model must repeat its figures.</summary>
    private sealed class DayRows
    {
        private readonly Dictionary<string, (int Line, string Figures)> _seen = new(StringComparer.Ordinal);

        public List<DatasetRecord> Records { get; } = [];

        public void Add(Row row, Arena arena)
        {
            var model = DatasetValues.CollapseWhitespace(row.Text(ColumnId.Model));
            if (model.Length == 0)
            {
                throw row.Error(ColumnId.Model, "expected a model name, found an empty cell");
            }

            var values = Values(row, arena, out var figures);
            if (_seen.TryGetValue(model, out var earlier))
            {
                if (earlier.Figures == figures)
                {
                    return;
                }

                throw row.Error(ColumnId.Model, $"model '{model}' is listed twice on this day with different figures (also on line {earlier.Line})");
            }

            _seen[model] = (row.Line, figures);
            var organization = DatasetValues.CollapseWhitespace(row.Text(ColumnId.Organization));
            Records.Add(new DatasetRecord(
                Key: model,
                ModelId: model,
                ModelName: model,
                Provider: null,
                Organization: organization.Length == 0 ? null : organization,
                Values: values,
                Location: $"line {row.Line}"));
        }

        private static List<RecordValue> Values(Row row, Arena arena, out string figures)
        {
            var board = Scope.Of([KeyValuePair.Create("benchmark", arena.Benchmark)]);
            var score = row.Number(ColumnId.Score) ?? throw row.Error(ColumnId.Score, "expected an Arena score, found an empty cell");
            var interval = row.Text(ColumnId.Interval).Trim();
            if (interval.Length > 0 && !IntervalShape().IsMatch(interval))
            {
                throw row.Error(ColumnId.Interval, $"expected a 95% interval like '+3/-4', found '{interval}'");
            }

            var values = new List<RecordValue>
            {
                new("arena-score", FactValue.Of(Quantity.Of(DatasetValues.Normalize(score), Unit.Score)), board,
                    Note: interval.Length > 0 ? $"95% CI {interval}" : null),
            };
            var votes = row.Number(ColumnId.Votes);
            if (votes is { } v)
            {
                values.Add(DatasetValues.Amount("arena-votes", v, Unit.Count, board));
            }

            if (row.Number(ColumnId.Rank) is { } rank)
            {
                values.Add(DatasetValues.Amount("arena-rank", rank, Unit.Count, board));
            }

            if (row.Number(ColumnId.RankStyleControl) is { } styleRank)
            {
                values.Add(DatasetValues.Amount("arena-rank", styleRank, Unit.Count,
                    Scope.Of([KeyValuePair.Create("benchmark", arena.Benchmark), KeyValuePair.Create("variant", "style-control")])));
            }

            figures = $"{score}|{interval}|{votes}";
            return values;
        }
    }

    private sealed record Arena(string Word, string Benchmark, Uri Page);

    private sealed record Column(ColumnId Id, bool Required, params string[] Names);

    /// <summary>Where each known column sits in one file's header.</summary>
    private sealed class Header
    {
        private readonly Dictionary<ColumnId, (int Index, string Name)> _positions = [];

        public static Header Read(string[] fields, string fileName)
        {
            var header = new Header();
            var names = fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
            foreach (var column in Columns)
            {
                var matches = names.Select((name, index) => (Name: name, Index: index))
                    .Where(n => column.Names.Contains(n.Name, StringComparer.OrdinalIgnoreCase))
                    .ToList();
                if (matches.Count > 1)
                {
                    throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.At(1, matches[1].Index + 1),
                        $"column '{column.Names[0]}' appears more than once (columns {string.Join(" and ", matches.Select(m => m.Index + 1))})"));
                }

                if (matches.Count == 1)
                {
                    header._positions[column.Id] = (matches[0].Index, matches[0].Name);
                }
                else if (column.Required)
                {
                    var also = column.Names.Length > 1 ? $" (or {string.Join(", ", column.Names.Skip(1).Select(n => $"'{n}'"))})" : string.Empty;
                    throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.At(1, 1),
                        $"missing required column '{column.Names[0]}'{also}; found: {string.Join(", ", names)}"));
                }
            }

            return header;
        }

        public bool Has(ColumnId id) => _positions.ContainsKey(id);

        public int IndexOf(ColumnId id) => _positions[id].Index;

        public string NameOf(ColumnId id) => _positions[id].Name;
    }

    /// <summary>One data row; errors name its line and the column's position and name.</summary>
    private readonly struct Row(string[] fields, Header header, string fileName, int line)
    {
        public int Line => line;

        public string Text(ColumnId column) => header.Has(column) ? fields[header.IndexOf(column)] : string.Empty;

        public DiagnosticException Error(ColumnId column, string message) =>
            new(Diagnostic.Invalid(fileName, DiagnosticLocation.At(line, header.IndexOf(column) + 1), $"'{header.NameOf(column)}': {message}"));

        /// <summary>A number not below zero; null for an empty cell or an absent column.</summary>
        public decimal? Number(ColumnId column)
        {
            var cell = Text(column).Trim();
            if (cell.Length == 0)
            {
                return null;
            }

            if (!decimal.TryParse(cell, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(column, $"expected a number not below zero, found '{cell}'");
            }

            return value;
        }

        public DateOnly Day(ColumnId column)
        {
            var cell = Text(column).Trim();
            return DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw Error(column, $"expected a day YYYY-MM-DD, found '{cell}'");
        }
    }
}
