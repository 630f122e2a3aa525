namespace Almanac.Usage.Readers;

/// <summary>
/// Reads one log file into events, one at a time as the stream is read: no reader holds a whole file,
/// so a file far larger than memory ingests. Model, developer and list cost are left for normalisation
/// (<see cref="Normalisation.UsageNormaliser"/>); a reader gives the model string and provider as logged.
/// </summary>
public interface IUsageReader
{
    UsageFormat Format { get; }

    /// <param name="file">The file's name as errors should show it.</param>
    IEnumerable<UsageEvent> Read(Stream stream, string file, ReadLog log);
}
