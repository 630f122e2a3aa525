using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Almanac.Web.Api;

/// <summary>
/// The endpoints that change the store, each behind the <c>X-Api-Key</c> header: without a
/// configured key they answer 403, with a wrong one 401.
/// </summary>
public static class WriteApi
{
    public static IEndpointRouteBuilder MapWriteApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Writes").AddEndpointFilter<ApiKeyFilter>();
        group.MapPost("/import/{dataset}", Import).WithName("ImportDataset")
            .Accepts<string>("application/json", "text/csv", "application/octet-stream", "multipart/form-data")
            .WithSummary("Import one dataset snapshot (models-dev, models-dev-labs, litellm, epoch): the body is the dataset file; all or nothing.");
        return app;
    }

    internal static async Task<Results<Ok<ImportResultDto>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request,
        KnowledgeHost host,
        WebSettings settings,
        TimeProvider clock,
        string dataset,
        string? snapshotDate,
        string? snapshotVersion,
        string? fileName,
        CancellationToken cancellation)
    {
        var query = new QueryReader();
        var definition = Datasets.Find(dataset);
        if (definition is null)
        {
            return Problems.NotFound($"unknown dataset '{dataset}'; expected one of {string.Join(", ", Datasets.All.Select(d => d.Code))}");
        }

        var date = query.Date("snapshotDate", snapshotDate);
        if (query.HasErrors)
        {
            return Problems.Invalid(query);
        }

        var upload = await RequestBody.ReadAsync(request, settings.ImportMaxBytes, cancellation);
        if (upload is null)
        {
            return Problems.TooLarge(settings.ImportMaxBytes);
        }

        if (upload.Bytes.Length == 0)
        {
            return Problems.Invalid("body", "the body is empty; send the dataset file");
        }

        var info = new SnapshotInfo
        {
            Date = date,
            Version = snapshotVersion,
            LastWritten = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
        };
        try
        {
            using var stream = new MemoryStream(upload.Bytes, writable: false);
            var snapshot = definition.Read(stream, fileName ?? upload.FileName ?? definition.Code, info);
            var summary = host.Import(snapshot);
            return TypedResults.Ok(new ImportResultDto(definition.Code, snapshot.Version, SourceDto.Day(snapshot.Date), summary.Added, summary.Unchanged, summary.NewEntities, summary.Unresolved));
        }
        catch (ImportException e)
        {
            return TypedResults.Problem(detail: $"{e.Error}; nothing was imported", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Dataset could not be imported");
        }
    }
}
