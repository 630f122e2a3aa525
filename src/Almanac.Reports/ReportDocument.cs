using Almanac.Charts;
using Almanac.Knowledge;
using Almanac.Text;

namespace Almanac.Reports;

/// <summary>What one term of a section means and who defines it that way.</summary>
public sealed record ReportDefinition(string Term, string Meaning);

/// <summary>A small table of derived figures (growth, ranks), with the line naming its sources.</summary>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, string SourceLine);

/// <summary>One section of a report: charts and tables from sourced facts, and what it could not show.</summary>
public sealed record ReportSection(
    string Id,
    string Title,
    string Lead,
    IReadOnlyList<ReportDefinition> Definitions,
    IReadOnlyList<Chart> Charts,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<string> Notes);

/// <summary>A whole report, ready to render.</summary>
public sealed record ReportDocument(
    string Title,
    string Subtitle,
    Language Language,
    DateOnly? AsOf,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<Source> Sources)
{
    public IEnumerable<Chart> Charts => Sections.SelectMany(s => s.Charts);
}
