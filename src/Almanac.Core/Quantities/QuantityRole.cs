namespace Almanac.Quantities;

/// <summary>What part a quantity plays in a compound figure such as <c>109B总/17B激活</c> or <c>从50%跌至25%</c>.</summary>
public enum QuantityRole
{
    /// <summary>A figure on its own.</summary>
    Standalone,

    /// <summary>The total of a total/active pair (<c>109B总</c>): all parameters of a mixture-of-experts model.</summary>
    Total,

    /// <summary>The active part of a total/active pair (<c>17B激活</c>): parameters used per token.</summary>
    Active,

    /// <summary>The starting value of a change (<c>从50%</c>, <c>from 50%</c>).</summary>
    From,

    /// <summary>The value a change ends at (<c>跌至25%</c>, <c>to 25%</c>).</summary>
    To,

    /// <summary>The same figure restated, usually in another unit (<c>11亿欧元（约11.9亿美元）</c>).</summary>
    Equivalent,
}
