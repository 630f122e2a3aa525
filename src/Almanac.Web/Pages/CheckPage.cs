using System.Text;
using Almanac.Checking;
using Almanac.Checking.Reports;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;

namespace Almanac.Web.Pages;

/// <summary><c>/check</c>: paste or upload a note and see every figure annotated, as in the HTML report of <c>almanac check</c>.</summary>
internal static class CheckPage
{
    public static IEndpointRouteBuilder MapCheckPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/check", (HttpRequest request) =>
        {
            var page = PageContext.Of(request);
            return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, null)));
        }).ExcludeFromDescription();

        // Checking reads the store and changes nothing, so a cross-site post can do no harm: no antiforgery token is needed.
        app.MapPost("/check", async (HttpRequest request, KnowledgeHost host, WebSettings settings, CancellationToken cancellation) =>
        {
            var page = PageContext.Of(request);
            if (!request.HasFormContentType)
            {
                return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, page.T("Send the note from this page's form.", "请通过本页表单提交。"))));
            }

            var read = await RequestBody.ReadAsync(request, settings.CheckMaxBytes, cancellation);
            if (read.Fault == BodyFault.TooLarge)
            {
                var limit = settings.CheckMaxBytes / (1024 * 1024);
                return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, page.T($"The note is larger than {limit} MB.", $"文档超过 {limit} MB。"))));
            }

            if (read.Fault == BodyFault.MalformedForm)
            {
                return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, page.T("The form could not be read; choose the file again.", "无法读取表单，请重新选择文件。"))));
            }

            if (read.Upload is not { } upload)
            {
                return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, page.T("Paste a note or choose a file first.", "请先粘贴文本或选择文件。"))));
            }

            if (upload.Bytes.Length == 0)
            {
                return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, page.T("Paste a note or choose a file first.", "请先粘贴文本或选择文件。"))));
            }

            var result = LimitedCheck.Run(host.Snapshot().Checker, upload, upload.FileName ?? page.T("pasted note", "粘贴的文本"), CheckOptions.Default, settings, request.HttpContext.RequestAborted);
            if (result.Stopped == CheckStopped.ClientGone)
            {
                return Results.StatusCode(StatusCodes.Status499ClientClosedRequest);
            }

            if (result.Stopped == CheckStopped.TimeLimit)
            {
                var (bytes, lines) = LimitedCheck.SizeOf(upload);
                var seconds = LimitedCheck.Seconds(settings.CheckTimeLimit);
                var message = page.T(
                    $"Checking this note ({bytes:N0} bytes, {lines:N0} lines) did not finish within the time limit of {seconds} s. Check it in parts, or with almanac check.",
                    $"这篇文档（{bytes:N0} 字节，{lines:N0} 行）未能在 {seconds} 秒的时限内核查完毕。请分段核查，或使用 almanac check 命令。");
                return Results.Content(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, message)), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
            }

            if (result.Outcome!.Report is not { } report)
            {
                return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), Form(page, result.Outcome.Error?.ToString())));
            }

            var body = new StringBuilder();
            body.Append("<p><a href=\"").Append(page.Href("/check")).Append("\">").Append(page.T("← Check another note", "← 核查另一篇")).Append("</a></p>\n");
            body.Append("<div class=\"check\">").Append(HtmlReport.Body(report)).Append("</div>\n");
            return PageLayout.Html(PageLayout.Render(page, "/check", page.T("Check", "核查"), body.ToString(), extraStyle: HtmlReport.Style));
        }).ExcludeFromDescription();
        return app;
    }

    private static string Form(PageContext page, string? error)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(page.T("Check a note", "核查一篇文档")).Append("</h1>\n<p class=\"lead\">")
            .Append(page.T(
                "Paste a research note or article (Markdown or plain text, Chinese or English) or choose a file. Every figure is found and judged against the knowledge base and against arithmetic.",
                "粘贴研究笔记或文章（Markdown 或纯文本，中文或英文），或选择文件。系统会找出每个数字，并对照知识库与算术逐一核查。"))
            .Append("</p>\n");
        if (error is not null)
        {
            body.Append("<p class=\"error\" role=\"alert\">").Append(PageContext.E(error)).Append("</p>\n");
        }

        body.Append("<form method=\"post\" action=\"").Append(page.Href("/check")).Append("\" enctype=\"multipart/form-data\" id=\"check-form\">\n")
            .Append("<textarea name=\"text\" id=\"note\" placeholder=\"").Append(page.T("Anthropic holds 32% of enterprise LLM API usage…", "Anthropic 占据了企业大模型 API 使用量的 32%……")).Append("\"></textarea>\n")
            .Append("<p><label>").Append(page.T("or a file: ", "或选择文件：")).Append("<input type=\"file\" name=\"file\" id=\"file\" accept=\".md,.markdown,.txt,.text,text/plain,text/markdown\"></label></p>\n")
            .Append("<button type=\"submit\">").Append(page.T("Check the figures", "核查数字")).Append("</button>\n</form>\n");
        return body.ToString();
    }
}
