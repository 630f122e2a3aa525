using System.Diagnostics.CodeAnalysis;

namespace Almanac.Text;

/// <summary>
/// The outcome of parsing user text: a value, or an error with a position and a message.
/// Parsers return this instead of throwing; the caller decides what a failure means.
/// </summary>
public readonly struct ParseResult<T> : IEquatable<ParseResult<T>>
{
    private readonly T? _value;

    internal ParseResult(T? value, ParseError? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Whether parsing succeeded; if so <see cref="Value"/> holds the result.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The error, when parsing failed.</summary>
    public ParseError? Error { get; }

    /// <summary>The parsed value. Reading it after a failure is a programming error and throws.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"The parse failed, there is no value: {Error.Message}");

    /// <summary>The value, or <paramref name="value"/> untouched and false.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return IsSuccess;
    }

    public bool Equals(ParseResult<T> other) =>
        EqualityComparer<T?>.Default.Equals(_value, other._value) && Equals(Error, other.Error);

    public override bool Equals(object? obj) => obj is ParseResult<T> other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_value, Error);

    public static bool operator ==(ParseResult<T> left, ParseResult<T> right) => left.Equals(right);

    public static bool operator !=(ParseResult<T> left, ParseResult<T> right) => !left.Equals(right);

    public override string ToString() => IsSuccess ? $"{_value}" : Error.Message;
}

/// <summary>Makes <see cref="ParseResult{T}"/> values.</summary>
public static class ParseResult
{
    public static ParseResult<T> Success<T>(T value) => new(value, null);

    public static ParseResult<T> Failure<T>(ParseError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(default, error);
    }
}
