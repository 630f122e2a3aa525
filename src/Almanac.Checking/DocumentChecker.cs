using Almanac.Checking.Extraction;
using Almanac.Checking.Judging;
using Almanac.Checking.Reading;
using Almanac.Knowledge;

namespace Almanac.Checking;

/// <summary>The outcome of checking one document: a report, or why the document could not be read.</summary>
public sealed record CheckOutcome(CheckReport? Report, string? Error);

/// <summary>
/// The checking pipeline, built once and reused for many documents: read the bytes, find and
/// understand the figures, fetch the facts about what they name, and judge each figure.
/// </summary>
public sealed class DocumentChecker
{
    private readonly CheckKnowledge _names;
    private readonly string[] _currencyPairs;
    private readonly Func<IReadOnlyCollection<string>, IEnumerable<Statement>> _factsAbout;
    private readonly DateOnly? _asOf;
    private readonly string _language;
    private readonly ClaimExtractor _extractor = new();
    private readonly ClaimJudge _judge = new();

    /// <param name="entities">The entities whose names the text is searched for.</param>
    /// <param name="factsAbout">The sourced facts about some entities (the store's, usually).</param>
    /// <param name="asOf">Judge only by what had been published by this day.</param>
    /// <param name="language"><c>auto</c>, <c>zh</c> or <c>en</c>.</param>
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
        _names = names;
        _currencyPairs = names.Names.Entities.Where(e => e.Kind == EntityKind.CurrencyPair).Select(e => e.Id).ToArray();
        _factsAbout = factsAbout;
        _asOf = asOf;
        _language = language;
    }

    /// <summary>Names and metrics without statements, ready to be shared by checkers (see the constructor taking them).</summary>
    public static CheckKnowledge Names(IEnumerable<Entity> entities, IEnumerable<Metric> metrics, IReadOnlySet<string>? curatedIds = null)
    {
        var names = new CheckKnowledge(entities, metrics, [], curatedIds);
        ClaimExtractor.Prepare(names);
        return names;
    }

    public CheckOutcome Check(byte[] bytes, string name)
    {
        var read = DocumentReader.Read(bytes, name);
        if (!read.Succeeded)
        {
            return new CheckOutcome(null, read.Error);
        }

        return new CheckOutcome(CheckText(read.Text!, name), null);
    }

    public CheckReport CheckText(string text, string name)
    {
        var extracted = _extractor.ExtractWithNotes(text, _names, _language);
        var claims = extracted.Claims;
        var knowledge = new CheckKnowledge(_names, _factsAbout(Involved(claims)));
        return new CheckReport(name, text, _judge.Judge(claims, knowledge, _asOf)) { Skipped = extracted.Notes };
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
