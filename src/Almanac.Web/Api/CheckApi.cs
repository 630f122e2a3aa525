using System.Reflection;
using System.Text;
using Almanac.Checking;
using Almanac.Checking.Reports;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.Metadata;

namespace Almanac.Web.Api;

/// <summary><c>POST /api/check</c>: a note in, every figure in it judged against the knowledge base, as <c>almanac check --format json</c> prints it.</summary>
public static class CheckApi
{

    public static IEndpointRouteBuilder MapCheckApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/check").WithTags("Check")
            .MapPost("/", Check).WithName("CheckDocument")
            .Accepts<string>("text/plain", "text/markdown", "multipart/form-data")
            .WithSummary("Check a Markdown or text note (the body, or the first file of a form): the JSON report of 'almanac check --format json'; 503 when the check passes the time limit.");
        return app;
    }

    internal static async Task<Results<CheckReportResult, ValidationProblem, ProblemHttpResult>> Check(
        HttpRequest request, KnowledgeHost host, WebSettings settings, [AsParameters] CheckQuery query, CancellationToken cancellation)
    {
        var language = (query.Lang ?? new Code<NoteLanguage>(NoteLanguage.Auto)).ToString();
        var date = query.AsOf;
        var name = query.Name;

        if (!RequestBody.IsText(request))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "text/plain, text/markdown or multipart/form-data with a file");
        }

        var read = await RequestBody.ReadAsync(request, settings.CheckMaxBytes, cancellation);
        if (read.Upload is not { } upload)
        {
            return Problems.Unread(read);
        }

        if (upload.Bytes.Length == 0)
        {
            return Problems.Invalid("body", "the body is empty; send the note as text, or as a form's file");
        }

        var checker = host.Snapshot().Checker;
        var result = LimitedCheck.Run(checker, upload, name ?? upload.FileName ?? "(request)", new CheckOptions(date, language), settings, request.HttpContext.RequestAborted);
        return result switch
        {
            { Stopped: CheckStopped.TimeLimit } => Problems.CheckTimedOut(upload, settings.CheckTimeLimit),
            { Stopped: CheckStopped.ClientGone } => Problems.ClientClosedRequest(),
            { Outcome.Report: { } report } => new CheckReportResult(report),
            _ => Problems.Invalid("body", result.Outcome!.Error!.ToString()),
        };
    }
}

/// <summary>The check report, written exactly as <see cref="JsonReport"/> writes it.</summary>
public sealed class CheckReportResult : IResult, IEndpointMetadataProvider
{
    private readonly CheckReport _report;

    internal CheckReportResult(CheckReport report) => _report = report;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        return httpContext.Response.WriteAsync(JsonReport.Write(_report), Encoding.UTF8, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(string), ["application/json"]));
    }
}

/// <summary>How to read a note sent to <c>/api/check</c>: its language, the date to judge it as of, and the name its report gives it.</summary>
public readonly record struct CheckQuery(
    [FromQuery(Name = "lang")] Code<NoteLanguage>? Lang,
    [FromQuery(Name = "asOf")] DateOnly? AsOf,
    [FromQuery(Name = "name")] string? Name);
