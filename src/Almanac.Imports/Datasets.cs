using Almanac.Catalogue;
using Almanac.Imports.Readers;

namespace Almanac.Imports;

/// <summary>A public dataset Almanac imports: its code, where it is published, and how to read it.</summary>
/// <param name="PublicUrl">Where <c>almanac sync</c> fetches it; null when it has no stable public address.</param>
public sealed record DatasetDefinition(string Code, string Description, Uri? PublicUrl, Func<Stream, string, SnapshotInfo?, DatasetSnapshot> Read);

/// <summary>The datasets Almanac can import.</summary>
public static class Datasets
{
    public static readonly IReadOnlyList<DatasetDefinition> All =
    [
        new(ModelsDevReader.Dataset, "models.dev api.json: providers and their models, prices per 1M tokens", ModelsDevReader.PublicUrl, ModelsDevReader.Read),
        new(ModelsDevLabsReader.Dataset, "models.dev labs.json: base models with benchmarks", null, ModelsDevLabsReader.Read),
        new(LiteLlmReader.Dataset, "LiteLLM model_prices_and_context_window.json: prices per token", LiteLlmReader.PublicUrl, LiteLlmReader.Read),
        new(EpochReader.Dataset, "Epoch AI Data on AI Models (CSV)", EpochReader.PublicUrl, EpochReader.Read),
    ];

    public static DatasetDefinition? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
