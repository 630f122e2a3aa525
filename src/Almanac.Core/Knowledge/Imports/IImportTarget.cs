using Almanac.Catalogue;

namespace Almanac.Knowledge.Imports;

/// <summary>
/// The part of a store an import reads and writes. It lives in the core so that the dataset importer
/// depends on no storage engine: any store that keeps imports (SQLite, PostgreSQL, an in-memory double) offers it.
/// </summary>
public interface IImportTarget
{
    /// <summary>
    /// Stores one dataset snapshot in one transaction: all of it or, on any failure (a kill
    /// included), nothing. Importing the same snapshot again adds nothing.
    /// </summary>
    /// <param name="progress">Told the number of facts written so far.</param>
    ImportSummary Import(ImportBatch batch, DateTimeOffset now, IProgress<int>? progress = null);

    /// <summary>The canonical model each record of the latest import of <paramref name="dataset"/> landed on, by record key.</summary>
    IReadOnlyDictionary<string, string> Landed(string dataset);

    /// <summary>
    /// The latest record of each key of every dataset imported (without values), so that each import resolves
    /// the records of all datasets together and the store does not depend on the order they were imported in.
    /// </summary>
    IReadOnlyList<SourcedRecord> Records();

    IReadOnlyList<Entity> Entities();

    /// <summary>The entities the curated data files define, with only the names those files give them.</summary>
    IReadOnlyList<Entity> CuratedEntities();

    /// <summary>The ids of entities that imports created (not defined in the curated data files).</summary>
    IReadOnlySet<string> ImportedEntityIds();
}
