namespace Almanac.Text;

/// <summary>
/// The codes an enum is written as in data files and JSON (<c>more-than</c>, <c>model-family</c>),
/// both ways, matched case-insensitively.
/// </summary>
public sealed class CodeTable<T>
    where T : struct, Enum
{
    private readonly (T Value, string Code)[] _codes;

    public CodeTable(params (T Value, string Code)[] codes) => _codes = codes;

    public IEnumerable<string> All => _codes.Select(c => c.Code);

    public string ToCode(T value)
    {
        foreach (var (v, code) in _codes)
        {
            if (EqualityComparer<T>.Default.Equals(v, value))
            {
                return code;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"no code for {typeof(T).Name}.{value}");
    }

    public bool TryParse(string code, out T value)
    {
        foreach (var (v, c) in _codes)
        {
            if (string.Equals(c, code.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }
}
