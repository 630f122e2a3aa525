using Almanac.Diagnostics;

namespace Almanac.Imports.Readers;

public static partial class EpochReader
{
    /// <summary>
    /// The columns read, each under every name Epoch AI has given it. Columns not listed are ignored;
    /// a missing optional column gives no values for its metric.
    /// </summary>
    private static readonly Column[] Columns =
    [
        new(ColumnId.Model, true, "Model"),
        new(ColumnId.Organization, true, "Organization"),
        new(ColumnId.PublicationDate, true, "Publication date"),
        new(ColumnId.Domain, true, "Domain"),
        new(ColumnId.Parameters, false, "Parameters"),
        new(ColumnId.ParametersNotes, false, "Parameters notes"),
        new(ColumnId.TrainingCompute, false, "Training compute (FLOP)"),
        new(ColumnId.TrainingDatasetSize, false, "Training dataset size (datapoints)", "Training dataset size (gradients)", "Training dataset size"),
        new(ColumnId.Accessibility, false, "Model accessibility"),
        new(ColumnId.Country, false, "Country (of organization)", "Country (from Organization)"),
    ];

    private enum ColumnId
    {
        Model,
        Organization,
        PublicationDate,
        Domain,
        Parameters,
        ParametersNotes,
        TrainingCompute,
        TrainingDatasetSize,
        Accessibility,
        Country,
    }

    private sealed record Column(ColumnId Id, bool Required, params string[] Names);

    /// <summary>Where each known column sits in one file's header.</summary>
    private sealed class Header
    {
        private readonly Dictionary<ColumnId, (int Index, string Name)> _positions = [];

        public static Header Read(string[] fields, string fileName)
        {
            var header = new Header();
            var names = fields.Select(f => DatasetValues.CollapseWhitespace(f)).ToArray();
            foreach (var column in Columns)
            {
                var matches = names
                    .Select((name, index) => (Name: name, Index: index))
                    .Where(n => column.Names.Contains(n.Name, StringComparer.OrdinalIgnoreCase))
                    .ToList();
                if (matches.Count > 1)
                {
                    throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.AtLine(1),
                        $"column '{column.Names[0]}' appears more than once (columns {string.Join(" and ", matches.Select(m => m.Index + 1))})"));
                }

                if (matches.Count == 1)
                {
                    header._positions[column.Id] = (matches[0].Index, matches[0].Name);
                }
                else if (column.Required)
                {
                    var also = column.Names.Length > 1 ? $" (or {string.Join(", ", column.Names.Skip(1).Select(n => $"'{n}'"))})" : string.Empty;
                    throw new DiagnosticException(Diagnostic.Invalid(fileName, DiagnosticLocation.AtLine(1),
                        $"missing required column '{column.Names[0]}'{also}; found: {string.Join(", ", names)}"));
                }
            }

            return header;
        }

        public bool Has(ColumnId id) => _positions.ContainsKey(id);

        public int IndexOf(ColumnId id) => _positions[id].Index;

        public string NameOf(ColumnId id) => _positions[id].Name;
    }
}
