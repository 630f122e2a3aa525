using System.Text;

namespace Almanac.Checking.Reports;

/// <summary>A Markdown report: the summary, then every figure with its verdict, reason and evidence.</summary>
public static class MarkdownReport
{
    public static string Write(CheckReport report)
    {
        var md = new StringBuilder();
        md.Append("# Figures checked: ").AppendLine(Escape(report.Document)).AppendLine();
        md.AppendLine("| verdict | figures |").AppendLine("|---|---:|");
        foreach (var verdict in VerdictCodes.ReportOrder)
        {
            md.Append("| ").Append(verdict.ToCode()).Append(" | ").Append(report.Summary[verdict]).AppendLine(" |");
        }

        md.AppendLine();
        foreach (var note in report.Skipped)
        {
            md.Append("- not read: ").AppendLine(Escape(note));
        }

        if (report.Skipped.Count > 0)
        {
            md.AppendLine();
        }

        foreach (var verdict in VerdictCodes.ReportOrder)
        {
            var judgements = report.Judgements.Where(j => j.Verdict == verdict).ToList();
            if (judgements.Count == 0)
            {
                continue;
            }

            md.Append("## ").Append(verdict.ToCode()).Append(" (").Append(judgements.Count).AppendLine(")").AppendLine();
            foreach (var j in judgements)
            {
                md.Append("- **").Append(Escape(j.Claim.Text)).Append("** (line ").Append(j.Claim.Span.Line)
                    .Append(", column ").Append(j.Claim.Span.Column).Append("): ").AppendLine(Escape(j.Reason));
                foreach (var e in j.Evidence)
                {
                    md.Append("  - ").Append(e.Kind).Append(": ").Append(Escape(e.Text));
                    if (e.Source is not null)
                    {
                        md.Append(" — ").Append(e.Url is null ? Escape(e.Source) : $"[{Escape(e.Source)}]({e.Url})");
                    }

                    md.AppendLine();
                }
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    // The document's own text goes into this report: keep it from turning into Markdown or HTML.
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#')
            {
                escaped.Append('\\');
            }

            escaped.Append(c is '\r' or '\n' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
