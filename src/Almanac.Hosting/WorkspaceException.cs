namespace Almanac.Hosting;

/// <summary>What went wrong opening a workspace, so a caller can answer with the right exit code or status.</summary>
public enum WorkspaceFailure
{
    /// <summary>The caller asked for a folder or file that does not exist.</summary>
    Usage,

    /// <summary>The data files are invalid: nothing was stored.</summary>
    InvalidData,

    /// <summary>The store could not be opened or written.</summary>
    Store,
}

/// <summary>A workspace could not be opened or refreshed; the message says why, for a person.</summary>
public sealed class WorkspaceException : Exception
{
    public WorkspaceException(string message, WorkspaceFailure failure)
        : base(message) => Failure = failure;

    public WorkspaceException()
    {
    }

    public WorkspaceException(string message)
        : base(message)
    {
    }

    public WorkspaceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorkspaceFailure Failure { get; }
}
