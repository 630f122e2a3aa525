using Almanac.DataFiles;
using System.Collections.Concurrent;
using Almanac.Catalogue;
using Almanac.Hosting;
using Almanac.Imports;
using Almanac.Knowledge;
using Almanac.Knowledge.Imports;
using Almanac.Storage;

namespace Almanac.Web.Knowledge;

/// <summary>
/// The store the site serves, shared by every request. A store holds one connection and is not
/// safe to use from two threads, so readers lease a store of their own from a pool (SQLite and
/// PostgreSQL both let many connections read at once); loads and imports go through the
/// workspace's store one at a time. What does not change between loads (names, the model
/// catalogue, sources, conflicts, charts) lives in a <see cref="KnowledgeSnapshot"/>, rebuilt after
/// the store changes instead of on every request.
/// </summary>
internal sealed partial class KnowledgeHost : IDisposable
{
    private readonly Workspace _workspace;
    private readonly TimeProvider _clock;
    private readonly ILogger<KnowledgeHost> _logger;
    private readonly ConcurrentBag<IKnowledgeStore> _readers = [];
    private readonly Lock _writeLock = new();
    private readonly Lock _snapshotLock = new();
    private KnowledgeSnapshot? _snapshot;
    private long _generation;
    private long _storeGeneration = -1;
    private string? _dataProblem;
    private bool _disposed;

    public KnowledgeHost(Workspace workspace, TimeProvider clock, ILogger<KnowledgeHost> logger)
    {
        _workspace = workspace;
        _clock = clock;
        _logger = logger;
    }

    public string DataFolder => _workspace.DataFolder;

    public string StoreDescription => _workspace.Store.Description;

    /// <summary>Runs <paramref name="read"/> on a store no other request is using.</summary>
    public T Read<T>(Func<IKnowledgeStore, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var store = _readers.TryTake(out var pooled) ? pooled : Workspace.OpenStore(_workspace.StoreLocation);
        try
        {
            return read(store);
        }
        finally
        {
            _readers.Add(store);
        }
    }

    /// <summary>What the store held at its last change, built once per change.</summary>
    public KnowledgeSnapshot Snapshot()
    {
        var current = Volatile.Read(ref _snapshot);
        var generation = Interlocked.Read(ref _generation);
        if (current is not null && current.Generation == generation)
        {
            return current;
        }

        lock (_snapshotLock)
        {
            current = _snapshot;
            if (current is not null && current.Generation == generation)
            {
                return current;
            }

            var built = Read(store => KnowledgeSnapshot.Build(store, generation, this, _clock));
            Volatile.Write(ref _snapshot, built);
            return built;
        }
    }

    /// <summary>
    /// Why the data files on disk are not what the site serves (a file, its line and column, what was expected);
    /// null while they loaded. The pages show it, so whoever edits <c>data/</c> sees that the site kept the store it had.
    /// </summary>
    public string? DataProblem => Volatile.Read(ref _dataProblem);

    /// <summary>Loads the data files if they changed since the last load; false when they had not.</summary>
    /// <exception cref="WorkspaceException">The data files are invalid: the store is left as it was, and <see cref="DataProblem"/> says why.</exception>
    public bool Refresh()
    {
        lock (_writeLock)
        {
            LoadSummary? summary;
            try
            {
                summary = _workspace.Refresh(_clock, TextWriter.Null);
            }
            catch (WorkspaceException e) when (e.Failure == WorkspaceFailure.InvalidData)
            {
                Volatile.Write(ref _dataProblem, e.Message);
                throw;
            }

            Volatile.Write(ref _dataProblem, null);
            if (summary is null)
            {
                return false;
            }

            LogLoaded(_logger, _workspace.DataFolder, summary.Added, summary.Unchanged, summary.Retracted);
            Invalidate();
            return true;
        }
    }

    /// <summary>
    /// Notices a change another process committed to the store (an <c>almanac import</c> beside the
    /// running server): the next reads then build a new snapshot. False when the store had not changed.
    /// </summary>
    public bool NoticeStoreChanges()
    {
        var generation = Read(store => store.Generation());
        if (Interlocked.Exchange(ref _storeGeneration, generation) == generation)
        {
            return false;
        }

        Invalidate();
        return true;
    }

    /// <summary>
    /// A snapshot found the store changed under it (<see cref="StaleSnapshotException"/>): the next reads build a new one,
    /// whether or not the refresh service has noticed the change yet.
    /// </summary>
    public void SnapshotWentStale()
    {
        Interlocked.Exchange(ref _storeGeneration, Read(store => store.Generation()));
        Invalidate();
    }

    /// <summary>Adds a fact to the data files (checked with the whole folder first) and loads them, so the next reads see it.</summary>
    public AppendResult AddFact(NewFact fact, NewSource? source)
    {
        lock (_writeLock)
        {
            var result = DataFileAppender.Append(_workspace.DataFolder, fact, source);
            if (result.Succeeded)
            {
                var summary = _workspace.Refresh(_clock, TextWriter.Null);
                if (summary is not null)
                {
                    LogLoaded(_logger, _workspace.DataFolder, summary.Added, summary.Unchanged, summary.Retracted);
                }

                Invalidate();
            }

            return result;
        }
    }

    /// <summary>Stores dataset snapshots (successive ones of one dataset), all or nothing, and makes the next reads see them.</summary>
    public ImportSummary Import(IReadOnlyList<DatasetSnapshot> snapshots)
    {
        lock (_writeLock)
        {
            var summary = DatasetImporter.Import(snapshots, _workspace.Store, _clock.GetUtcNow());
            Invalidate();
            return summary;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "loaded {Folder}: {Added} facts added, {Unchanged} unchanged, {Retracted} retracted")]
    private static partial void LogLoaded(ILogger logger, string folder, int added, int unchanged, int retracted);

    private void Invalidate() => Interlocked.Increment(ref _generation);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        while (_readers.TryTake(out var store))
        {
            store.Dispose();
        }

        _workspace.Dispose();
    }
}
