namespace Almanac.Tests.Cli;

/// <summary>Paths of the repository and of the public dataset snapshots kept beside it in <c>../shared/data</c>.</summary>
internal static class SharedDatasets
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ModelsDev => PathOf("models-dev/api.json");

    public static string LiteLlm => PathOf("litellm/model_prices_and_context_window.json");

    public static string Epoch => PathOf("epoch-ai/notable_ai_models_2026-01.csv");

    /// <summary>The folder of monthly OpenRouter <c>GET /api/v1/models</c> snapshots.</summary>
    public static string OpenRouterModels => PathOf("openrouter/models");

    public static string PathOf(string relative) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", relative));

    /// <summary>The built <c>almanac</c> assembly of the same configuration as these tests.</summary>
    public static string AlmanacDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepositoryRoot, "src", "Almanac.Cli", "bin", configuration, "net10.0", "almanac.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Almanac.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No folder holding Almanac.sln above " + AppContext.BaseDirectory);
    }
}
