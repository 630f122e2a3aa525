using Almanac.Catalogue;
using Almanac.Periods;

namespace Almanac.Analytics;

/// <summary>How many models were released in a quarter, and how many of them with open weights.</summary>
/// <param name="Released">Models released in the quarter.</param>
/// <param name="Open">Of those, models with open weights.</param>
/// <param name="Unknown">Of those, models whose openness the catalogue does not know.</param>
/// <param name="OpenPercent">Open models over models whose openness is known, in percent; null when none is known.</param>
public sealed record QuarterShare(Period Quarter, int Released, int Open, int Unknown, decimal? OpenPercent)
{
    /// <summary>Models released in the quarter whose openness is known.</summary>
    public int Known => Released - Unknown;
}

/// <summary>The open-weights share of models released per quarter, from the model catalogue.</summary>
public static class OpenWeightsShare
{
    /// <summary>
    /// Groups the models with a release date by calendar quarter, oldest first. Models of unknown
    /// openness are counted but left out of the percentage. Quarters without a release are absent.
    /// </summary>
    public static IReadOnlyList<QuarterShare> ByQuarter(IEnumerable<CatalogueRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows
            .Where(r => r.Released is not null)
            .GroupBy(r => QuarterOf(r.Released!.Value))
            .OrderBy(g => g.Key.Start)
            .Select(g =>
            {
                var released = g.Count();
                var open = g.Count(r => r.IsOpenWeights == true);
                var unknown = g.Count(r => r.IsOpenWeights is null);
                var known = released - unknown;
                return new QuarterShare(g.Key, released, open, unknown, known == 0 ? null : open * 100m / known);
            })
            .ToList();
    }

    internal static Period QuarterOf(DateOnly day) => Period.Quarter(day.Year, ((day.Month - 1) / 3) + 1);
}
