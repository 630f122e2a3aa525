namespace Almanac.Imports;

/// <summary>
/// Why a dataset file cannot be imported, and where: a JSON path (<c>$.anthropic.models["claude…"].cost.input</c>)
/// or a CSV line and column.
/// </summary>
public sealed record ImportError(string File, string Location, string Message)
{
    public override string ToString() => $"{File}: {Location}: {Message}";
}

/// <summary>Thrown by a reader when a file is not the dataset it claims to be; nothing is imported.</summary>
public sealed class ImportException(ImportError error) : Exception(error.ToString())
{
    public ImportError Error { get; } = error;
}
