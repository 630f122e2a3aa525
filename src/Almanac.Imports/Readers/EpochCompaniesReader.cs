using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Almanac.Catalogue;
using Almanac.Diagnostics;
using Almanac.Knowledge;
using Almanac.Periods;
using Almanac.Quantities;

namespace Almanac.Imports.Readers;

/// <summary>
/// Reads Epoch AI's "Data on AI Companies" (the CSV files of <c>ai_companies.zip</c>, in a folder or
/// the zip itself) into company facts: annualised revenue, funding rounds, active users and daily
/// tokens, staff and compute spend. Every fact cites the row's own source addresses (one fact per
/// address) with Epoch AI named as the compiler; a row citing none cites the snapshot.
/// </summary>
/// <remarks>
/// The snapshot is as of the latest report date in the files, unless the caller gives a date: the
/// export carries no date of its own, and the files' last-write dates say when they were copied.
/// </remarks>
public static class EpochCompaniesReader
{
    public const string Dataset = "epoch-companies";

    public static readonly Uri PublicUrl = new("https://epoch.ai/data/ai-companies");

    private const string Compiler = "via Epoch AI, 'Data on AI Companies'";

    private const string CompaniesFile = "ai_companies.csv";
    private const string RevenueFile = "ai_companies_revenue_reports.csv";
    private const string FundingFile = "ai_companies_funding_rounds.csv";
    private const string UsageFile = "ai_companies_usage_reports.csv";
    private const string StaffFile = "ai_companies_staff_reports.csv";
    private const string ComputeFile = "ai_companies_compute_spend.csv";

    private static readonly string[] SourceColumns = ["Source 1", "Source 2", "Source 3"];

    /// <summary>Revenue types that are a yearly rate of recent revenue; the others (yearly, quarterly, a product's) are not run-rates.</summary>
    private static readonly HashSet<string> RunRateTypes = new(StringComparer.OrdinalIgnoreCase) { "Annualized revenue", "Annual recurring revenue" };

