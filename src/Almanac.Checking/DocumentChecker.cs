using System.Collections.Concurrent;
using Almanac.Checking.Extraction;
using Almanac.Checking.Judging;
using Almanac.Checking.Reading;
using Almanac.Knowledge;

namespace Almanac.Checking;

/// <summary>The outcome of checking one document: a report, or why the document could not be read.</summary>
public sealed record CheckOutcome(CheckReport? Report, Diagnostics.Diagnostic? Error);

/// <summary>How one document is checked: the day to judge by and the language it is read in.</summary>
/// <param name="AsOf">Judge only by what had been published by this day.</param>
/// <param name="Language"><c>auto</c>, <c>zh</c> or <c>en</c>.</param>
public sealed record CheckOptions(DateOnly? AsOf = null, string Language = "auto")
{
    public static CheckOptions Default { get; } = new();
}

/// <summary>
/// How many checks a pipeline started, finished and gave up on a cancellation: what shows that one
/// pipeline serves many requests and that a cancelled check really stopped.
/// </summary>
public sealed class CheckCounts
{
    private long _started;
    private long _completed;
    private long _cancelled;

    public long Started => Interlocked.Read(ref _started);

    public long Completed => Interlocked.Read(ref _completed);

    public long Cancelled => Interlocked.Read(ref _cancelled);

    internal void Start() => Interlocked.Increment(ref _started);

    internal void Complete() => Interlocked.Increment(ref _completed);

    internal void Cancel() => Interlocked.Increment(ref _cancelled);
}

/// <summary>
/// The checking pipeline, built once per knowledge snapshot and shared by every document checked
/// against it (as a Markdig pipeline is): read the bytes, find and understand the figures, fetch
/// the facts about what they name, and judge each figure. Safe to use from several threads.
/// </summary>
/// <remarks>
/// The facts about an entity are fetched the first time a document names it and kept for the
/// pipeline's life: the knowledge does not change under one snapshot. A check observes its
/// <see cref="CancellationToken"/> while it reads and judges, so a time limit or a client that went
/// away stops it within a few lines or claims (<see cref="OperationCanceledException"/>).
/// </remarks>
public sealed class DocumentChecker
{
    private readonly CheckKnowledge _names;
    private readonly string[] _currencyPairs;
    private readonly Func<IReadOnlyCollection<string>, IEnumerable<Statement>> _factsAbout;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Statement>> _factsByEntity = new(StringComparer.Ordinal);
    private readonly CheckOptions _defaults;
    private readonly ClaimExtractor _extractor = new();
    private readonly ClaimJudge _judge = new();

    /// <param name="entities">The entities whose names the text is searched for.</param>
    /// <param name="factsAbout">The sourced facts about some entities (the store's, usually).</param>
    /// <param name="asOf">Judge only by what had been published by this day, unless a check says otherwise.</param>
    /// <param name="language"><c>auto</c>, <c>zh</c> or <c>en</c>, unless a check says otherwise.</param>
    public DocumentChecker(
        IEnumerable<Entity> entities,
        IEnumerable<Metric> metrics,
        Func<IReadOnlyCollection<string>, IEnumerable<Statement>> factsAbout,
        DateOnly? asOf = null,
        string language = "auto")
        : this(new CheckKnowledge(entities, metrics, []), factsAbout, asOf, language)
    {
    }

    /// <param name="names">
    /// The entities and metrics the text is read with, indexed once (<see cref="Names"/>) and shared by every
    /// checker over the same knowledge: building the name index is the costly part, not the check.
    /// </param>
    public DocumentChecker(
        CheckKnowledge names,
        Func<IReadOnlyCollection<string>, IEnumerable<Statement>> factsAbout,
        DateOnly? asOf = null,
        string language = "auto")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(factsAbout);
        _names = names;
        _currencyPairs = names.Names.Entities.Where(e => e.Kind == EntityKind.CurrencyPair).Select(e => e.Id).ToArray();
        _factsAbout = factsAbout;
        _defaults = new CheckOptions(asOf, language);
    }

    /// <summary>How many checks this pipeline started, finished and stopped on a cancellation.</summary>
    public CheckCounts Counts { get; } = new();

    /// <summary>Names and metrics without statements, ready to be shared by checkers (see the constructor taking them).</summary>
    public static CheckKnowledge Names(IEnumerable<Entity> entities, IEnumerable<Metric> metrics, IReadOnlySet<string>? curatedIds = null)
    {
        var names = new CheckKnowledge(entities, metrics, [], curatedIds);
        ClaimExtractor.Prepare(names);
        return names;
    }

    public CheckOutcome Check(byte[] bytes, string name, CancellationToken cancellation = default) =>
        Check(bytes, name, _defaults, cancellation);

    public CheckOutcome Check(byte[] bytes, string name, CheckOptions options, CancellationToken cancellation = default)
    {
        var read = DocumentReader.Read(bytes, name);
        if (!read.Succeeded)
        {
            return new CheckOutcome(null, read.Error);
        }

        return new CheckOutcome(CheckText(read.Text!, name, options, cancellation), null);
    }

    public CheckReport CheckText(string text, string name, CancellationToken cancellation = default) =>
        CheckText(text, name, _defaults, cancellation);

    public CheckReport CheckText(string text, string name, CheckOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Counts.Start();
        try
        {
            cancellation.ThrowIfCancellationRequested();
            var extracted = _extractor.ExtractWithNotes(text, _names, options.Language, cancellation);
            var claims = extracted.Claims;
            var knowledge = new CheckKnowledge(_names, FactsAbout(Involved(claims)));
            var report = new CheckReport(name, text, _judge.Judge(claims, knowledge, options.AsOf, cancellation)) { Skipped = extracted.Notes };
            Counts.Complete();
            return report;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Counts.Cancel();
            throw;
        }
    }

    /// <summary>
    /// The statements about <paramref name="ids"/>, fetched only for those no earlier document named,
    /// in the order one query for all of them gives (by entity id, then as the source lists them).
    /// </summary>
    private List<Statement> FactsAbout(HashSet<string> ids)
    {
        var missing = ids.Where(id => !_factsByEntity.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            var fetched = _factsAbout(missing).GroupBy(s => s.Fact.EntityId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var id in missing)
            {
                _factsByEntity.TryAdd(id, fetched.TryGetValue(id, out var about) ? about : []);
            }
        }

        return ids.Order(StringComparer.Ordinal).SelectMany(id => _factsByEntity[id]).ToList();
    }

    /// <summary>
    /// The entities whose facts a judgement may need: those the claims name, their parents
    /// (a model's family states its context window), and currency pairs (for conversions).
    /// </summary>
    private HashSet<string> Involved(IReadOnlyList<Claim> claims)
    {
        var byId = _names.Names;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in claims.Select(c => c.EntityId).OfType<string>())
        {
            for (var entity = byId.Entity(id); entity is not null && ids.Add(entity.Id); entity = entity.Parent is { } parent ? byId.Entity(parent) : null)
            {
            }
        }

        ids.UnionWith(_currencyPairs);
        return ids;
    }
}
