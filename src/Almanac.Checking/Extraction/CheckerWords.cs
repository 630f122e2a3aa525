using Almanac.Knowledge;

namespace Almanac.Checking.Extraction;

/// <summary>
/// The checker's own vocabulary, read once from the embedded <c>lexicon.tsv</c>: words notes use around
/// figures that the entity and metric data do not hold (cues, table headers, publishers' report words).
/// </summary>
internal sealed class CheckerWords
{
    private const string ResourceName = "Almanac.Checking.Extraction.lexicon.tsv";

    private static readonly Lazy<CheckerWords> Loaded = new(() => Parse(WordTable.Embedded(ResourceName)));

    private CheckerWords()
    {
    }

    public static CheckerWords Shared => Loaded.Value;

    /// <summary>Names too generic to point at one entity, by <see cref="AliasKey"/>.</summary>
    public HashSet<string> GenericNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that name a measure in passing.</summary>
    public List<(string Word, string MetricId)> Cues { get; } = [];

    /// <summary>Whole headers that name a measure, by <see cref="AliasKey"/>.</summary>
    public List<(string Key, string Value)> Headers { get; } = [];

    public List<string> ReportWords { get; } = [];

    public List<string> SourceBefore { get; } = [];

    public List<string> Possessives { get; } = [];

    public List<string> PresentWords { get; } = [];

    public List<string> Joiners { get; } = [];

    /// <summary>Traditional Chinese characters to their Simplified forms.</summary>
    public Dictionary<char, char> Traditional { get; } = [];

    /// <summary>Words saying a table's or list's amounts are prices per million tokens.</summary>
    public List<string> PerMillion { get; } = [];

    /// <summary>Words saying prices are per thousand tokens (older pages): then a bare amount is not read per million.</summary>
    public List<string> PerThousand { get; } = [];

    /// <summary>Words naming the side of a token price (输入, output), by price metric id: read only where the per-million basis is stated.</summary>
    public List<(string Word, string MetricId)> PriceSides { get; } = [];

    /// <summary>Words after a parameter count that say whether it is the total or the active count.</summary>
    public List<(string Word, string MetricId)> ParameterRoles { get; } = [];

    /// <summary>Words saying what a share is measured on (使用量 → usage, by spend → spend), in the order written.</summary>
    public List<(string Word, string Basis)> BasisWords { get; } = [];

    /// <summary>Words before a period that make it the base of a comparison (较2024年的…, up from … in 2024): it is the base figure's alone.</summary>
    public List<string> BaseWords { get; } = [];

    /// <summary>Words naming the answer a share of survey respondents gave (更换了供应商 → switched-vendors), by answer id.</summary>
    public List<(string Word, string Answer)> Answers { get; } = [];

    /// <summary>Markets whose surveys measure a narrower market: a survey's share in the first is of the second (enterprise LLM use is measured on API calls).</summary>
    public Dictionary<string, string> MeasuredMarkets { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that date a figure relative to its sentence's period (一年前的48%, a year ago), with the shift in months.</summary>
    public List<(string Word, int Months)> AgoWords { get; } = [];

    internal static CheckerWords Parse(string text)
    {
        var words = new CheckerWords();
        foreach (var (line, kind, word, value) in WordTable.Entries(text, "lexicon.tsv"))
        {
            switch (kind)
            {
                case "generic":
                    words.GenericNames.Add(AliasKey.Of(word));
                    break;
                case "cue" when value.Length > 0:
                    words.Cues.Add((word, value));
                    break;
                case "header" when value.Length > 0:
                    words.Headers.Add((AliasKey.Of(word), value));
                    break;
                case "report":
                    words.ReportWords.Add(word);
                    break;
                case "source-before":
                    words.SourceBefore.Add(word);
                    break;
                case "possessive":
                    words.Possessives.Add(word);
                    break;
                case "present":
                    words.PresentWords.Add(word);
                    break;
                case "traditional" when word.Length == 1 && value.Length == 1:
                    words.Traditional[word[0]] = value[0];
                    break;
                case "per-thousand":
                    words.PerThousand.Add(word);
                    break;
                case "per-million":
                    words.PerMillion.Add(word);
                    break;
                case "price-side" when value.Length > 0:
                    words.PriceSides.Add((word, value));
                    break;
                case "joiner":
                    words.Joiners.Add(word);
                    break;
                case "basis" when value.Length > 0:
                    words.BasisWords.Add((word, value));
                    break;
                case "base":
                    words.BaseWords.Add(word);
                    break;
                case "ago" when int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var months):
                    words.AgoWords.Add((word, months));
                    break;
                case "answer" when value.Length > 0:
                    words.Answers.Add((word, value));
                    break;
                case "measured-market" when value.Length > 0:
                    words.MeasuredMarkets[word] = value;
                    break;
                case "parameter-role" when value.Length > 0:
                    words.ParameterRoles.Add((word, value));
                    break;
                default:
                    throw new InvalidDataException($"lexicon.tsv:{line}: unknown kind '{kind}' or missing value");
            }
        }

        return words;
    }
}
