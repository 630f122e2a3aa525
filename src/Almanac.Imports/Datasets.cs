using Almanac.Catalogue;
using Almanac.Imports.Readers;

namespace Almanac.Imports;

/// <summary>A public dataset Almanac imports: its code, where it is published, and how to read it.</summary>
/// <param name="PublicUrl">Where <c>almanac sync</c> fetches it; null when it has no stable public address.</param>
/// <param name="Read">Reads the input (one file, a folder or a zip) into one or more snapshots, oldest first.</param>
public sealed record DatasetDefinition(string Code, string Description, Uri? PublicUrl, Func<DatasetInput, SnapshotInfo?, IReadOnlyList<DatasetSnapshot>> Read)
{
    /// <summary>A dataset published as one file, read by <paramref name="read"/>.</summary>
    public static DatasetDefinition OneFile(string code, string description, Uri? publicUrl, Func<Stream, string, SnapshotInfo?, DatasetSnapshot> read) =>
        new(code, description, publicUrl, (input, info) =>
        {
            var file = input.OnlyFile(code);
            using var stream = file.Open();
            var given = info ?? new SnapshotInfo();
            return [read(stream, file.Name, given with { LastWritten = given.LastWritten ?? file.LastWritten })];
        });
}

/// <summary>The datasets Almanac can import.</summary>
public static class Datasets
{
    public static readonly IReadOnlyList<DatasetDefinition> All =
    [
        DatasetDefinition.OneFile(ModelsDevReader.Dataset, "models.dev api.json: providers and their models, prices per 1M tokens", ModelsDevReader.PublicUrl, ModelsDevReader.Read),
        DatasetDefinition.OneFile(ModelsDevLabsReader.Dataset, "models.dev labs.json: base models with benchmarks", null, ModelsDevLabsReader.Read),
        DatasetDefinition.OneFile(LiteLlmReader.Dataset, "LiteLLM model_prices_and_context_window.json: prices per token", LiteLlmReader.PublicUrl, LiteLlmReader.Read),
        DatasetDefinition.OneFile(EpochReader.Dataset, "Epoch AI Data on AI Models (CSV)", EpochReader.PublicUrl, EpochReader.Read),
        new(OpenRouterReader.Dataset, "OpenRouter GET /api/v1/models: its catalogue and prices per token, one snapshot per file", OpenRouterReader.PublicUrl, OpenRouterReader.Read),
        new(EpochCompaniesReader.Dataset, "Epoch AI Data on AI Companies (the CSV files of ai_companies.zip, a folder or the zip)", null, EpochCompaniesReader.Read),
        new(EpochBenchmarksReader.Dataset, "Epoch AI Benchmarking Hub (one CSV per benchmark, a folder or benchmark_data.zip)", null, EpochBenchmarksReader.Read),
        new(LmArenaReader.Dataset, "LMArena (Chatbot Arena) leaderboards (CSV): the text history, or one day of the text, vision or image arena", null, LmArenaReader.Read),
        new(OpenRouterRankingsReader.Dataset, "OpenRouter token rankings (openrouter.ai/rankings, JSON): tokens per model per week", null, OpenRouterRankingsReader.Read),
    ];

    public static DatasetDefinition? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
}
