using System.Globalization;
using Almanac.Text;

namespace Almanac.Quantities;

public static partial class QuantityParser
{
    /// <summary>One quantity as read, before it becomes a <see cref="ParsedQuantity"/>.</summary>
    private sealed class Reading
    {
        public int Start { get; set; }
        public int End { get; set; }
        public decimal Value { get; set; }
        public decimal? High { get; set; }
        public Unit Unit { get; set; } = Unit.Count;
        public Qualifier Qualifier { get; set; } = Qualifier.Exact;
        public decimal Precision { get; set; }
        public bool UnitStated { get; set; }
        public bool HasMagnitude { get; set; }
        public bool HasCurrency { get; set; }
        public bool Grouped { get; set; }
        public bool IsDate { get; set; }
        public string? Label { get; set; }

        /// <summary>Where the digits end: an unknown unit is reported from here.</summary>
        public int NumberEnd { get; set; }

        /// <summary>Whether a unit word was matched after the number.</summary>
        public bool UnitMatched { get; set; }

        /// <summary>Whether this is worth reporting from running text (not a bare <c>3</c> or a year).</summary>
        public bool Substantive => !IsDate && (UnitStated || HasMagnitude || HasCurrency || Grouped || Qualifier != Qualifier.Exact);

        public ParsedQuantity ToParsed(QuantityRole role) => new()
        {
            Quantity = High is { } high ? Quantity.Range(Value, high, Unit, Qualifier) : Quantity.Of(Value, Unit, Qualifier),
            Span = new SourceSpan(Start, End - Start),
            Precision = Precision,
            Role = role,
            UnitStated = UnitStated,
            Label = Label,
        };
    }

    /// <summary>Why a reading failed: the characters at fault and the message (without position).</summary>
    private readonly record struct Failure(int Offset, int Length, string Message);

    private readonly record struct Number(decimal Value, decimal Step, bool Grouped, int End);

    /// <summary>Reads figures from one text; positions are offsets into it.</summary>
    private sealed class Reader(string text)
    {
        private readonly string _text = text;

        public string Text => _text;

