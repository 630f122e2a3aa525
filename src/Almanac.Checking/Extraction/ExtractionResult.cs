namespace Almanac.Checking.Extraction;

/// <summary>The claims found in a document, and notes on what was skipped (<c>12:1: line skipped: 14,302 characters (the limit is 10,000)</c>).</summary>
public sealed record ExtractionResult(IReadOnlyList<Claim> Claims, IReadOnlyList<string> Notes);
