namespace Almanac.Cli.Output;

/// <summary>Files written whole or not at all: beside the target first, then moved over it.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="text"/> (UTF-8, no byte-order mark) to <paramref name="target"/>: a failed or
    /// interrupted write leaves no half-written file, and an existing one as it was.
    /// </summary>
    public static void WriteAllText(string target, string text)
    {
        if (Directory.Exists(target))
        {
            throw new CliException($"cannot write to {target}: it is a folder; give a file name such as {Path.Combine(target, "report.html")}");
        }

        var partial = target + ".partial";
        try
        {
            File.WriteAllText(partial, text);
            File.Move(partial, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write {target}: {e.Message}");
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
