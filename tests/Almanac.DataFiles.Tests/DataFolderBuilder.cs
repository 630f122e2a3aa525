namespace Almanac.Tests.DataFiles;

/// <summary>Writes a small data folder into a temporary directory, file by file, for loader tests.</summary>
internal sealed class DataFolderBuilder : IDisposable
{
    public const string Metrics = """
        - id: market-size
          name: { en: market size, zh: 市场规模 }
          dimension: currency
          aliases: [规模]
        - id: market-share
          name: { en: market share, zh: 市场份额 }
          dimension: percent
        """;

    public const string Entities = """
        - id: google
          kind: organisation
          name: { en: Google, zh: 谷歌 }
        - id: llm
          kind: market
          name: { en: LLM market, zh: 大模型市场 }
        - id: world
          kind: region
          name: { en: World, zh: 全球 }
        """;

    public const string Sources = """
        - id: report
          publisher: Example Research
          title: LLM market report
          url: https://example.org/report
          published: 2025-03-01
          kind: primary
        """;

    public const string Fact = """
        - entity: llm
          metric: market-size
          scope: { region: world }
          period: "2024"
          value: 5.617e9
          unit: USD
          obtained: estimated
          source: report
          quote: The market was $5.617 billion in 2024.
        """;

    public DataFolderBuilder()
    {
        Root = Path.Combine(Path.GetTempPath(), "almanac-tests", Guid.NewGuid().ToString("N"), "data");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static DataFolderBuilder Valid() => new DataFolderBuilder()
        .With("metrics.yaml", Metrics)
        .With("entities/all.yaml", Entities)
        .With("sources/all.yaml", Sources)
        .With("facts/x.yaml", Fact);

    public DataFolderBuilder With(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public DataFolderBuilder WithBytes(string relative, byte[] content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return this;
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
