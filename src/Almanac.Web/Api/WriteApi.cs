using Almanac.DataFiles;
using Almanac.Diagnostics;
using Almanac.Imports;
using Almanac.Imports.Readers;
using Almanac.Web.Infrastructure;
using Almanac.Web.Knowledge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        group.MapPost("/facts", AddFact).WithName("AddFact")
            .Accepts<NewFactDto>("application/json")
            .WithSummary("Add one sourced fact (and its source, when new) to the curated data files, checked with the whole data folder first; the store loads it at once.");
        return app;
    }

    internal static async Task<Results<Created<AddedFactDto>, ValidationProblem, ProblemHttpResult>> AddFact(HttpRequest request, KnowledgeHost host, CancellationToken cancellation)
    {
        var (read, unreadable) = await JsonBody.ReadAsync<NewFactDto>(request, "a JSON object describing one fact (see docs/api.md)", cancellation);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var body = read!;
        var query = new QueryReader();
        Require(query, "entity", body.Entity);
        Require(query, "metric", body.Metric);
        Require(query, "period", body.Period);
        Require(query, "unit", body.Unit);
        Require(query, "obtained", body.Obtained);
        Require(query, "quote", body.Quote);
        if (body.Value is not { ValueKind: not System.Text.Json.JsonValueKind.Undefined and not System.Text.Json.JsonValueKind.Null })
        {
            query.Fail("value", "required: a number, [low, high], or a date or text");
        }

        if (string.IsNullOrWhiteSpace(body.Source) == (body.NewSource is null))
        {
            query.Fail("source", "give either 'source' (the id of a known source) or 'newSource' (publisher, title, url, published, kind)");
        }

        if (query.HasErrors)
        {
            return Problems.Invalid(query);
        }

        var source = body.NewSource is { } n ? new NewSource(n.Id ?? string.Empty, n.Publisher ?? string.Empty, n.Title ?? string.Empty, n.Url ?? string.Empty, n.Published ?? string.Empty, n.Kind ?? string.Empty, n.Licence) : null;
        var fact = new NewFact(
            body.Entity!, body.Metric!, body.Period!, body.Value!.Value, body.Unit!, body.Obtained!, source?.Id ?? body.Source!, body.Quote!, body.Scope, body.Qualifier, body.Sample, body.Note);
        var result = host.AddFact(fact, source);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [.. result.Diagnostics.Select(d => d.ToString())] },
                detail: "The fact was not added: the data files would not load with it. Nothing was written.");
        }

        return TypedResults.Created(
            $"/api/facts?entity={Uri.EscapeDataString(fact.Entity)}&metric={Uri.EscapeDataString(fact.Metric)}",
            new AddedFactDto(fact.Entity, fact.Metric, fact.Period, $"{result.File}:{result.Line}"));
    }

    private static void Require(QueryReader query, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            query.Fail(field, "required");
        }
    }

    internal static async Task<Results<Ok<ImportResultDto>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request,
        KnowledgeHost host,
        WebSettings settings,
        TimeProvider clock,
        string dataset,
        [AsParameters] ImportQuery query,
        CancellationToken cancellation)
    {
        var definition = Datasets.Find(dataset);
        if (definition is null)
        {
            return Problems.NotFound($"unknown dataset '{dataset}'; expected one of {string.Join(", ", Datasets.All.Select(d => d.Code))}");
        }

        var (date, snapshotVersion, fileName) = (query.SnapshotDate, query.SnapshotVersion, query.FileName);

        var read = await RequestBody.ReadAsync(request, settings.ImportMaxBytes, cancellation);
        if (read.Upload is not { } upload)
        {
            return Problems.Unread(read);
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
            var snapshots = definition.Read(DatasetInput.FromStream(fileName ?? upload.FileName ?? definition.Code, stream, info.LastWritten), info);
            if (snapshots.Count == 0)
            {
                return Problems.Invalid("body", $"the upload holds no {definition.Code} snapshot");
            }

            var summary = host.Import(snapshots);
            var snapshot = snapshots[^1];
            return TypedResults.Ok(new ImportResultDto(definition.Code, snapshots.Count == 1 ? snapshot.Version : $"{snapshots[0].Version} … {snapshot.Version}", SourceDto.Day(snapshot.Date), summary.Added, summary.Unchanged, summary.NewEntities, summary.Unresolved));
        }
        catch (DiagnosticException e)
        {
            return Problems.Unprocessable([e.Diagnostic], "Dataset could not be imported", "nothing was imported");
        }
    }
}

/// <summary>What an upload to <c>/api/import/{dataset}</c> says about its snapshot, and the file name to read it by.</summary>
public readonly record struct ImportQuery(
    [FromQuery(Name = "snapshotDate")] DateOnly? SnapshotDate,
    [FromQuery(Name = "snapshotVersion")] string? SnapshotVersion,
    [FromQuery(Name = "fileName")] string? FileName);
