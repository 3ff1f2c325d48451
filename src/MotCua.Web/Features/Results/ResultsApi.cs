using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Results;

public static class ResultsApi
{
    public static IHostApplicationBuilder AddResults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ElectronicResults>();
        builder.Services.AddScoped<Dossiers.IResultSigner, SignRecordedResult>();
        builder.Services.AddScoped<Signing.IIssuedFiles, IssuedResults>();
        return builder;
    }

    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dossiers/{code}").WithTags("Results").RequireAuthorization();
        group.MapGet("/result", Info).Doc("getDossierResult", "Kết quả giải quyết hồ sơ", "The result of a dossier.");
        group.MapGet("/result.pdf", Download).Doc("downloadDossierResult", "Tải kết quả (PDF đã ký số)", "The signed result file.").ProducesProblem(StatusCodes.Status409Conflict).ProducesFile("application/pdf");
        group.MapPost("/result-delivery", RequestPost).Doc("deliverDossierResult", "Trả kết quả", "Records the hand-over of the result (desk, post or online).").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<ResultInfo>, NotFound>> Info(string code, ElectronicResults results, ClaimsPrincipal user, CancellationToken ct) =>
        await results.InfoAsync(code, user, ct) is { } info ? TypedResults.Ok(info) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> Download(
        string code, ElectronicResults results, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await results.DownloadAsync(code, user, ct) switch
        {
            ElectronicResults.File(var bytes, var name) => TypedResults.File(bytes, "application/pdf", name),
            ElectronicResults.Conflict(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: t["Chưa thể tải kết quả"]),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<ResultInfo>, NotFound, ValidationProblem, ProblemHttpResult>> RequestPost(
        string code, PostalRequest body, ElectronicResults results, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await results.RequestPostAsync(code, body, user, ct) switch
        {
            ElectronicResults.Recorded(var info) => TypedResults.Ok(info),
            ElectronicResults.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Yêu cầu không hợp lệ"]),
            ElectronicResults.Conflict(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };
}
