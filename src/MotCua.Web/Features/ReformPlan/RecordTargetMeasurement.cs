using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Appends a figure entered by hand for a plan target, with its evidence file (ADR 0015); earlier figures are kept.</summary>
public sealed class RecordTargetMeasurement(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Recorded(TargetMeasurement Measurement) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int planId, int targetId, ManualFigure figure, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        if (await db.PlanTargets.SingleOrDefaultAsync(x => x.Id == targetId && x.PlanId == planId, ct) is not { } target)
        {
            return new NotFound();
        }

        if (await ValidateAsync(db, target, figure.Value, figure.Note, figure.Evidence, time, t, ct) is { Count: > 0 } errors)
        {
            return new Invalid(errors);
        }

        var m = await RecordAsync(db, files, time, target, figure.Value!, figure.Note, figure.Evidence!, user.Identity?.Name ?? "?", ct);
        await db.SaveChangesAsync(ct);
        return new Recorded(m);
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

    /// <summary>Adds the figure to the target; the caller saves. Call after <see cref="ValidateAsync"/> found nothing.</summary>
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
}
