using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record MeasurementDto(int Id, decimal Value, string? Note, string EvidenceName, string EvidenceUrl, string EnteredBy, DateTime EnteredAt);

/// <summary>Figures entered by hand for plan targets, each with its evidence file (ADR 0015); the page and the API share these methods.</summary>
public static class TargetMeasurementsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/plans/{id:int}/targets/{targetId:int}/measurements", List);
        group.MapPost("/plans/{id:int}/targets/{targetId:int}/measurements", Add).DisableAntiforgery();
        group.MapGet("/plans/{id:int}/targets/{targetId:int}/measurements/{measurementId:int}/evidence", Evidence);
    }

    internal static MeasurementDto ToDto(int planId, TargetMeasurement m) => new(
        m.Id, m.Value, m.Note, m.EvidenceName, $"/api/v1/plans/{planId}/targets/{m.TargetId}/measurements/{m.Id}/evidence", m.EnteredBy, m.EnteredAt);

    internal static async Task<MeasurementDto[]> HistoryAsync(AppDbContext db, int planId, int targetId, CancellationToken ct)
    {
        var rows = await db.Set<TargetMeasurement>().AsNoTracking().Where(m => m.TargetId == targetId).ToListAsync(ct);
        return [.. rows.OrderByDescending(m => m.EnteredAt).ThenByDescending(m => m.Id).Select(m => ToDto(planId, m))];
    }

    internal static decimal? ParseValue(string? s) =>
        decimal.TryParse(s?.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>
    /// A manual figure needs a non-negative value and an evidence file; a target its live indicator measures now takes no manual figure.
    /// </summary>
    internal static async Task<Dictionary<string, string[]>> ValidateAsync(
        AppDbContext db, PlanTarget target, string? value, string? note, IFormFile? file, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = ParseValue(value);
        if (parsed is null || parsed < 0 || parsed > 1_000_000)
        {
            errors["manualValue"] = [t["Số liệu nhập tay phải là một số không âm (ví dụ 12,5)."]];
        }

        if (target.IndicatorKey is { } key && target.Id != 0
            && await (await LiveTargets.LoadAsync(db, target.PlanId, VietnamTime.Today(time), ct)).ValueAsync(target, ct) is not null)
        {
            errors["manualValue"] = [t["Chỉ tiêu này được đo tự động bằng chỉ số {0}; không nhập số liệu tay.", key]];
        }

        if (file is not { Length: > 0 })
        {
            errors["evidence"] = [t["Số liệu nhập tay phải kèm tệp minh chứng (văn bản, báo cáo, quyết định…)."]];
        }
        else if (file.Length > FileUploads.MaxBytes)
        {
            errors["evidence"] = [t["Tệp minh chứng tối đa 20 MB."]];
        }

        if (note?.Length > 2000)
        {
            errors["manualNote"] = [t["Nguồn số liệu tối đa 2000 ký tự."]];
        }

        return errors;
    }

    /// <summary>Appends the figure; earlier figures are kept. Call after <see cref="ValidateAsync"/> found nothing.</summary>
    internal static async Task<TargetMeasurement> RecordAsync(
        AppDbContext db, IFileStore files, TimeProvider time, PlanTarget target, string value, string? note, IFormFile file, string author, CancellationToken ct)
    {
        var m = new TargetMeasurement
        {
            Value = ParseValue(value)!.Value,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            EvidenceSha256 = await FileUploads.SaveAsync(file, db, files, time, ct),
            EvidenceName = FileUploads.SafeName(file.FileName),
            EnteredBy = author,
            EnteredAt = time.GetUtcNow().UtcDateTime,
        };
        target.Measurements.Add(m);
        return m;
    }

    /// <summary>Staff whose scope covers the plan's issuing unit, or who work inside it.</summary>
    internal static bool InScope(ClaimsPrincipal user, string issuerPath) =>
        issuerPath.StartsWith(ReformAccess.Scope(user), StringComparison.Ordinal)
        || (user.UnitPath() is { } own && own.StartsWith(issuerPath, StringComparison.Ordinal));

    private static async Task<Results<Ok<MeasurementDto[]>, NotFound>> List(int id, int targetId, AppDbContext db, CancellationToken ct) =>
        await db.PlanTargets.AnyAsync(x => x.Id == targetId && x.PlanId == id, ct)
            ? TypedResults.Ok(await HistoryAsync(db, id, targetId, ct))
            : TypedResults.NotFound();

    private static async Task<Results<Created<MeasurementDto>, NotFound, ValidationProblem, ForbidHttpResult>> Add(
        int id, int targetId, [FromForm] string? value, [FromForm] string? note, IFormFile? file, AppDbContext db, IFileStore files, ClaimsPrincipal user,
        TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        if (await db.PlanTargets.SingleOrDefaultAsync(x => x.Id == targetId && x.PlanId == id, ct) is not { } target)
        {
            return TypedResults.NotFound();
        }

        if (await ValidateAsync(db, target, value, note, file, time, t, ct) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors, title: t["Số liệu chỉ tiêu không hợp lệ"]);
        }

        var m = await RecordAsync(db, files, time, target, value!, note, file!, user.Identity?.Name ?? "?", ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/plans/{id}/targets/{targetId}/measurements", ToDto(id, m));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound, ForbidHttpResult>> Evidence(
        int id, int targetId, int measurementId, AppDbContext db, IFileStore files, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await (from m in db.Set<TargetMeasurement>()
                         join x in db.PlanTargets on m.TargetId equals x.Id
                         join p in db.Plans on x.PlanId equals p.Id
                         where m.Id == measurementId && x.Id == targetId && p.Id == id
                         select new { m.EvidenceSha256, m.EvidenceName, p.IssuingUnit!.Path }).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        if (!InScope(user, row.Path))
        {
            return TypedResults.Forbid();
        }

        var meta = await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Sha256 == row.EvidenceSha256, ct);
        return meta is null || files.Open(row.EvidenceSha256) is not { } stream
            ? TypedResults.NotFound()
            : TypedResults.File(stream, meta.ContentType, row.EvidenceName);
    }
}
