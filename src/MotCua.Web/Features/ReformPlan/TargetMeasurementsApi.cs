using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Figures entered by hand for plan targets, each with its evidence file (ADR 0015).</summary>
public static class TargetMeasurementsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/plans/{id:int}/targets/{targetId:int}/measurements", List).Doc("listTargetMeasurements", "Các lần đo chỉ tiêu", "Measurements recorded for a target.");
        group.MapPost("/plans/{id:int}/targets/{targetId:int}/measurements", Add).Doc("addTargetMeasurement", "Ghi nhận kết quả đo chỉ tiêu", "Records a measurement with evidence.").DisableAntiforgery().RequireAntiforgeryForCookies();
        group.MapGet("/plans/{id:int}/targets/{targetId:int}/measurements/{measurementId:int}/evidence", Evidence).Doc("downloadMeasurementEvidence", "Tải minh chứng của lần đo", "Downloads a measurement's evidence.").ProducesFile("application/octet-stream");
    }

    private static async Task<Results<Ok<MeasurementDto[]>, NotFound>> List(int id, int targetId, AppDbContext db, CancellationToken ct) =>
        await db.PlanTargets.AnyAsync(x => x.Id == targetId && x.PlanId == id, ct)
            ? TypedResults.Ok(await ListTargetMeasurements.HistoryAsync(db, id, targetId, ct))
            : TypedResults.NotFound();

    private static async Task<Results<Created<MeasurementDto>, NotFound, ValidationProblem, ForbidHttpResult>> Add(
        int id, int targetId, [FromForm] string? value, [FromForm] string? note, IFormFile? file, RecordTargetMeasurement handler, ClaimsPrincipal user,
        IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await handler.HandleAsync(id, targetId, new ManualFigure(value, note, file), user, ct) switch
        {
            RecordTargetMeasurement.Recorded(var m) => TypedResults.Created($"/api/v1/plans/{id}/targets/{targetId}/measurements", ListTargetMeasurements.ToDto(id, m)),
            RecordTargetMeasurement.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Số liệu chỉ tiêu không hợp lệ"]),
            RecordTargetMeasurement.NotFound => TypedResults.NotFound(),
            _ => TypedResults.Forbid(),
        };

    private static async Task<Results<FileStreamHttpResult, NotFound, ForbidHttpResult>> Evidence(
        int id, int targetId, int measurementId, AppDbContext db, IFileStore files, ClaimsPrincipal user, CancellationToken ct) =>
        await OpenEvidence.OfMeasurementAsync(db, files, user, id, targetId, measurementId, ct) switch
        {
            OpenEvidence.Found(var stream, var contentType, var fileName) => TypedResults.File(stream, contentType, fileName),
            OpenEvidence.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.NotFound(),
        };
}
