using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Almanac.Checking.Reports;

/// <summary>The index of a folder check: one row per note with its counts and a link to its report.</summary>
public static class FolderIndex
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="rows">Each note with the relative path of its report, its result, or why it could not be checked.</param>
    public static string Write(IReadOnlyList<(string Note, string Report, CheckReport? Result, string? Error)> rows, string format) => format switch
    {
        "json" => JsonSerializer.Serialize(
            rows.Select(r => new
            {
                note = r.Note,
                report = r.Result is null ? null : r.Report,
                error = r.Error,
                summary = r.Result?.Summary.ToDictionary(kv => kv.Key.ToCode(), kv => kv.Value),
            }),
            JsonOptions),
        "md" => Markdown(rows),
        _ => Html(rows),
    };

    private static string Markdown(IReadOnlyList<(string Note, string Report, CheckReport? Result, string? Error)> rows)
    {
        var md = new StringBuilder("# Notes checked\n\n| note | ");
        md.AppendJoin(" | ", VerdictCodes.ReportOrder.Select(v => v.ToCode())).Append(" |\n|---|");
        md.Append(string.Concat(Enumerable.Repeat("---:|", VerdictCodes.ReportOrder.Count))).Append('\n');
        foreach (var (note, report, result, error) in rows)
        {
            md.Append("| ").Append(result is null ? MarkdownReport.Escape(note) : $"[{MarkdownReport.Escape(note)}]({Uri.EscapeDataString(report).Replace("%2F", "/", StringComparison.Ordinal)})");
            foreach (var verdict in VerdictCodes.ReportOrder)
            {
                md.Append(" | ").Append(result?.Summary[verdict].ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–");
            }

            md.Append(" |");
            if (error is not null)
            {
                md.Append(' ').Append(MarkdownReport.Escape(error));
            }

            md.Append('\n');
        }

        return md.ToString();
    }

    private static string Html(IReadOnlyList<(string Note, string Report, CheckReport? Result, string? Error)> rows)
    {
        var html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Notes checked</title>
            <style>body{font:15px/1.5 system-ui,sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 10px;text-align:right}td:first-child,th:first-child{text-align:left}.error{color:#a00}</style>
            </head><body><h1>Notes checked</h1><table><thead><tr><th>note</th>
            """);
        foreach (var verdict in VerdictCodes.ReportOrder)
        {
            html.Append("<th>").Append(verdict.ToCode()).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var (note, report, result, error) in rows)
        {
            html.Append("<tr><td>");
            if (result is null)
            {
                html.Append(WebUtility.HtmlEncode(note)).Append(" <span class=\"error\">").Append(WebUtility.HtmlEncode(error ?? string.Empty)).Append("</span>");
            }
            else
            {
                html.Append("<a href=\"").Append(WebUtility.HtmlEncode(Uri.EscapeDataString(report).Replace("%2F", "/", StringComparison.Ordinal))).Append("\">")
                    .Append(WebUtility.HtmlEncode(note)).Append("</a>");
            }

            html.Append("</td>");
            foreach (var verdict in VerdictCodes.ReportOrder)
            {
                html.Append("<td>").Append(result?.Summary[verdict].ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–").Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></body></html>\n").ToString();
    }
}
