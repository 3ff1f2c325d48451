using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record SchemeDto(int Id, int Year, string Name, CriterionDto[] Criteria);

public sealed record CriterionDto(int Id, string Code, string? ParentCode, string Title, decimal MaxPoints, bool EvidenceRequired, bool Leaf, int Depth);

public sealed record ResultDto(int Rank, string UnitCode, string UnitName, decimal Total, decimal MaxTotal, decimal Percent, string Classification, int NotAppraised);

public sealed record AppraisalRequest(string? UnitCode, string? CriterionCode, decimal? Score, string? Note);

public static class EvaluationApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/evaluation/schemes", Schemes).Doc("listEvaluationSchemes", "Các bộ tiêu chí đánh giá cải cách hành chính", "Yearly evaluation schemes.");
        group.MapGet("/reform/evaluation/schemes/{id:int}/results", Results).Doc("getEvaluationResults", "Kết quả đánh giá", "Self-assessment and appraisal scores per unit.");
        group.MapGet("/reform/evaluation/schemes/{id:int}/results.xlsx", Export).Doc("exportEvaluationResults", "Xuất kết quả đánh giá (Excel)", "Evaluation results as Excel.").ProducesFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        group.MapPost("/reform/evaluation/schemes/{id:int}/self-assessments", SelfAssess).Doc("submitSelfAssessment", "Gửi tự đánh giá", "A unit's self-assessment scores with evidence.").DisableAntiforgery().RequireAntiforgeryForCookies();
        group.MapPut("/reform/evaluation/schemes/{id:int}/appraisals", Appraise).Doc("saveAppraisal", "Thẩm định kết quả tự đánh giá", "The appraisal council's scores.");
        SchemesApi.Map(group);
    }

    private static async Task<Ok<SchemeDto[]>> Schemes(AppDbContext db, CancellationToken ct) => TypedResults.Ok(await ReadSchemes.SchemesAsync(db, ct));

    private static async Task<Results<Ok<ResultDto[]>, NotFound>> Results(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        await RankUnits.ResultsAsync(db, user, id, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound>> Export(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        await RankUnits.XlsxAsync(db, user, id, ct) is { } xlsx
            ? TypedResults.File(xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"xep-hang-cchc-{id}.xlsx")
            : TypedResults.NotFound();

    private static async Task<Results<NoContent, ValidationProblem, NotFound>> SelfAssess(
        int id, [FromForm] string? criterionCode, [FromForm] string? score, [FromForm] string? note, IFormFile? file,
        SelfAssessCriterion handler, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var value = decimal.TryParse(score?.Replace(',', '.'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
        return await handler.HandleAsync(id, new SelfAssessmentRequest(criterionCode, value, note, file), user, ct) switch
        {
            SelfAssessCriterion.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Dữ liệu chấm điểm không hợp lệ"]),
            SelfAssessCriterion.NotFound => TypedResults.NotFound(),
            _ => TypedResults.NoContent(),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem, NotFound, ForbidHttpResult>> Appraise(
        int id, AppraisalRequest body, AppraiseCriterion handler, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, body, user, ct) switch
        {
            AppraiseCriterion.Done => TypedResults.NoContent(),
            AppraiseCriterion.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Dữ liệu chấm điểm không hợp lệ"]),
            AppraiseCriterion.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };
}