        /// <summary>Reads one quantity at <paramref name="start"/>: hedges, currency, number, magnitude, range, unit.</summary>
        public Reading? ReadSingle(int start, bool allowRange, out Failure failure)
        {
            failure = default;
            var p = start;
            var reading = new Reading { Start = start };

            if (StartsWithWord(p, "CAGR"))
            {
                reading.Label = "CAGR";
                p += 4;
                p = SkipSpaces(p);
                if (p < _text.Length && _text[p] is ':' or '：')
                {
                    p = SkipSpaces(p + 1);
                }
            }

            var prefixQualified = false;
            while (TryMatch(p, PrefixQualifiers, out var len, out var q))
            {
                reading.Qualifier = q;
                prefixQualified = prefixQualified || q != Qualifier.Exact;
                p = IsAsciiLetter(_text[p]) || _text[p] is '~' or '>' or '<' or '≈' or '≤' or '≥' ? SkipSpaces(p + len) : p + len;
            }

            string? currency = null;
            if (TryMatch(p, PrefixCurrencies, out var curLen, out var iso))
            {
                currency = iso;
                reading.HasCurrency = true;
                p = SkipSpaces(p + curLen);
            }

            var bareMagnitude = false;
            if (!TryReadNumber(p, out var number, out var chinese, out failure))
            {
                if (failure.Message is not null)
                {
                    return null;
                }

                // A magnitude alone: 超千亿, 千亿参数级, 超百家.
                if (!TryMatchMagnitude(p, out var bare) || bare.SpaceBefore || IsAsciiLetter(bare.Text[0]))
                {
                    var at = p < _text.Length && !char.IsWhiteSpace(_text[p]) ? p : start;
                    failure = new Failure(at, TokenLength(at), ParseMessages.ExpectedNumber(Token(at)));
                    return null;
                }

                number = new Number(1m, 1m, false, p);
                bareMagnitude = true;
            }

            var numberEnd = number.End;
            reading.NumberEnd = numberEnd;
            reading.Grouped = number.Grouped;
            p = numberEnd;
            var afterNumber = p;
            p = ReadSuffixQualifier(p, reading, onlyMoreThan: true);
            var suffixHedged = p > afterNumber;

            var magnitude = ReadMagnitude(ref p);
            var lowStep = number.Step;
            if (magnitude is not null)
            {
                reading.HasMagnitude = true;
                var afterMagnitude = p;
                p = ReadSuffixQualifier(p, reading, onlyMoreThan: true);
                suffixHedged |= p > afterMagnitude;
            }

            // A range: 30-65T, 3.01%-3.06%, 21-33%, $3-$15.
            Number? high = null;
            Magnitude? highMagnitude = null;
            var lowPercent = false;
            if (allowRange)
            {
                var q = p;
                if (q < _text.Length && _text[q] is '%' or '％')
                {
                    q++;
                    lowPercent = true;
                }

                if (TryMatch(q, RangeSeparators, out var sepLen))
                {
                    var h = q + sepLen;
                    if (currency is not null && TryMatch(h, PrefixCurrencies, out var c2, out var iso2) && iso2 == currency)
                    {
                        h += c2;
                    }

                    if (h < _text.Length && char.IsAsciiDigit(_text[h]) && TryReadNumber(h, out var hn, out var hc, out _) && !hc)
                    {
                        high = hn;
                        reading.Grouped |= hn.Grouped;
                        p = hn.End;
                        highMagnitude = ReadMagnitude(ref p);
                        reading.HasMagnitude |= highMagnitude is not null;
                    }
                    else
                    {
                        lowPercent = false;
                    }
                }
                else
                {
                    lowPercent = false;
                }
            }

            p = ReadSuffixQualifier(p, reading, onlyMoreThan: false);

            // The unit.
            var unitStart = p;
            var factor = 1m;
            Unit? unit = null;
            if (TryMatchUnit(p, out var word, out var unitEnd))
            {
                if (word.Kind == UnitWordKind.Date)
                {
                    reading.IsDate = true;
                    reading.End = unitEnd;
                    return reading;
                }

                reading.UnitMatched = true;
                reading.UnitStated = true;
                p = unitEnd;
                factor = word.Factor;
                if (word.Kind == UnitWordKind.Currency)
                {
                    var suffixIso = word.Unit.Currency!;
                    if (currency is not null && currency != suffixIso)
                    {
                        failure = new Failure(unitStart, unitEnd - unitStart, ParseMessages.ConflictingCurrencies(currency, suffixIso));
                        return null;
                    }

                    currency = suffixIso;
                    reading.HasCurrency = true;
                    unit = word.Unit;
                }
                else
                {
                    if (currency is not null && word.Unit.Currency != currency)
                    {
                        failure = new Failure(unitStart, unitEnd - unitStart, ParseMessages.Unexpected(_text[unitStart..unitEnd]));
                        return null;
                    }

                    unit = word.Unit;
                }
            }

            if (currency is not null && unit is null or { Dimension: Dimension.Currency })
            {
                unit = Unit.ForCurrency(currency);
                reading.UnitStated = true;
                if (TryReadPriceSuffix(p, out var perTokens, out var direction, out var priceEnd))
                {
                    unit = Unit.PricePerMillionTokensIn(currency);
                    factor = 1_000_000m / perTokens;
                    reading.Label = direction ?? reading.Label;
                    p = priceEnd;
                }
            }

            if (lowPercent && unit != Unit.Percent)
            {
                failure = new Failure(unitStart, TokenLength(unitStart), ParseMessages.UnknownUnit(Token(unitStart)));
                return null;
            }

            reading.Unit = unit ?? Unit.Count;

            // Trailing hedges: 千亿参数级, 15T+, （推测）.
            p = ReadSuffixQualifier(p, reading, onlyMoreThan: false);
            var orderOfMagnitude = false;
            if (StartsWith(p, "级"))
            {
                orderOfMagnitude = true;
                p++;
                if (reading.Qualifier == Qualifier.Exact)
                {
                    reading.Qualifier = Qualifier.About;
                }
            }

            p = ReadBracketQualifier(p, reading);

            // Chinese numerals and bare magnitudes are figures only where the text makes them so:
            // 两倍, 十余个, 三十万 and 超千亿, 千亿参数级 are; 一周, 三个, 千问, 百度 are not.
            var chineseFigure = !chinese || magnitude is not null || reading.Unit == Unit.Multiple || suffixHedged;
            var bareFigure = !bareMagnitude || prefixQualified || reading.UnitStated || orderOfMagnitude;
            if (!chineseFigure || !bareFigure)
            {
                failure = new Failure(start, Math.Max(1, p - start), ParseMessages.ExpectedNumber(Token(start)));
                return null;
            }

            // Values.
            var lowFactor = (magnitude?.Factor ?? highMagnitude?.Factor ?? 1m) * factor;
            var highFactor = (highMagnitude?.Factor ?? magnitude?.Factor ?? 1m) * factor;
            try
            {
                reading.Value = DecimalMath.Normalize(number.Value * lowFactor);
                reading.Precision = DecimalMath.Normalize(lowStep * lowFactor);
                if (high is { } hv)
                {
                    reading.High = DecimalMath.Normalize(hv.Value * highFactor);
                    reading.Precision = Math.Max(reading.Precision, DecimalMath.Normalize(hv.Step * highFactor));
                    if (reading.Value > reading.High)
                    {
                        // 50%至25% is a change, not a range: read the first figure alone.
                        if (allowRange)
                        {
                            return ReadSingle(start, allowRange: false, out failure);
                        }

                        failure = new Failure(start, p - start, ParseMessages.RangeReversed(reading.Value, reading.High.Value));
                        return null;
                    }
                }
            }
            catch (OverflowException)
            {
                failure = new Failure(start, p - start, ParseMessages.TooLarge(_text[start..p]));
                return null;
            }

            reading.End = p;
            return reading;
        }

