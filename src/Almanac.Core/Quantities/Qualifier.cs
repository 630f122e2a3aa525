using Almanac.Text;

namespace Almanac.Quantities;

/// <summary>How a figure was hedged where it was written: 约, 超过, 不足, 预计, 推测…</summary>
public enum Qualifier
{
    /// <summary>Stated as is.</summary>
    Exact,

    /// <summary>约, 大约, about, approximately, ~.</summary>
    About,

    /// <summary>超过, 超, 逾, more than, over, &gt;.</summary>
    MoreThan,

    /// <summary>至少, 不少于, at least, ≥.</summary>
    AtLeast,

    /// <summary>近, 接近, 将近, nearly, almost.</summary>
    Nearly,

    /// <summary>不足, 不到, 少于, less than, under, &lt;.</summary>
    LessThan,

    /// <summary>最高, 最多, 不超过, up to, at most, ≤.</summary>
    AtMost,

    /// <summary>估计, 约计, estimated, est.</summary>
    Estimated,

    /// <summary>预计, 预测, 有望, expected, projected, forecast.</summary>
    Forecast,

    /// <summary>推测, 传闻, 据传, rumoured, speculated.</summary>
    Speculative,
}

/// <summary>Canonical codes of <see cref="Qualifier"/> as written in data files and JSON.</summary>
public static class QualifierCodes
{
    private static readonly CodeTable<Qualifier> Codes = new(
        (Qualifier.Exact, "exact"),
        (Qualifier.About, "about"),
        (Qualifier.MoreThan, "more-than"),
        (Qualifier.AtLeast, "at-least"),
        (Qualifier.Nearly, "nearly"),
        (Qualifier.LessThan, "less-than"),
        (Qualifier.AtMost, "at-most"),
        (Qualifier.Estimated, "estimated"),
        (Qualifier.Forecast, "forecast"),
        (Qualifier.Speculative, "speculative"));

    public static string ToCode(this Qualifier qualifier) => Codes.ToCode(qualifier);

    public static bool TryParse(string code, out Qualifier qualifier) => Codes.TryParse(code, out qualifier);

    public static IEnumerable<string> All => Codes.All;
}
