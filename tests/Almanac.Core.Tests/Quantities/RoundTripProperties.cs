using Almanac.Quantities;
using Almanac.Text;

namespace Almanac.Tests.Quantities;

/// <summary>Parsing what the formatter wrote with exact digits gives back the same quantity.</summary>
public sealed class RoundTripProperties
{
    private const int Seed = 20250801;
    private const int Count = 2_500;

    private static readonly Unit[] Units =
    [
        Unit.Usd, Unit.Cny, Unit.Eur, Unit.Count, Unit.Tokens, Unit.Parameters, Unit.Percent, Unit.PercentagePoints,
        Unit.Multiple, Unit.TokensPerSecond, Unit.Seconds, Unit.UsdPerMillionTokens, Unit.CnyPerMillionTokens,
        Unit.EurPerMillionTokens, Unit.Bytes, Unit.Words, Unit.Flop, Unit.Score,
    ];

    private static readonly Qualifier[] Qualifiers = Enum.GetValues<Qualifier>();

    [Theory]
    [InlineData(Language.Zh)]
    [InlineData(Language.En)]
    public void Parse_of_exact_format_gives_the_quantity_back(Language language)
    {
        var random = new Random(Seed + (int)language);
        var failures = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var quantity = Generate(random);
            var text = QuantityFormatter.Format(quantity, language, exact: true);
            var parsed = QuantityParser.Parse(text);
            if (!parsed.IsSuccess)
            {
                failures.Add($"{quantity} -> '{text}': {parsed.Error.Message}");
            }
            else if (parsed.Value.Parts.Count != 1 || parsed.Value.Quantity != quantity)
            {
                failures.Add($"{quantity} -> '{text}' -> {string.Join(", ", parsed.Value.Parts.Select(p => p.Quantity))}");
            }
        }

        failures.Take(20).ShouldBeEmpty();
    }

    [Fact]
    public void Generator_covers_every_unit_magnitude_and_qualifier()
    {
        var random = new Random(Seed);
        var generated = Enumerable.Range(0, Count).Select(_ => Generate(random)).ToList();

        generated.Select(q => q.Unit).Distinct().Count().ShouldBe(Units.Length);
        generated.Select(q => q.Qualifier).Distinct().Count().ShouldBe(Qualifiers.Length);
        generated.Count(q => q.IsRange).ShouldBeGreaterThan(Count / 10);
        generated.Max(q => q.Value).ShouldBeGreaterThan(1e12m);
        generated.Min(q => q.Value).ShouldBeLessThan(1m);
    }

    private static Quantity Generate(Random random)
    {
        var unit = Units[random.Next(Units.Length)];
        var qualifier = Qualifiers[random.Next(Qualifiers.Length)];
        var low = Value(random, unit);
        if (random.Next(5) == 0)
        {
            var high = low + Value(random, unit);
            return Quantity.Range(low, high, unit, qualifier);
        }

        return Quantity.Of(low, unit, qualifier);
    }

    private static decimal Value(Random random, Unit unit)
    {
        // A mantissa of 1 to 5 digits with 0 to 3 decimals, scaled by a power of ten the unit plausibly takes.
        var mantissa = random.Next(1, 100_000) / (decimal)Math.Pow(10, random.Next(0, 4));
        var maxExponent = unit.Dimension switch
        {
            Dimension.Flop => 22,
            Dimension.Percent or Dimension.PercentagePoints or Dimension.Multiple or Dimension.Duration
                or Dimension.Score or Dimension.PricePerMillionTokens or Dimension.Throughput => 2,
            _ => 12,
        };
        var exponent = random.Next(-3, maxExponent + 1);
        var scaled = exponent >= 0 ? mantissa * Pow10(exponent) : mantissa / Pow10(-exponent);
        return scaled / 1.000000000000000000000000000000000m;
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