    /// <summary>
    /// Funding round statuses: only a closed round raised money at a valuation; the others are talks
    /// and carry their status in the scope, so they are never read as a company's valuation.
    /// </summary>
    private static readonly Dictionary<string, string?> RoundStatuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Closed"] = null,
        ["Late discussions"] = "late-discussions",
        ["Early discussions"] = "early-discussions",
        ["In talks"] = "in-talks",
    };

    /// <summary>Epoch's product names that are a curated product; other products' figures stay on the company, the product named in the note.</summary>
    private static readonly Dictionary<string, string> Products = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ChatGPT"] = "chatgpt",
        ["Gemini"] = "gemini-app",
    };

    /// <summary>Epoch's product values that mean the whole company.</summary>
    private static readonly HashSet<string> WholeCompany = new(StringComparer.OrdinalIgnoreCase) { "Full company", "All products", "Google (all AI products)", string.Empty };

    private static readonly Dictionary<string, string> ActiveUserMetrics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Weekly"] = "weekly-active-users",
        ["Monthly"] = "monthly-active-users",
        ["Daily"] = "daily-active-users",
    };

    /// <summary>
    /// Staff row types: the company's headcount, or a division's. A division lands on its own curated
    /// organisation where there is one (DeepMind is <c>google-deepmind</c>, apart from Google's headcount);
    /// other divisions and contractors are not the company's employees and are skipped.
    /// </summary>
    private static readonly HashSet<string> CompanyStaffTypes = new(StringComparer.OrdinalIgnoreCase) { "Full company" };

    private static readonly HashSet<string> DivisionStaffTypes = new(StringComparer.OrdinalIgnoreCase) { "Division/role", "Full AI division" };

    /// <summary>Compute-spend columns: the total, and the parts Epoch splits out, as the scope's use case.</summary>
    private static readonly (string Column, string? UseCase)[] ComputeColumns =
    [
        ("Total compute spend", null),
        ("Inference compute spend", "inference"),
        ("R&D compute spend", "research-and-development"),
    ];

    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>Reads the files of one export; files of other names in the input are ignored.</summary>
    public static IReadOnlyList<DatasetSnapshot> Read(DatasetInput input, SnapshotInfo? info)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reader = new Reading();
        var companies = Table(input, CompaniesFile, "Name");
        var revenue = Table(input, RevenueFile, "Id", "Company", "Date", "Annualized revenue (USD)", "Type", "Report date");
        var funding = Table(input, FundingFile, "Id", "Company", "Close date", "Status", "Funding (equity)", "Funding (debt)", "Valuation (post-money)", "Report date");
        var usage = Table(input, UsageFile, "Id", "Company", "Active users", "Active users time period", "Daily tokens", "Date", "Report date", "Product");
        var staff = Table(input, StaffFile, "Id", "Company", "Staff count", "Date", "Report date", "Type", "Division name");
        var compute = Table(input, ComputeFile, "Id", "Company", "Period type", "Date", "Report date");

        // The company list holds no figure; it is read so that a broken or missing file is reported.
        _ = companies.Rows.Count;

        foreach (var row in revenue.Rows.Where(reader.Keep))
        {
            ReadRevenue(reader, row);
        }

        foreach (var row in funding.Rows.Where(reader.Keep))
        {
            ReadRound(reader, row);
        }

        foreach (var row in usage.Rows.Where(reader.Keep))
        {
            ReadUsage(reader, row);
        }

        foreach (var row in staff.Rows.Where(reader.Keep))
        {
            ReadStaff(reader, row);
        }

        foreach (var row in compute.Rows.Where(reader.Keep))
        {
            ReadCompute(reader, row);
        }

        var date = info?.Date ?? reader.LatestReport ?? info?.LastWritten
            ?? throw new DiagnosticException(Diagnostic.Invalid(input.Description, DiagnosticLocation.In("snapshot date"), "no row has a report date; give the snapshot's date"));
        var version = info?.Version ?? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return
        [
            new DatasetSnapshot(Dataset, version, date, info?.Url ?? PublicUrl, "Epoch AI", "Data on AI Companies", "CC BY 4.0", reader.Records)
            {
                Skipped = [.. reader.Skipped.Select(s => new SkippedRows(s.Key, s.Value))],
                Dropped = [.. new[] { revenue, funding, usage, staff, compute }.SelectMany(t => t.Dropped)],
            },
        ];
    }

    /// <summary>The company names of <c>ai_companies.csv</c> in an input, for checking where they land.</summary>
    public static IReadOnlyList<string> CompanyNames(DatasetInput input) =>
        [.. Table(input, CompaniesFile, "Name").Rows.Select(r => r.Text("Name")).Where(n => n.Length > 0)];

    private static CsvTable Table(DatasetInput input, string name, params string[] columns)
    {
        var file = input.Files.FirstOrDefault(f => string.Equals(Path.GetFileName(f.Name), name, StringComparison.OrdinalIgnoreCase))
            ?? throw new DiagnosticException(Diagnostic.Invalid(input.Description, DiagnosticLocation.In("input"),
                $"holds no {name}; expected the files of Epoch AI's ai_companies.zip ({string.Join(", ", new[] { CompaniesFile, RevenueFile, FundingFile, UsageFile, StaffFile, ComputeFile })})"));
        return CsvTable.Read(file, columns);
    }

    private static void ReadRevenue(Reading reader, CsvRow row)
    {
        var type = row.Text("Type");
        if (!RunRateTypes.Contains(type))
        {
            reader.Skip(type.Length == 0 ? "revenue row with no type" : $"revenue of type '{type}' (not an annualised run-rate)");
            return;
        }

        var amount = row.Number("Annualized revenue (USD)");
        var day = row.Date("Date");
        if (amount is null || day is null)
        {
            reader.Skip("revenue row without an amount or a date");
            return;
        }

        var value = FactValue.Of(Quantity.Of(amount.Value, Unit.Usd));
        reader.Add(row, row.Text("Company"), EntityKind.Organisation, "revenue-run-rate", value, Scope.Empty, Period.Instant(day.Value),
            $"{type}; confidence: {Confidence(row)}");
    }

    private static void ReadRound(Reading reader, CsvRow row)
    {
        var statusText = row.Text("Status");
        if (!RoundStatuses.TryGetValue(statusText, out var status))
        {
            throw row.Error("Status", $"expected one of {string.Join(", ", RoundStatuses.Keys.Select(k => $"'{k}'"))}, found '{statusText}'");
        }

        var closed = row.Date("Close date");
        var reported = row.Date("Report date");
        var day = status is null ? closed : reported ?? closed;
        if (day is null)
        {
            reader.Skip("funding round without a close or report date");
            return;
        }

        var scope = new List<KeyValuePair<string, string>> { new("round", RoundSlug(row, day.Value)) };
        if (status is not null)
        {
            scope.Add(new("status", status));
        }

        var note = $"{(status is null ? "closed" : statusText.ToLowerInvariant())} round '{row.Text("Id")}'"
            + (row.Text("Type") is { Length: > 0 } kind ? $"; type: {kind}" : string.Empty) + $"; confidence: {Confidence(row)}";
        var period = Period.Instant(day.Value);
        var company = row.Text("Company");
        var read = 0;

        // A secondary sale or a merger raises nothing for the company: a zero is not a funding figure.
        if (row.Number("Funding (equity)") is { } equity && equity > 0)
        {
            reader.Add(row, company, EntityKind.Organisation, "funding-raised", Usd(equity), Scope.Of(scope), period, note);
            read++;
        }

        if (row.Number("Funding (debt)") is { } debt && debt > 0)
        {
            reader.Add(row, company, EntityKind.Organisation, "funding-raised", Usd(debt), Scope.Of([.. scope, new("variant", "debt")]), period, note + "; debt financing");
            read++;
        }

        if (row.Number("Valuation (post-money)") is { } valuation && valuation > 0)
        {
            reader.Add(row, company, EntityKind.Organisation, "valuation", Usd(valuation), Scope.Of(scope), period, note + "; post-money");
            read++;
        }

        if (read == 0)
        {
            reader.Skip("funding round with no amount and no valuation");
        }
    }

    private static void ReadUsage(Reading reader, CsvRow row)
    {
        var company = row.Text("Company");
        var product = row.Text("Product");
        var (subject, kind) = Products.TryGetValue(product, out var productId) ? (productId, EntityKind.Product) : (company, EntityKind.Organisation);
        var day = row.Date("Date");
        if (day is null)
        {
            reader.Skip("usage row without a date");
            return;
        }

        var about = WholeCompany.Contains(product) || kind == EntityKind.Product ? string.Empty : $"product: {product}; ";
        var note = $"{about}row '{row.Text("Id")}'; confidence: {Confidence(row)}";
        var read = 0;
        if (row.Number("Active users") is { } users)
        {
            var periodText = row.Text("Active users time period");
            if (!ActiveUserMetrics.TryGetValue(periodText, out var metric))
            {
                throw row.Error("Active users time period", $"expected one of {string.Join(", ", ActiveUserMetrics.Keys)} for the active users, found '{periodText}'");
            }

            reader.Add(row, subject, kind, metric, FactValue.Of(Quantity.Of(users, Unit.Count)), Scope.Empty, Period.Instant(day.Value), note, company);
            read++;
        }

        if (row.Number("Daily tokens") is { } tokens)
        {
            reader.Add(row, subject, kind, "tokens-processed", FactValue.Of(Quantity.Of(tokens, Unit.Tokens)), Scope.Empty, Period.Day(day.Value),
                note + "; tokens per day as Epoch AI gives them (a daily average or rate; see the source)", company);
            read++;
        }

        if (read == 0)
        {
            reader.Skip("usage row with neither active users nor daily tokens (daily messages and shares are not read)");
        }
    }

    private static void ReadStaff(Reading reader, CsvRow row)
    {
        var type = row.Text("Type");
        var count = row.Number("Staff count");
        var day = row.Date("Date");
        if (count is null || day is null)
        {
            reader.Skip("staff row without a count or a date");
            return;
        }

        string subject;
        if (CompanyStaffTypes.Contains(type))
        {
            subject = row.Text("Company");
        }
        else if (DivisionStaffTypes.Contains(type) && reader.Divisions.Contains(row.Text("Division name")))
        {
            subject = row.Text("Division name");
        }
        else
        {
            reader.Skip(type.Length == 0 ? "staff row with no type" : $"staff of type '{type}' that is not a whole company or a division with an organisation of its own");
            return;
        }

        reader.Add(row, subject, EntityKind.Organisation, "employees", FactValue.Of(Quantity.Of(count.Value, Unit.Count)), Scope.Empty, Period.Instant(day.Value),
            $"{(subject == row.Text("Company") ? string.Empty : $"{type} {subject} of {row.Text("Company")}; ")}confidence: {Confidence(row)}");
    }

    private static void ReadCompute(Reading reader, CsvRow row)
    {
        var day = row.Date("Date");
        if (day is null)
        {
            reader.Skip("compute-spend row without a date");
            return;
        }

        var periodType = row.Text("Period type");
        Period period;
        string rate;
        if (string.Equals(periodType, "Year", StringComparison.OrdinalIgnoreCase))
        {
            period = Period.Year(day.Value.Year);
            rate = "spend over the year";
        }
        else if (string.Equals(periodType, "Annualized", StringComparison.OrdinalIgnoreCase))
        {
            period = Period.Instant(day.Value);
            rate = "annualised rate";
        }
        else
        {
            throw row.Error("Period type", $"expected 'Year' or 'Annualized', found '{periodType}'");
        }

        var read = 0;
        foreach (var (column, useCase) in ComputeColumns)
        {
            if (row.Number(column) is { } amount)
            {
                var scope = useCase is null ? Scope.Empty : Scope.Of([new("use-case", useCase)]);
                reader.Add(row, row.Text("Company"), EntityKind.Organisation, "compute-spend", Usd(amount), scope, period,
                    $"{column.ToLowerInvariant()}, {rate}; categories: {row.Text("Category")}; confidence: {Confidence(row)}");
                read++;
            }
        }

        if (read == 0)
        {
            reader.Skip("compute-spend row with no amount in the total, inference or R&D columns");
        }
    }

    /// <summary>
    /// The round's slug as the curated facts write it: <c>series-f</c> for a lettered series,
    /// <c>secondary-sale</c> for a tender, <c>ipo</c>, else the month it closed (<c>october-2024</c>).
    /// </summary>
    internal static string RoundSlug(CsvRow row, DateOnly day)
    {
        var id = row.Text("Id");
        var words = id.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var series = Array.FindIndex(words, w => string.Equals(w, "Series", StringComparison.OrdinalIgnoreCase));
        if (series >= 0 && series + 1 < words.Length)
        {
            var letter = words[series + 1];
            return "series-" + DatasetValues.Slug(letter.Replace("+", " plus", StringComparison.Ordinal));
        }

        if (row.Text("Type").Contains("Secondary", StringComparison.OrdinalIgnoreCase))
        {
            return "secondary-sale";
        }

        return words.Any(w => string.Equals(w, "IPO", StringComparison.Ordinal))
            ? "ipo"
            : $"{Months[day.Month - 1]}-{day.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    private static string Confidence(CsvRow row) => row.Text("Confidence") is { Length: > 0 } c ? c.ToLowerInvariant() : "not stated";

    private static FactValue Usd(decimal amount) => FactValue.Of(Quantity.Of(amount, Unit.Usd));

    /// <summary>What one read gathers: the records, what was skipped, and the latest report date.</summary>
    private sealed class Reading
    {
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);

        public List<DatasetRecord> Records { get; } = [];

        public Dictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

        /// <summary>Divisions with an organisation of their own in the curated data, as Epoch names them.</summary>
        public HashSet<string> Divisions { get; } = new(StringComparer.OrdinalIgnoreCase) { "DeepMind", "Google DeepMind" };

        public DateOnly? LatestReport { get; private set; }

        /// <summary>False for Epoch's placeholder rows, which name a company and nothing else (<c>,xAI,,,,</c>); they are counted.</summary>
        public bool Keep(CsvRow row)
        {
            if (row.IsBlankBut("Company"))
            {
                Skip("empty placeholder row");
                return false;
            }

            if (row.Date("Report date") is { } reported && (LatestReport is null || reported > LatestReport))
            {
                LatestReport = reported;
            }

            return true;
        }

        public void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;

        /// <summary>One record per cited address of the row (or one citing the snapshot when it cites none).</summary>
        public void Add(CsvRow row, string subject, EntityKind kind, string metric, FactValue value, Scope scope, Period period, string note, string? company = null)
        {
            var rowKey = $"{Path.GetFileNameWithoutExtension(row.FileName)}/{row.Text("Company")}/{row.Text("Id")}";
            var n = _keys.GetValueOrDefault(rowKey + "|" + metric + "|" + scope.Canonical);
            _keys[rowKey + "|" + metric + "|" + scope.Canonical] = n + 1;

            // Epoch repeats a row id now and then ('ChatGPT 700M WAU' twice); the second is told apart by its date.
            var key = n == 0 ? $"{rowKey}/{metric}{Suffix(scope)}" : $"{rowKey}/{metric}{Suffix(scope)}@{period}";
            var reported = row.Date("Report date") ?? row.Date("Close date") ?? row.Date("Date");
            var addresses = SourceColumns.Select(c => SourcePublishers.Address(row.Text(c))).OfType<Uri>().Distinct().ToList();
            var sources = addresses.Count == 0
                ? [null]
                : addresses.Select(url => (Source?)SourceFor(row, url, reported ?? period.Start)).ToList();
            var values = sources
                .Select(source => new RecordValue(metric, value, scope, period, source, ObtainedOf(row), Note: note))
                .ToList();
            Records.Add(new DatasetRecord(key, subject, subject, null, company, values, $"line {row.Line}", kind));
        }

        private static string Suffix(Scope scope) => scope.Values.Count == 0 ? string.Empty : "/" + string.Join(",", scope.Values.Select(v => v.Value));

        private static Source SourceFor(CsvRow row, Uri url, DateOnly published)
        {
            var what = $"{row.Text("Company")}: {row.Text("Id")}";
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{row.FileName}\u001f{what}\u001f{url}")))[..12];
            return new Source($"epoch-companies-{hash}", SourcePublishers.Of(url), $"{what} ({Path.GetFileNameWithoutExtension(row.FileName)}), {Compiler}", url, published, SourceKind.Secondary);
        }

        private static Obtained ObtainedOf(CsvRow row)
        {
            var type = row.Text("Source type") is { Length: > 0 } t ? t : row.Text("Source Type");
            return type.Contains("Company disclosure", StringComparison.OrdinalIgnoreCase) ? Obtained.Announced : Obtained.Reported;
        }
    }
}