        private int ReadSuffixQualifier(int p, Reading reading, bool onlyMoreThan)
        {
            if (TryMatch(p, SuffixQualifiers, out var len, out var q) && (!onlyMoreThan || q == Qualifier.MoreThan))
            {
                // 多 and 余 are hedges only when something countable follows (300多个, 20多亿), not in 多模态.
                reading.Qualifier = q;
                return p + len;
            }

            return p;
        }

        private int ReadBracketQualifier(int p, Reading reading)
        {
            var q = SkipSpaces(p);
            if (q >= _text.Length || _text[q] is not ('(' or '（'))
            {
                return p;
            }

            var inner = SkipSpaces(q + 1);
            if (!TryMatch(inner, BracketQualifiers, out var len, out var qualifier))
            {
                return p;
            }

            var close = SkipSpaces(inner + len);
            if (close < _text.Length && _text[close] is ')' or '）')
            {
                reading.Qualifier = qualifier;
                return close + 1;
            }

            return p;
        }

        private bool TryReadPriceSuffix(int p, out decimal perTokens, out string? direction, out int end)
        {
            perTokens = 1_000_000m;
            direction = null;
            end = p;
            int q;
            if (StartsWith(p, "/") || StartsWith(p, "每"))
            {
                q = p + 1;
            }
            else if (StartsWithWord(p, " per "))
            {
                q = p + 5;
            }
            else
            {
                return false;
            }

            var amountLen = 0;
            if (TryMatch(q, PriceAmounts, out amountLen, out var amount))
            {
                perTokens = amount;
                q += amountLen;
                q = SkipSpaces(q);
                if (StartsWith(q, "个"))
                {
                    q++;
                }
            }

            var directionEnd = q;
            if (TryMatch(q, PriceDirections, out var dirLen, out var dir))
            {
                direction = dir;
                directionEnd = q + dirLen;
                q = SkipSpaces(directionEnd);
            }

            foreach (var tokens in new[] { "tokens", "token", "tok" })
            {
                if (StartsWithWord(q, tokens))
                {
                    end = q + tokens.Length;
                    return true;
                }
            }

            // "$2.50/million input", "$3/1M": the direction or a numbered amount says it is a token price.
            if (direction is not null || (amountLen > 1 && char.IsAsciiDigit(_text[p + 1])))
            {
                end = direction is not null ? directionEnd : p + 1 + amountLen;
                return end > p + 1 && (end >= _text.Length || !char.IsAsciiLetterOrDigit(_text[end]) || direction is not null);
            }

            return false;
        }

