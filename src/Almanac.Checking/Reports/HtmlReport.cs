using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Almanac.Checking.Reports;

/// <summary>
/// A self-contained HTML report (no scripts or styles from elsewhere, so it works offline): the
/// summary, then the document with every figure highlighted by verdict; hovering a figure shows
/// its reason, clicking it shows the evidence. Everything from the document is HTML-encoded, and
/// the evidence travels as JSON whose &lt; and &gt; are escaped, so a note cannot inject markup or script.
/// </summary>
public static class HtmlReport
{
    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>The report as a whole, self-contained page.</summary>
    public static string Write(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(report.Text.Length * 2);
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>
            """).Append(Encode("Almanac check: " + report.Document)).Append("</title>\n<style>").Append(Style).Append("</style></head><body>\n");
        html.Append(Body(report));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The report as a fragment for a page of one's own (which must also include <see cref="Style"/>):
    /// the summary, the annotated text, the evidence panel and its script.
    /// </summary>
    public static string Body(CheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(report.Text.Length * 2);
        html.Append("<header class=\"check-header\"><h1>Figures checked</h1><p class=\"doc\">").Append(Encode(report.Document)).Append("</p><ul class=\"summary\">");
        foreach (var verdict in VerdictCodes.ReportOrder)
        {
            html.Append("<li class=\"v-").Append(verdict.ToCode()).Append("\"><b>").Append(report.Summary[verdict]).Append("</b> ").Append(verdict.ToCode()).Append("</li>");
        }

        html.Append("</ul>");
        foreach (var note in report.Skipped)
        {
            html.Append("<p class=\"skipped\">not read: ").Append(Encode(note)).Append("</p>");
        }

        html.Append("<p class=\"hint\">Hover a highlighted figure for the verdict; click it for the evidence.</p></header>\n<main class=\"check-main\"><pre class=\"document\">");
        AppendDocument(html, report);
        html.Append("</pre><aside id=\"details\" hidden><button type=\"button\" id=\"close\" aria-label=\"close\">×</button><div id=\"body\"></div></aside></main>\n");
        html.Append("<script type=\"application/json\" id=\"claims\">").Append(ClaimsJson(report)).Append("</script>\n");
        html.Append("<script>").Append(Script).Append("</script>\n");
        return html.ToString();
    }

    private static void AppendDocument(StringBuilder html, CheckReport report)
    {
        var text = report.Text;
        var position = 0;
        var ordered = report.Judgements.Select((j, i) => (Judgement: j, Index: i)).OrderBy(x => x.Judgement.Claim.Span.Offset).ToList();
        foreach (var (judgement, index) in ordered)
        {
            var span = judgement.Claim.Span;
            if (span.Offset < position || span.Offset + span.Length > text.Length)
            {
                continue; // overlapping or outside the text: listed in the summary data, not highlighted twice
            }

            html.Append(Encode(text[position..span.Offset]));
            html.Append("<mark class=\"v-").Append(judgement.Verdict.ToCode()).Append("\" data-i=\"").Append(index)
                .Append("\" tabindex=\"0\" title=\"").Append(Encode($"{judgement.Verdict.ToCode()}: {judgement.Reason}")).Append("\">")
                .Append(Encode(text.Substring(span.Offset, span.Length))).Append("</mark>");
            position = span.Offset + span.Length;
        }

        html.Append(Encode(text[position..]));
    }

    private static string ClaimsJson(CheckReport report) => JsonSerializer.Serialize(
        report.Judgements.Select(j => new
        {
            text = j.Claim.Text,
            line = j.Claim.Span.Line,
            column = j.Claim.Span.Column,
            verdict = j.Verdict.ToCode(),
            reason = j.Reason,
            entity = j.Claim.EntityId,
            metric = j.Claim.MetricId,
            period = j.Claim.Period?.ToString(),
            context = j.Claim.Context,
            evidence = j.Evidence.Select(e => new { kind = e.Kind, text = e.Text, source = e.Source, url = e.Url }),
        }),
        JsonOptions);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>The styles <see cref="Body"/> needs.</summary>
    public const string Style = """
        body{font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;color:#1d232a;background:#fafafa}
        .check-header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
        h1{font-size:20px;margin:0 0 4px}.doc{color:#555;margin:0 0 8px}.hint{color:#777;font-size:13px;margin:6px 0 0}
        .summary{list-style:none;display:flex;flex-wrap:wrap;gap:8px;padding:0;margin:0}
        .summary li{padding:3px 10px;border-radius:12px}
        .check-main{display:flex;gap:16px;padding:16px 24px;align-items:flex-start}
        .document{white-space:pre-wrap;word-break:break-word;font:inherit;background:#fff;border:1px solid #ddd;padding:16px;margin:0;flex:1;min-width:0}
        mark{border-radius:3px;padding:0 1px;cursor:pointer}
        .v-supported{background:#d7f5dd}.v-contradicted{background:#ffd5d2}.v-inconsistent{background:#ffe3b3}
        .v-disputed{background:#e6dcff}.v-unverifiable{background:#ececec}
        #details{position:sticky;top:16px;width:360px;background:#fff;border:1px solid #ddd;padding:12px 16px;max-height:90vh;overflow:auto}
        #details h2{font-size:16px;margin:0 0 6px}#details ul{padding-left:18px}#details .kind{font-size:12px;color:#666;text-transform:uppercase}
        #close{float:right;border:0;background:none;font-size:20px;cursor:pointer}
        """;

    // Builds the evidence panel with DOM text nodes only: nothing from the document is parsed as HTML.
    private const string Script = """
        (function(){
          var claims=JSON.parse(document.getElementById('claims').textContent);
          var panel=document.getElementById('details'),body=document.getElementById('body');
          function el(tag,text,cls){var e=document.createElement(tag);if(text!=null)e.textContent=text;if(cls)e.className=cls;return e;}
          function show(i){
            var c=claims[i];body.replaceChildren();
            body.appendChild(el('h2',c.text));
            body.appendChild(el('p',c.verdict+': '+c.reason,'v-'+c.verdict));
            body.appendChild(el('p','Line '+c.line+', column '+c.column+(c.context?' · '+c.context:'')));
            var list=el('ul');
            c.evidence.forEach(function(e){
              var li=el('li');li.appendChild(el('span',e.kind+' ','kind'));li.appendChild(document.createTextNode(e.text));
              if(e.source){li.appendChild(document.createTextNode(' — '));
                if(e.url&&/^https?:\/\//.test(e.url)){var a=el('a',e.source);a.href=e.url;a.rel='noopener noreferrer';li.appendChild(a);}
                else li.appendChild(document.createTextNode(e.source));}
              list.appendChild(li);});
            if(c.evidence.length)body.appendChild(list);
            panel.hidden=false;}
          document.querySelectorAll('mark[data-i]').forEach(function(m){
            m.addEventListener('click',function(){show(+m.dataset.i);});
            m.addEventListener('keydown',function(e){if(e.key==='Enter')show(+m.dataset.i);});});
          document.getElementById('close').addEventListener('click',function(){panel.hidden=true;});
        })();
        """;
}
