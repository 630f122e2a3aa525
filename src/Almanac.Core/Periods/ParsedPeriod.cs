using Almanac.Text;

namespace Almanac.Periods;

/// <summary>A period found in text, with the characters that state it (<c>截至2024年</c>, <c>H1 2025</c>).</summary>
public sealed record ParsedPeriod(Period Period, SourceSpan Span);