        private Magnitude? ReadMagnitude(ref int p)
        {
            // A unit that starts like a magnitude wins when it is longer: 百分点, MB, KB.
            if (TryMatchMagnitude(p, out var m)
                && !(TryMatchUnit(p, out var unitWord, out var unitEnd) && unitEnd - p > m.Text.Length && unitWord.Text.Length > m.Text.Length))
            {
                p += m.Text.Length;
                return m;
            }

            // 700 million; 56.17 亿美元 (a space some writers put before a Chinese magnitude too).
            if (p < _text.Length && _text[p] == ' ' && TryMatchMagnitude(p + 1, out m) && (m.SpaceBefore || !IsAsciiLetter(m.Text[0])))
            {
                p += 1 + m.Text.Length;
                return m;
            }

            return null;
        }

        private bool TryMatchMagnitude(int p, out Magnitude magnitude)
        {
            foreach (var m in Magnitudes)
            {
                if (IsAsciiLetter(m.Text[0]) ? StartsWithWord(p, m.Text, ignoreCase: m.SpaceBefore) : StartsWith(p, m.Text))
                {
                    magnitude = m;
                    return true;
                }
            }

            magnitude = null!;
            return false;
        }

        private bool TryMatchUnit(int p, out UnitWord word, out int end)
        {
            foreach (var candidate in UnitWords)
            {
                if (Matches(p, candidate.Text))
                {
                    word = candidate;
                    end = p + candidate.Text.Length;
                    return true;
                }
            }

            var q = SkipSpaces(p);
            if (q > p && q - p <= 1)
            {
                foreach (var candidate in UnitWords)
                {
                    if (candidate.SpaceBefore && Matches(q, candidate.Text))
                    {
                        word = candidate;
                        end = q + candidate.Text.Length;
                        return true;
                    }
                }
            }

            word = null!;
            end = p;
            return false;
        }

        /// <summary>Digits with thousands separators, a point and an exponent; or a Chinese numeral up to 99.</summary>
        private bool TryReadNumber(int p, out Number number, out bool chinese, out Failure failure)
        {
            number = default;
            chinese = false;
            failure = default;
            if (p >= _text.Length)
            {
                return false;
            }

            if (char.IsAsciiDigit(_text[p]))
            {
                return TryReadDigits(p, out number, out failure);
            }

            if (IsAsciiLetter(_text[p]))
            {
                return TryReadEnglishNumber(p, out number);
            }

            var q = p;
            var tens = -1;
            var units = -1;
            while (q < _text.Length)
            {
                var d = ChineseDigits.IndexOf(_text[q], StringComparison.Ordinal);
                if (d >= 0)
                {
                    if (units >= 0)
                    {
                        return false;
                    }

                    units = d switch { 0 or 1 => 0, 2 => 1, 3 or 4 => 2, _ => d - 2 };
                    q++;
                }
                else if (_text[q] == '十' && tens < 0 && !StartsWith(q, "十亿") && !StartsWith(q, "十万"))
                {
                    tens = units < 0 ? 1 : units;
                    units = -1;
                    q++;
                }
                else
                {
                    break;
                }
            }

            if (q == p)
            {
                return false;
            }

            var value = (tens < 0 ? 0 : tens * 10) + Math.Max(units, 0);
            if (value == 0)
            {
                return false;
            }

            chinese = true;
            number = new Number(value, 1m, false, q);
            return true;
        }

