using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record SubmitReportRequest(ReportKind? Kind, int? Year, int? Period, string? Text, IReadOnlyList<IFormFile> Files);

/// <summary>Any staff member of a reporting unit submits that unit's report; a returned report may be submitted again.</summary>
public sealed class SubmitUnitReport(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Submitted(UnitReport Report) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>The unit already has a report of that period that was not returned: 409.</summary>
    public sealed record Conflict(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(SubmitReportRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var (kind, year, period, text, uploads) = body;
        var errors = new Dictionary<string, string[]>();
        var unitId = user.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || unit.Kind is not (UnitKind.Office or UnitKind.Commune) || unit.Parent?.Kind != UnitKind.District)
        {
            errors["unit"] = [t["Đơn vị của bạn không thuộc diện báo cáo cải cách hành chính cho Phòng Nội vụ."]];
        }

        var obligation = kind is null ? null : await db.ReportObligations.AsNoTracking().SingleOrDefaultAsync(o => o.Kind == kind, ct);
        if (obligation is null)
        {
            errors["kind"] = [t["Loại báo cáo là bắt buộc (yearly-plan, monthly, quarterly, six-month, yearly)."]];
        }

        ReportPeriod? p = null;
        if (year is not (>= 2000 and <= 2100))
        {
            errors["year"] = [t["Năm báo cáo không hợp lệ."]];
        }
        else if (obligation is not null)
        {
            var periods = obligation.Rule.PeriodsOf(year.Value).ToList();
            p = periods.FirstOrDefault(x => x.Period == (period ?? 0));
            if (p is null || p.Value.Due.Year < 2000)
            {
                p = null;
                errors["period"] = [t["Kỳ báo cáo không hợp lệ cho loại báo cáo này."]];
            }
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 8000)
        {
            errors["text"] = [t["Nội dung báo cáo là bắt buộc, tối đa 8000 ký tự."]];
        }

        if (uploads.Count > 10 || uploads.Any(f => f.Length > FileUploads.MaxBytes))
        {
            errors["files"] = [t["Tối đa 10 tệp, mỗi tệp tối đa 20 MB."]];
        }
        else if ((await Task.WhenAll(uploads.Select(f => FileTypes.ProblemAsync(f, ct)))).FirstOrDefault(p => p is not null) is { } fileProblem)
        {
            errors["files"] = [t[fileProblem]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var pv = p!.Value;
        if (await db.UnitReports.AnyAsync(r => r.UnitId == unit!.Id && r.Kind == pv.Kind && r.Year == pv.Year && r.Period == pv.Period && r.Status != UnitReportStatus.Returned, ct))
        {
            return new Conflict(t["Đơn vị đã nộp báo cáo {0}.", pv.Label]);
        }

        var report = new UnitReport
        {
            UnitId = unit!.Id,
            Kind = pv.Kind,
            Year = pv.Year,
            Period = pv.Period,
            SubmittedAt = time.GetUtcNow().UtcDateTime,
            SubmittedBy = user.Identity?.Name ?? "?",
            Text = text!.Trim(),
            Status = UnitReportStatus.Submitted,
        };
        foreach (var f in uploads.Where(f => f.Length > 0))
        {
            report.Files.Add(new UnitReportFile { Sha256 = await FileUploads.SaveAsync(f, db, files, time, ct), FileName = FileUploads.SafeName(f.FileName) });
        }

        db.UnitReports.Add(report);
        await db.SaveChangesAsync(ct);
        return new Submitted(report);
    }
}

/// <summary>Reads kebab-case enum names ("six-month") from form fields, as JSON does.</summary>
public static class Kebab
{
    public static T? Parse<T>(string? value)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value) || char.IsDigit(value.Trim()[0]))
        {
            return null;
        }

        return Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal).Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null;
    }

    public static string Name<T>(T value)
        where T : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
