using System.Security.Cryptography;
using System.Text;
using Almanac.Diagnostics;
using Almanac.Knowledge;
using Almanac.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Almanac.DataFiles;

/// <summary>
/// The curated data folder: <c>metrics.yaml</c>, <c>entities/</c>, <c>sources/</c>, <c>facts/</c>.
/// Reading it is all or nothing: any error in any file yields diagnostics and no knowledge base.
/// </summary>
public static class DataFolder
{
    /// <summary>The data files under <paramref name="root"/>, in a stable order.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        var files = new List<string>();
        var metrics = Path.Combine(root, "metrics.yaml");
        if (File.Exists(metrics))
        {
            files.Add(metrics);
        }

        foreach (var folder in new[] { "entities", "sources", "facts" })
        {
            var dir = Path.Combine(root, folder);
            if (Directory.Exists(dir))
            {
                files.AddRange(Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories)
                    .Order(StringComparer.Ordinal));
            }
        }

        return files;
    }

    /// <summary>A hash of every data file's relative path and bytes: cheap to compute, equal for equal data.</summary>
    public static string Fingerprint(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files(root))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/')));
            hash.AppendData([0]);
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Reads and checks every data file under <paramref name="root"/>. Paths in diagnostics are
    /// relative to <paramref name="displayBase"/> (by default the folder above <paramref name="root"/>,
    /// so they read <c>data/facts/x.yaml:42:7</c>).
    /// </summary>
    public static LoadResult Load(string root, string? displayBase = null)
    {
        root = Path.GetFullPath(root);
        displayBase ??= Path.GetDirectoryName(root) ?? root;
        var diagnostics = new List<Diagnostic>();
        if (!File.Exists(Path.Combine(root, "metrics.yaml")))
        {
            diagnostics.Add(Diagnostic.Invalid(Display(Path.Combine(root, "metrics.yaml"), displayBase), DiagnosticLocation.At(1, 1), "missing: a data folder needs metrics.yaml"));
            return new LoadResult(null, diagnostics, string.Empty, 0);
        }

        var files = Files(root);
        var documents = new List<(string Folder, YamlNodes Nodes, YamlSequenceNode Entries)>();
        foreach (var file in files)
        {
            var nodes = new YamlNodes(Display(file, displayBase), diagnostics);
            var entries = ReadSequence(file, nodes);
            if (entries is not null)
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                var folder = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : "metrics";
                documents.Add((folder, nodes, entries));
            }
        }

        var reader = new KnowledgeReader();
        foreach (var (folder, nodes, entries) in documents.Where(d => d.Folder == "metrics"))
        {
            reader.ReadMetrics(nodes, entries);
        }

        foreach (var (folder, nodes, entries) in documents.Where(d => d.Folder == "entities"))
        {
            reader.ReadEntities(nodes, entries);
        }

        foreach (var (folder, nodes, entries) in documents.Where(d => d.Folder == "sources"))
        {
            reader.ReadSources(nodes, entries);
        }

        reader.CheckMetricReferences();
        reader.CheckEntityReferences();
        foreach (var (folder, nodes, entries) in documents.Where(d => d.Folder == "facts"))
        {
            reader.ReadFacts(nodes, entries);
        }

        var knowledge = diagnostics.Count == 0 ? reader.Build() : null;
        return new LoadResult(knowledge, diagnostics, knowledge is null ? string.Empty : Fingerprint(root), files.Count);
    }

    private static YamlSequenceNode? ReadSequence(string file, YamlNodes nodes)
    {
        if (!StrictUtf8.TryDecode(File.ReadAllBytes(file), out var text, out var invalidAt))
        {
            nodes.Error(invalidAt.Line, invalidAt.Column, DiagnosticMessages.NotUtf8.Template);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            // The node model is built recursively, so a hostile depth would overflow the stack and
            // end the process (a running server with it): measure the depth on the flat event stream first.
            if (TooDeep(text) is { } deep)
            {
                nodes.Error(deep, DiagnosticMessages.TooDeep, MaximumDepth, "data files need only a few");
                return null;
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            nodes.Error(e.Start, DiagnosticMessages.InvalidYaml, StripPosition(message));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents[0].RootNode is YamlSequenceNode sequence)
        {
            return sequence;
        }

        nodes.Error(stream.Documents[0].RootNode, "expected a list of entries ('- id: …')");
        return null;
    }

    /// <summary>Far deeper than any data file goes (four levels), far shallower than what overflows a thread's stack.</summary>
    private const int MaximumDepth = 64;

    /// <summary>Where the YAML first opens a mapping or sequence <see cref="MaximumDepth"/> levels deep, or null.</summary>
    private static Mark? TooDeep(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (++depth > MaximumDepth)
                    {
                        return parser.Current.Start;
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: …) - (…): ": the diagnostic says that already.
    private static string StripPosition(string message)
    {
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && marker > 0 ? message[(marker + 3)..] : message;
    }

    private static string Display(string file, string displayBase) =>
        Path.GetRelativePath(displayBase, file).Replace('\\', '/');
}