        private bool TryReadDigits(int p, out Number number, out Failure failure)
        {
            number = default;
            failure = default;
            var digits = new System.Text.StringBuilder();
            var q = p;
            var grouped = false;
            while (q < _text.Length && char.IsAsciiDigit(_text[q]))
            {
                digits.Append(_text[q++]);
                if (q + 3 < _text.Length + 1 && q < _text.Length && _text[q] == ',' && IsDigitRun(q + 1, 3)
                    && (q + 4 >= _text.Length || !char.IsAsciiDigit(_text[q + 4])))
                {
                    grouped = true;
                    q++;
                }
            }

            var scale = 0;
            if (q + 1 < _text.Length && _text[q] == '.' && char.IsAsciiDigit(_text[q + 1]))
            {
                digits.Append('.');
                q++;
                while (q < _text.Length && char.IsAsciiDigit(_text[q]))
                {
                    digits.Append(_text[q++]);
                    scale++;
                }
            }

            var exponent = 0;
            if (q + 1 < _text.Length && _text[q] is 'e' or 'E')
            {
                var e = q + 1;
                var negative = false;
                if (_text[e] is '+' or '-')
                {
                    negative = _text[e] == '-';
                    e++;
                }

                var expStart = e;
                while (e < _text.Length && char.IsAsciiDigit(_text[e]))
                {
                    e++;
                }

                if (e > expStart && e - expStart <= 2 && (e >= _text.Length || !IsAsciiLetter(_text[e])))
                {
                    exponent = int.Parse(_text.AsSpan(expStart, e - expStart), CultureInfo.InvariantCulture) * (negative ? -1 : 1);
                    q = e;
                }
            }

            // 2×10^25 FLOP: a coefficient times a power of ten.
            if (exponent == 0 && TryReadTimesTen(q, out var power, out var powerEnd))
            {
                exponent = power;
                q = powerEnd;
            }

            var significant = digits.ToString().Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0').Length;
            if (significant > 28 || Math.Abs(exponent) > 28 || Math.Abs(exponent - scale) > 28)
            {
                failure = new Failure(p, q - p, ParseMessages.TooLarge(_text[p..q]));
                return false;
            }

            var value = decimal.Parse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            try
            {
                value *= DecimalMath.Pow10(exponent);
            }
            catch (OverflowException)
            {
                failure = new Failure(p, q - p, ParseMessages.TooLarge(_text[p..q]));
                return false;
            }

            number = new Number(value, DecimalMath.Pow10(exponent - scale), grouped, q);
            return true;
        }

        private bool TryReadTimesTen(int p, out int power, out int end)
        {
            power = 0;
            end = p;
            if (!TryMatch(p, TimesTen, out var length))
            {
                return false;
            }

            var e = p + length;
            var superscript = e < _text.Length && Superscripts.Contains(_text[e], StringComparison.Ordinal);
            var start = e;
            while (e < _text.Length && e - start < 2 && (superscript ? Superscripts.Contains(_text[e], StringComparison.Ordinal) : char.IsAsciiDigit(_text[e])))
            {
                power = power * 10 + (superscript ? Superscripts.IndexOf(_text[e], StringComparison.Ordinal) : _text[e] - '0');
                e++;
            }

            // 10 alone after × is a multiple (2×10 is twenty), not a power: a caret or superscript must follow.
            var written = _text.AsSpan(p, length);
            if (e == start || (!written.EndsWith("^") && !superscript) || (e < _text.Length && char.IsAsciiDigit(_text[e])))
            {
                return false;
            }

            end = e;
            return true;
        }

