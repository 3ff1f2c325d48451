using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>The reform overview on a day, and its .xlsx and .pdf exports.</summary>
public static class BuildReformOverview
{
    /// <summary>Overdue task occurrences (by lead unit, printed text when unmatched), late reports by unit, and per-section progress up to <paramref name="on"/>.</summary>
    internal static async Task<OverviewDto> BuildAsync(AppDbContext db, ClaimsPrincipal user, DateOnly on, CancellationToken ct)
    {
        var tasks = await db.PlanTasks.AsNoTracking().Include(t => t.Plan).Include(t => t.LeadUnit).Include(t => t.Occurrences)
            .AsSplitQuery().ToListAsync(ct);
        var ordered = tasks.OrderBy(t => t.PlanId).ThenBy(t => t.SortOrder).ToList();
        var overdue = ordered.SelectMany(t => t.Occurrences.Where(o => o.StatusOn(on) == OccurrenceStatus.Overdue)
            .Select(o => new OverdueTaskDto(t.Plan!.Title, t.SectionCode, t.Number, t.Text, t.LeadUnit?.Name ?? t.LeadText, o.Year, o.DueDate!.Value))).ToArray();
        var late = await ListDueReports.LateAsync(db, user, on, ct);

        var units = overdue.Select(o => o.Lead).Concat(late.Select(l => l.UnitName)).Distinct().ToList();
        var byUnit = units.Select(u => new OverdueByUnitDto(u, overdue.Count(o => o.Lead == u), late.Count(l => l.UnitName == u)))
            .OrderByDescending(x => x.OverdueTasks + x.LateReports).ThenBy(x => x.Unit, StringComparer.Ordinal).ToArray();

        var sections = ordered.GroupBy(t => (t.PlanId, t.Plan!.Title, t.SectionCode, t.SectionTitle)).Select(g =>
        {
            var occ = g.SelectMany(t => t.Occurrences).ToList();
            var due = occ.Where(o => o.DueDate is { } d && d <= on).ToList();
            var done = due.Count(o => o.Progress == OccurrenceProgress.Done);
            return new SectionProgressDto(g.Key.Title, g.Key.SectionCode, g.Key.SectionTitle, g.Count(), due.Count, done,
                due.Count(o => o.StatusOn(on) == OccurrenceStatus.Overdue), occ.Count(o => o.DueDate is null),
                due.Count == 0 ? null : Math.Round(100m * done / due.Count, 2));
        }).ToArray();
        var lateByUnit = late.OrderBy(l => l.UnitName, StringComparer.Ordinal).ThenBy(l => l.Due).ToArray();
        return new OverviewDto(on, byUnit, sections, overdue, lateByUnit);
    }

    /// <summary>The overview as the signed PDF report of Phòng Nội vụ.</summary>
    internal static async Task<byte[]> PdfAsync(AppDbContext db, ClaimsPrincipal user, DateOnly d, DateOnly today, CancellationToken ct)
    {
        var o = await BuildAsync(db, user, d, ct);
        // Phòng Nội vụ advises the district on reform and signs this overview; without it the report carries the district.
        var issuer = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == "584.NV", ct) ?? await db.Units.AsNoTracking().FirstAsync(u => u.ParentId == null, ct);
        var header = await Dossiers.DossierForms.HeaderAsync(db, issuer, today, ct);
        static string Date(DateOnly x) => x.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var report = new Forms.Report(header, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", "Tính đến ngày " + Date(d),
        [
            new("1. Nhiệm vụ quá hạn và báo cáo chậm nộp theo đơn vị", ["Đơn vị", "Nhiệm vụ quá hạn", "Báo cáo chậm nộp"], [5, 2, 2],
                [.. o.ByUnit.Select(u => new[] { u.Unit, Num(u.OverdueTasks), Num(u.LateReports) })]),
            new("2. Tiến độ theo mục của kế hoạch", ["Mục", "Tên mục", "Số nhiệm vụ", "Đến hạn", "Hoàn thành", "Quá hạn", "Cần đặt hạn", "Tỷ lệ hoàn thành"], [1, 6, 1.3, 1.3, 1.3, 1.3, 1.3, 1.5],
                [.. o.Sections.Select(s => new[] { s.SectionCode, s.SectionTitle, Num(s.Tasks), Num(s.DueSoFar), Num(s.Done), Num(s.Overdue), Num(s.NeedsDate), s.DonePercent is { } p ? p.ToString("0.00", Vi) + " %" : "—" })]),
            new("3. Nhiệm vụ quá hạn", ["Mục", "STT", "Nhiệm vụ", "Chủ trì", "Năm", "Hạn"], [1, 0.8, 7, 3, 1, 1.5],
                [.. o.OverdueTasks.Select(x => new[] { x.SectionCode, x.Number, x.Text, x.Lead, Num(x.Year), Date(x.Due) })]),
            new("4. Báo cáo chậm nộp theo đơn vị", ["Đơn vị", "Báo cáo", "Hạn nộp", "Số ngày chậm"], [5, 3, 1.5, 1.5],
                [.. o.LateReports.Select(x => new[] { x.UnitName, x.PeriodLabel, Date(x.Due), Num(x.DaysLate) })]),
        ]);
        return Forms.FormPdf.RenderReport(report);
    }

    private static readonly System.Globalization.CultureInfo Vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");

    private static string Num(int n) => n.ToString(Vi);

    internal static async Task<byte[]> XlsxAsync(AppDbContext db, ClaimsPrincipal user, DateOnly d, CancellationToken ct)
    {
        var o = await BuildAsync(db, user, d, ct);
        var sheets = new Dictionary<string, object>
        {
            ["Theo don vi"] = o.ByUnit.Select(u => new Dictionary<string, object?> { ["Đơn vị"] = u.Unit, ["Nhiệm vụ quá hạn"] = u.OverdueTasks, ["Báo cáo chậm nộp"] = u.LateReports }).ToList(),
            ["Tien do theo muc"] = o.Sections.Select(s => new Dictionary<string, object?>
            {
                ["Kế hoạch"] = s.Plan,
                ["Mục"] = s.SectionCode,
                ["Tên mục"] = s.SectionTitle,
                ["Số nhiệm vụ"] = s.Tasks,
                ["Đến hạn"] = s.DueSoFar,
                ["Hoàn thành"] = s.Done,
                ["Quá hạn"] = s.Overdue,
                ["Cần đặt hạn"] = s.NeedsDate,
                ["Tỷ lệ hoàn thành (%)"] = s.DonePercent,
            }).ToList(),
            ["Nhiem vu qua han"] = o.OverdueTasks.Select(x => new Dictionary<string, object?>
            {
                ["Mục"] = x.SectionCode,
                ["STT"] = x.Number,
                ["Nhiệm vụ"] = x.Text,
                ["Chủ trì"] = x.Lead,
                ["Năm"] = x.Year,
                ["Hạn"] = x.Due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            }).ToList(),
            ["Bao cao cham nop"] = o.LateReports.Select(x => new Dictionary<string, object?>
            {
                ["Mã đơn vị"] = x.UnitCode,
                ["Đơn vị"] = x.UnitName,
                ["Báo cáo"] = x.PeriodLabel,
                ["Hạn nộp"] = x.Due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                ["Số ngày chậm"] = x.DaysLate,
            }).ToList(),
        };
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(sheets, cancellationToken: ct);
        return ms.ToArray();
    }
}
