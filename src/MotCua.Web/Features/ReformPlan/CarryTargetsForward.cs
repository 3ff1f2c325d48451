using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record CarryForwardRequest(string? UnitCode, int? Year, string? Title);

/// <summary>
/// Opens a one-year plan period for a unit of today's structure by carrying an earlier plan's targets forward: each
/// target line that applies to the unit's level is copied with its indicator link, at its latest value (a year-by-year
/// ramp continues its step, <see cref="TargetCarry"/>). A second period for the same unit and year is refused.
/// </summary>
public sealed partial class CarryTargetsForward(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Opened(Plan Plan, int Copied) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public sealed record Duplicate(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(int sourcePlanId, CarryForwardRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var source = await db.Plans.AsNoTracking().Include(p => p.Targets).SingleOrDefaultAsync(p => p.Id == sourcePlanId, ct);
        if (source is null)
        {
            return new NotFound();
        }

        var today = VietnamTime.Today(time);
        var errors = new Dictionary<string, string[]>();
        var code = body.UnitCode?.Trim();
        var unit = string.IsNullOrEmpty(code) || code.Length > 40 ? null
            : await db.Units.AsNoTracking().InReformScope(user).SingleOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null)
        {
            errors["unitCode"] = [t["Không tìm thấy đơn vị '{0}' trong phạm vi được giao.", body.UnitCode ?? ""]];
        }
        else if (!unit.IsValidOn(today))
        {
            errors["unitCode"] = [t["{0} không thuộc cơ cấu tổ chức hiện hành: chỉ mở kỳ kế hoạch cho đơn vị đang hoạt động.", unit.Name]];
        }

        if (body.Year is not { } year || year <= source.PeriodTo || year > source.PeriodTo + 10)
        {
            errors["year"] = [t["Năm của kỳ mới phải sau giai đoạn của kế hoạch nguồn ({0}–{1}), tối đa 10 năm.", source.PeriodFrom, source.PeriodTo]];
        }
        else if (unit is { ValidTo: { } end } && end < new DateOnly(year, 1, 1))
        {
            errors["year"] = [t["{0} kết thúc hoạt động trước năm {1}.", unit.Name, year]];
        }

        if (body.Title is { Length: > 400 })
        {
            errors["title"] = [t["Tên kế hoạch tối đa 400 ký tự."]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var y = body.Year!.Value;
        if (await ExistingTitleAsync(unit!.Id, y, ct) is { } existing)
        {
            return new Duplicate(t["{0} đã có kế hoạch cho năm {1} (“{2}”): không mở trùng kỳ kế hoạch.", unit.Name, y, existing]);
        }

        try
        {
            var plan = await OpenAsync(source, unit, y, body.Title, ct);
            return new Opened(plan, plan.Targets.Count);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // A concurrent request opened the same period between the check and the insert; the unique index kept one.
            db.ChangeTracker.Clear();
            var winner = await ExistingTitleAsync(unit.Id, y, ct) ?? "";
            return new Duplicate(t["{0} đã có kế hoạch cho năm {1} (“{2}”): không mở trùng kỳ kế hoạch.", unit.Name, y, winner]);
        }
    }

    private Task<string?> ExistingTitleAsync(int unitId, int year, CancellationToken ct) =>
        db.Plans.AsNoTracking().Where(p => p.IssuingUnitId == unitId && p.PeriodFrom <= year && p.PeriodTo >= year)
            .OrderBy(p => p.Id).Select(p => p.Title).FirstOrDefaultAsync(ct);

    /// <summary>Creates the new period's plan with the carried targets (the checks are the caller's; the demo seed calls this directly).</summary>
    public async Task<Plan> OpenAsync(Plan source, OrgUnit unit, int year, string? title, CancellationToken ct)
    {
        var plan = new Plan
        {
            Title = string.IsNullOrWhiteSpace(title) ? t["Kế hoạch cải cách hành chính năm {0} — {1}", year, unit.Name] : title.Trim(),
            IssuingUnitId = unit.Id,
            PeriodFrom = year,
            PeriodTo = year,
            Note = t["Mở kỳ bằng cách chuyển tiếp chỉ tiêu của “{0}” ({1}–{2}).", source.Title, source.PeriodFrom, source.PeriodTo],
        };
        foreach (var target in Carry(source.Targets, LevelOf(unit), year))
        {
            plan.Targets.Add(target);
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    /// <summary>"commune" or "district" for the level-specific targets ("cấp xã", "cấp huyện"); other units take only the common ones.</summary>
    internal static string? LevelOf(OrgUnit unit) => unit.Kind switch
    {
        UnitKind.Commune => "commune",
        UnitKind.District or UnitKind.Office or UnitKind.Desk => "district",
        _ => null,
    };

    /// <summary>One new target per line: the rows of a line share a code up to a "-YYYY" year suffix and the level.</summary>
    internal static IEnumerable<PlanTarget> Carry(IEnumerable<PlanTarget> targets, string? level, int year)
    {
        foreach (var line in targets.Where(x => x.Scope is null || x.Scope == level).GroupBy(x => (Code: YearSuffix().Replace(x.Code, ""), x.Scope)).OrderBy(g => g.Min(x => x.Id)))
        {
            var latest = line.OrderBy(x => x.Year).ThenBy(x => x.Id).Last();
            var yearly = line.Count() > 1 || YearSuffix().IsMatch(latest.Code);
            yield return new PlanTarget
            {
                Code = yearly ? $"{line.Key.Code}-{year}" : latest.Code,
                Text = latest.Text,
                Value = TargetCarry.Next([.. line.Select(x => (x.Year, x.Value))], year, latest.Unit.StartsWith('%')),
                Unit = latest.Unit,
                Comparison = latest.Comparison,
                Year = year,
                BaseYear = latest.BaseYear,
                Scope = latest.Scope,
                IndicatorKey = latest.IndicatorKey,
                Note = latest.Note,
            };
        }
    }

    [GeneratedRegex(@"-\d{4}$")]
    private static partial Regex YearSuffix();
}