        /// <summary>An English number written out (<c>five</c>, <c>twenty-five</c>), only when a magnitude word follows: <c>five million</c>.</summary>
        private bool TryReadEnglishNumber(int p, out Number number)
        {
            number = default;
            var q = p;
            var value = 0;
            if (TryMatchWord(q, EnglishTens, out var tensLength, out var tens))
            {
                value = tens;
                q += tensLength;
                if (q + 1 < _text.Length && _text[q] is '-' or ' ' && TryMatchWord(q + 1, EnglishUnits, out var unitLength, out var unit) && unit < 10)
                {
                    value += unit;
                    q += 1 + unitLength;
                }
            }
            else if (TryMatchWord(q, EnglishUnits, out var unitsLength, out var units))
            {
                value = units;
                q += unitsLength;
            }
            else
            {
                return false;
            }

            var m = SkipSpaces(q);
            if (m == q || !TryMatchMagnitude(m, out var magnitude) || !magnitude.SpaceBefore)
            {
                return false;
            }

            number = new Number(value, 1m, false, q);
            return true;
        }

        private bool TryMatchWord(int p, (string Text, int Value)[] words, out int length, out int value)
        {
            foreach (var (text, v) in words)
            {
                if (StartsWithWord(p, text))
                {
                    length = text.Length;
                    value = v;
                    return true;
                }
            }

            length = 0;
            value = 0;
            return false;
        }

        private bool IsDigitRun(int p, int count)
        {
            if (p + count > _text.Length)
            {
                return false;
            }

            for (var i = p; i < p + count; i++)
            {
                if (!char.IsAsciiDigit(_text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public bool TryMatch(int p, string[] words, out int length)
        {
            foreach (var w in words)
            {
                if (Matches(p, w))
                {
                    length = w.Length;
                    return true;
                }
            }

            length = 0;
            return false;
        }

        public bool TryMatch<T>(int p, (string Text, T Value)[] words, out int length, out T value)
        {
            foreach (var (w, v) in words)
            {
                if (Matches(p, w))
                {
                    length = w.Length;
                    value = v;
                    return true;
                }
            }

            length = 0;
            value = default!;
            return false;
        }

        /// <summary>Whether <paramref name="word"/> is written at <paramref name="p"/>; ASCII words must end at a word boundary.</summary>
        public bool Matches(int p, string word) =>
            IsAsciiLetter(word[^1]) || word[^1] == '.' ? StartsWithWord(p, word) : StartsWith(p, word);

        public bool StartsWith(int p, string word) =>
            p >= 0 && p <= _text.Length && _text.AsSpan(p).StartsWith(word, StringComparison.Ordinal);

        public bool StartsWithWord(int p, string word, bool ignoreCase = true)
        {
            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (p < 0 || p > _text.Length || !_text.AsSpan(p).StartsWith(word, comparison))
            {
                return false;
            }

            var end = p + word.Length;
            return end >= _text.Length || !(IsAsciiLetter(_text[end]) || char.IsAsciiDigit(_text[end])) || !IsAsciiLetter(word[^1]);
        }

        public int SkipSpaces(int p)
        {
            while (p < _text.Length && _text[p] is ' ' or '\t' or '\u00A0')
            {
                p++;
            }

            return p;
        }

        /// <summary>The run of characters from <paramref name="p"/> up to a space or punctuation: what a message quotes.</summary>
        public string Token(int p) => _text.Substring(p, TokenLength(p));

        public int TokenLength(int p)
        {
            var q = p;
            while (q < _text.Length && !char.IsWhiteSpace(_text[q]) && _text[q] is not (',' or '，' or '。' or ';' or '；' or '、' or ')' or '）' or '(' or '（' or '/'))
            {
                q++;
            }

            return q == p && p < _text.Length ? 1 : q - p;
        }
    }

    private static bool IsAsciiLetter(char c) => char.IsAsciiLetter(c);
}
