using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Import;

public static class ImportApi
{
    /// <summary>POST /api/v1/dossiers/import: historical dossiers as application/x-ndjson, streamed (administrators).</summary>
    public static RouteGroupBuilder MapDossierImportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dossiers/import").WithTags("Indicators").RequireAuthorization(AccountsSetup.AdminPolicy);
        group.MapPost("/", Import).Doc("importDossiers", "Nhập hồ sơ lịch sử", "Imports historical dossiers (idempotent).").DisableAntiforgery();
        return group;
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Import(
        HttpRequest request, ImportDossiers importer, IConfiguration config, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (request.ContentType?.Split(';')[0].Trim() is not ("application/x-ndjson" or "application/jsonl" or "application/json-seq"))
        {
            return TypedResults.Problem(t["Cần gửi dữ liệu dạng application/x-ndjson, mỗi dòng một hồ sơ."], statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body);
        // Lines per transaction: a crash loses at most the batch in flight, which a rerun of the same file imports.
        var batch = Math.Max(1, config.GetValue("Import:BatchSize", ImportDossiers.DefaultBatchSize));
        return TypedResults.Ok(await importer.RunAsync(reader, "Nhập dữ liệu lịch sử qua API", ct, batch));
    }
}
