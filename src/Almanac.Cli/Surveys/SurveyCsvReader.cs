using System.Globalization;
using Almanac.Analytics.Surveys;

namespace Almanac.Cli.Surveys;

/// <summary>Where a survey file is wrong and what was expected there; line and column (the field's number) are 1-based.</summary>
internal sealed record SurveyCsvError(int Line, int Column, string Message)
{
    public string ToString(string file) => $"{file}:{Line}:{Column}: {Message}";
}

/// <summary>A panel read from a survey file, or the first problem found in it.</summary>
internal sealed record SurveyCsvResult(SurveyPanel? Panel, SurveyCsvError? Error);

/// <summary>
/// Reads a panel of responses from CSV (the format is described in docs/surveys.md): a header row, then
/// <c>respondent,segment[,weight],choice</c> with one row per respondent, or
/// <c>respondent,segment[,weight],provider,share</c> with one row per respondent and provider, shares in
/// percent summing to 100 (±1) for each respondent.
/// </summary>
internal static class SurveyCsvReader
{
    private const string Respondent = "respondent";
    private const string Segment = "segment";
    private const string Weight = "weight";
    private const string Choice = "choice";
    private const string Provider = "provider";
    private const string Share = "share";
    private static readonly string[] Known = [Respondent, Segment, Weight, Choice, Provider, Share];

    public static SurveyCsvResult Read(string text)
    {
        var (records, unclosed) = CsvRecords.Split(text);
        if (unclosed is { } quoteLine)
        {
            return Fail(quoteLine, 1, "a quoted field is never closed");
        }

        if (records.Count == 0)
        {
            return Fail(1, 1, "expected a header row: respondent, segment, an optional weight, and either choice or provider and share");
        }

        var header = records[0];
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Fields.Count; c++)
        {
            var name = header.Fields[c].ToLowerInvariant();
            if (!Known.Contains(name, StringComparer.Ordinal))
            {
                return Fail(header.Line, c + 1, $"unknown column '{header.Fields[c]}'; expected {string.Join(", ", Known)}");
            }

            if (!columns.TryAdd(name, c))
            {
                return Fail(header.Line, c + 1, $"column '{name}' appears twice");
            }
        }

        foreach (var required in new[] { Respondent, Segment })
        {
            if (!columns.ContainsKey(required))
            {
                return Fail(header.Line, 1, $"missing column '{required}'");
            }
        }

        var isChoice = columns.ContainsKey(Choice);
        if (isChoice && (columns.ContainsKey(Provider) || columns.ContainsKey(Share)))
        {
            return Fail(header.Line, columns[Choice] + 1, "a file has either a 'choice' column or 'provider' and 'share' columns, not both");
        }

        if (!isChoice && !(columns.ContainsKey(Provider) && columns.ContainsKey(Share)))
        {
            return Fail(header.Line, 1, $"missing column '{(columns.ContainsKey(Provider) ? Share : columns.ContainsKey(Share) ? Provider : "choice' or columns 'provider' and 'share")}'");
        }

        if (records.Count == 1)
        {
            return Fail(header.Line + 1, 1, "no responses after the header");
        }

        var respondents = new Dictionary<string, Pending>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count != header.Fields.Count)
            {
                return Fail(record.Line, Math.Min(record.Fields.Count, header.Fields.Count) + 1,
                    $"expected {header.Fields.Count} fields as in the header, got {record.Fields.Count}");
            }

            var error = Row(record, columns, isChoice, respondents);
            if (error is not null)
            {
                return new SurveyCsvResult(null, error);
            }
        }

        var responses = new List<SurveyResponse>(respondents.Count);
        foreach (var (id, pending) in respondents)
        {
            if (isChoice)
            {
                responses.Add(SurveyResponse.OfChoice(id, pending.Segment, pending.Shares.Keys.Single(), pending.Weight));
                continue;
            }

            var sum = pending.Shares.Values.Sum();
            if (Math.Abs(sum - 100) > SurveyResponse.SumTolerancePercent)
            {
                return Fail(pending.LastLine, columns[Share] + 1,
                    $"the shares of respondent '{id}' sum to {sum.ToString("0.##", CultureInfo.InvariantCulture)}; expected 100 (±1)");
            }

            responses.Add(SurveyResponse.OfWorkloads(id, pending.Segment, pending.Shares, pending.Weight));
        }

        return new SurveyCsvResult(SurveyPanel.Of(responses), null);
    }

    private static SurveyCsvError? Row(CsvRecord record, Dictionary<string, int> columns, bool isChoice, Dictionary<string, Pending> respondents)
    {
        string Field(string column) => record.Fields[columns[column]];
        SurveyCsvError Error(string column, string message) => new(record.Line, columns[column] + 1, message);

        var id = Field(Respondent);
        if (string.IsNullOrWhiteSpace(id))
        {
            return Error(Respondent, "expected a respondent id, got an empty field");
        }

        var segment = Field(Segment);
        if (string.IsNullOrWhiteSpace(segment))
        {
            return Error(Segment, "expected a segment, got an empty field");
        }

        if (string.Equals(segment, SurveyEstimate.Overall, StringComparison.OrdinalIgnoreCase))
        {
            return Error(Segment, $"'{segment}' names the whole panel and cannot be a segment");
        }

        var weight = 1.0;
        if (columns.ContainsKey(Weight) && !(TryNumber(Field(Weight), out weight) && weight > 0))
        {
            return Error(Weight, $"expected a weight above 0, got '{Field(Weight)}'");
        }

        var column = isChoice ? Choice : Provider;
        var provider = Field(column);
        if (string.IsNullOrWhiteSpace(provider))
        {
            return Error(column, "expected a provider, got an empty field");
        }

        var share = 100.0;
        if (!isChoice && !(TryNumber(Field(Share).TrimEnd('%'), out share) && share is >= 0 and <= 100))
        {
            return Error(Share, $"expected a share between 0 and 100, got '{Field(Share)}'");
        }

        if (!respondents.TryGetValue(id, out var pending))
        {
            respondents[id] = pending = new Pending(segment, weight, record.Line);
        }
        else if (isChoice)
        {
            return Error(Respondent, $"respondent '{id}' already answered on line {pending.FirstLine}; a choice file has one row per respondent");
        }
        else if (pending.Segment != segment)
        {
            return Error(Segment, $"respondent '{id}' is in segment '{pending.Segment}' on line {pending.FirstLine}, not '{segment}'");
        }
        else if (pending.Weight != weight)
        {
            return Error(Weight, $"respondent '{id}' has weight {pending.Weight.ToString(CultureInfo.InvariantCulture)} on line {pending.FirstLine}, not {weight.ToString(CultureInfo.InvariantCulture)}");
        }

        if (!pending.Shares.TryAdd(provider, share))
        {
            return Error(Provider, $"respondent '{id}' already gave a share for '{provider}'");
        }

        pending.LastLine = record.Line;
        return null;
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static SurveyCsvResult Fail(int line, int column, string message) => new(null, new SurveyCsvError(line, column, message));

    /// <summary>A respondent's rows so far.</summary>
    private sealed class Pending(string segment, double weight, int firstLine)
    {
        public string Segment { get; } = segment;

        public double Weight { get; } = weight;

        public int FirstLine { get; } = firstLine;

        public int LastLine { get; set; } = firstLine;

        public Dictionary<string, double> Shares { get; } = new(StringComparer.Ordinal);
    }
}
