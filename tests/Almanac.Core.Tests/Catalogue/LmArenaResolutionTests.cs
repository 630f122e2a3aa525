using Almanac.Catalogue;

namespace Almanac.Tests.Catalogue;

/// <summary>
/// LMArena's display names (every model of the text leaderboard's history and of the day files) against
/// the curated entities: API snapshots land on their model, thinking modes and apps stay apart.
/// </summary>
public class LmArenaResolutionTests
{
    private static readonly Lazy<ModelResolution> Resolution = new(() =>
    {
        var folder = Path.Combine(PublicDatasets.SharedData, "lmarena");
        var records = new[] { "lmarena_text_leaderboard_history.csv", "lmarena_text_2025-08-06.csv", "lmarena_vision_2025-08-06.csv" }
            .SelectMany(file =>
            {
                // The files quote no cell: a plain split reads them.
                var lines = File.ReadAllLines(Path.Combine(folder, file));
                var header = lines[0].Split(',');
                int model = Array.IndexOf(header, "model"), organization = Array.IndexOf(header, "organization");
                return lines.Skip(1).Select(l => l.Split(',')).Select(f => (Model: f[model], Organization: f[organization]));
            })
            .DistinctBy(r => r.Model, StringComparer.Ordinal)
            .Select(r => new SourcedRecord("lmarena", new DatasetRecord(r.Model, r.Model, r.Model, null, r.Organization, [], r.Model)))
            .ToList();
        return new ModelResolver(PublicDatasets.Curated).Resolve(records);
    });

    private static string? Landing(string displayName) =>
        Resolution.Value.Records.Single(r => r.Record.ModelId == displayName).ModelId;

    [Theory]
    [InlineData("GPT-4o-2024-05-13", "gpt-4o")]
    [InlineData("GPT-4o-2024-08-06", "gpt-4o")]
    [InlineData("Gemini-1.5-Pro-API-0514", "gemini-1-5-pro")]
    [InlineData("Gemini-1.5-Pro-002", "gemini-1-5-pro")]
    [InlineData("Claude 3.5 Sonnet (20241022)", "claude-3-5-sonnet")]
    [InlineData("Claude 3.5 Sonnet (20240620)", "claude-3-5-sonnet")]
    [InlineData("Claude 3.7 Sonnet", "claude-3-7-sonnet")]
    [InlineData("Meta-Llama-3.1-405B-Instruct-bf16", "llama-3-1-405b")]
    [InlineData("DeepSeek-V3", "deepseek-v3")]
    public void Display_names_land_on_the_curated_model(string displayName, string model) =>
        Landing(displayName).ShouldBe(model);

    [Theory]
    [InlineData("Claude 3.7 Sonnet (thinking-32k)", "Claude 3.7 Sonnet")]
    [InlineData("Claude Opus 4 (thinking-16k)", "Claude Opus 4 (20250514)")]
    [InlineData("Claude Sonnet 4 (thinking-32k)", "Claude Sonnet 4 (20250514)")]
    [InlineData("Gemini-Advanced-0514", "Gemini-1.5-Pro-API-0514")]
    [InlineData("GPT-4o-mini-2024-07-18", "GPT-4o-2024-05-13")]
    [InlineData("ChatGPT-4o-latest (2025-03-26)", "GPT-4o-2024-08-06")]
    [InlineData("o1-preview", "o1-2024-12-17")]
    [InlineData("Gemini-2.5-Pro-Preview-05-06", "Gemini-2.5-Pro")]
    public void Near_names_stay_apart(string one, string other)
    {
        var a = Landing(one);
        var b = Landing(other);
        a.ShouldNotBeNull();
        b.ShouldNotBeNull();
        a.ShouldNotBe(b);
    }

    [Fact]
    public void A_thinking_mode_keeps_its_bracket_in_its_name()
    {
        var id = Landing("Claude 3.7 Sonnet (thinking-32k)");
        Resolution.Value.NewModels.Single(m => m.Id == id).Name.En.ShouldBe("Claude 3.7 Sonnet (thinking-32k)");
    }
}
