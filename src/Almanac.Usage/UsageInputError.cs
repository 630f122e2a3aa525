namespace Almanac.Usage;

/// <summary>One line of a usage log that could not be read: the file, where in it, and why.</summary>
/// <param name="Location"><c>line L</c>, with the JSON path inside the line's document where one applies.</param>
public sealed record UsageInputError(string File, string Location, string Message)
{
    public override string ToString() => $"{File}:{Location}: {Message}";
}

/// <summary>A usage log that cannot be read at all, or (under strict reading) has a line that cannot.</summary>
public sealed class UsageInputException : Exception
{
    public UsageInputException(UsageInputError error) : base(error.ToString()) => Error = error;

    public UsageInputException(string message) : base(message) => Error = new UsageInputError(string.Empty, string.Empty, message);

    public UsageInputException() : this("the usage log cannot be read")
    {
    }

    public UsageInputException(string message, Exception innerException) : base(message, innerException) =>
        Error = new UsageInputError(string.Empty, string.Empty, message);

    public UsageInputError Error { get; }
}
