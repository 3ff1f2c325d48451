using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record FollowUpDto(int Id, string Action, DateOnly Deadline, DateOnly? DoneOn, bool Overdue);

public sealed record InspectionDto(int Id, string UnitCode, string UnitName, DateOnly ScheduledOn, DateOnly? HeldOn, bool Surprise, string? Inspectors, string? Findings, FollowUpDto[] FollowUps);

public sealed record DeskCountDto(string UnitCode, string UnitName, int Held, int Scheduled, int Target, bool Met);

public sealed record InspectionRequest(string? UnitCode, DateOnly? ScheduledOn, DateOnly? HeldOn, bool? Surprise, string? Inspectors, string? Findings);

public sealed record FollowUpRequest(string? Action, DateOnly? Deadline, DateOnly? DoneOn);

public static class InspectionsApi
{
    public const string IndicatorKey = "inspectionsPerDesk";

    /// <summary>The plan's target: at least two surprise inspections a year at each one-stop desk (seed, II.2).</summary>
    public const int TargetPerYear = 2;

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reform/inspections", List);
        group.MapGet("/reform/inspections/counts", Counts);
        group.MapPost("/reform/inspections", Create);
        group.MapPut("/reform/inspections/{id:int}", Update);
        group.MapPost("/reform/inspections/{id:int}/follow-ups", AddFollowUp);
    }

    /// <summary>One-stop desks: the district desk (kind Desk) and every commune, in force during the year.</summary>
    internal static IQueryable<OrgUnit> Desks(AppDbContext db, string scope, int year)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return db.Units.AsNoTracking().Where(u => u.Path.StartsWith(scope))
            .Where(u => u.Kind == UnitKind.Desk || u.Kind == UnitKind.Commune)
            .Where(u => u.ValidFrom <= to && (u.ValidTo == null || u.ValidTo >= from));
    }

    internal static async Task<DeskCountDto[]> CountsAsync(AppDbContext db, string scope, int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var desks = await Desks(db, scope, year).OrderBy(u => u.Code).ToListAsync(ct);
        var ids = desks.Select(d => d.Id).ToList();
        var rows = await db.Inspections.AsNoTracking()
            .Where(i => ids.Contains(i.UnitId) && i.Surprise && i.ScheduledOn >= from && i.ScheduledOn <= to)
            .Select(i => new { i.UnitId, Held = i.HeldOn != null }).ToListAsync(ct);
        return [.. desks.Select(d =>
        {
            var held = rows.Count(r => r.UnitId == d.Id && r.Held);
            return new DeskCountDto(d.Code, d.Name, held, rows.Count(r => r.UnitId == d.Id), TargetPerYear, held >= TargetPerYear);
        })];
    }

    /// <summary>The lowest count of held surprise inspections over the desks under <paramref name="scope"/> in the year; null when there is no desk.</summary>
    internal static async Task<decimal?> MinimumPerDeskAsync(AppDbContext db, string scope, int year, CancellationToken ct)
    {
        var counts = await CountsAsync(db, scope, year, ct);
        return counts.Length == 0 ? null : counts.Min(c => c.Held);
    }

    internal static async Task<InspectionDto[]> ListAsync(AppDbContext db, ClaimsPrincipal user, int year, DateOnly today, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(user);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var list = await db.Inspections.AsNoTracking().Include(i => i.Unit).Include(i => i.FollowUps)
            .Where(i => i.Unit!.Path.StartsWith(scope) && i.ScheduledOn >= from && i.ScheduledOn <= to)
            .ToListAsync(ct);
        return [.. list.OrderBy(i => i.ScheduledOn).ThenBy(i => i.Id).Select(i => new InspectionDto(
            i.Id, i.Unit!.Code, i.Unit.Name, i.ScheduledOn, i.HeldOn, i.Surprise, i.Inspectors, i.Findings,
            [.. i.FollowUps.OrderBy(f => f.Deadline).Select(f => new FollowUpDto(f.Id, f.Action, f.Deadline, f.DoneOn, f.DoneOn is null && today > f.Deadline))]))];
    }

    private static async Task<Results<Ok<InspectionDto[]>, ValidationProblem>> List(
        int? year, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [t["Năm phải từ 2000 đến 2100."]] }, title: t["Dữ liệu không hợp lệ"]);
        }

        var today = VietnamTime.Today(time);
        return TypedResults.Ok(await ListAsync(db, user, year ?? today.Year, today, ct));
    }

    private static async Task<Results<Ok<DeskCountDto[]>, ValidationProblem>> Counts(
        int? year, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        year is < 2000 or > 2100
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [t["Năm phải từ 2000 đến 2100."]] }, title: t["Dữ liệu không hợp lệ"])
            : TypedResults.Ok(await CountsAsync(db, ReformAccess.Scope(user), year ?? VietnamTime.Today(time).Year, ct));

    private static async Task<Results<Created<InspectionDto>, ValidationProblem, ForbidHttpResult>> Create(
        InspectionRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        var inspection = new Inspection();
        if (await ApplyAsync(inspection, body, db, user, t, ct) is { } problem)
        {
            return problem;
        }

        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        var today = VietnamTime.Today(time);
        var dto = (await ListAsync(db, user, inspection.ScheduledOn.Year, today, ct)).Single(i => i.Id == inspection.Id);
        return TypedResults.Created($"/api/v1/reform/inspections/{inspection.Id}", dto);
    }

    private static async Task<Results<Ok<InspectionDto>, NotFound, ValidationProblem, ForbidHttpResult>> Update(
        int id, InspectionRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        var scope = ReformAccess.Scope(user);
        if (await db.Inspections.SingleOrDefaultAsync(i => i.Id == id && i.Unit!.Path.StartsWith(scope), ct) is not { } inspection)
        {
            return TypedResults.NotFound();
        }

        if (await ApplyAsync(inspection, body, db, user, t, ct) is { } problem)
        {
            return problem;
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ListAsync(db, user, inspection.ScheduledOn.Year, VietnamTime.Today(time), ct)).Single(i => i.Id == id));
    }

    internal static async Task<ValidationProblem?> ApplyAsync(Inspection i, InspectionRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var unit = string.IsNullOrWhiteSpace(body.UnitCode) ? null
            : await db.Units.InReformScope(user).SingleOrDefaultAsync(u => u.Code == body.UnitCode.Trim() && (u.Kind == UnitKind.Desk || u.Kind == UnitKind.Commune), ct);
        if (unit is null)
        {
            errors["unitCode"] = [t["Không tìm thấy bộ phận một cửa '{0}'.", body.UnitCode ?? ""]];
        }

        if (body.ScheduledOn is null)
        {
            errors["scheduledOn"] = [t["Ngày kiểm tra dự kiến là bắt buộc."]];
        }

        if (body.HeldOn is { } held && body.ScheduledOn is { } s && held.Year != s.Year)
        {
            errors["heldOn"] = [t["Ngày kiểm tra thực tế phải cùng năm với ngày dự kiến."]];
        }

        if (body.Findings?.Length > 8000 || body.Inspectors?.Length > 500)
        {
            errors["findings"] = [t["Kết quả kiểm tra tối đa 8000 ký tự, thành phần đoàn tối đa 500 ký tự."]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Dữ liệu kiểm tra không hợp lệ"]);
        }

        i.UnitId = unit!.Id;
        i.ScheduledOn = body.ScheduledOn!.Value;
        i.HeldOn = body.HeldOn;
        i.Surprise = body.Surprise ?? true;
        i.Inspectors = body.Inspectors;
        i.Findings = body.Findings;
        return null;
    }

    private static async Task<Results<Created<FollowUpDto>, NotFound, ValidationProblem, ForbidHttpResult>> AddFollowUp(
        int id, FollowUpRequest body, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return TypedResults.Forbid();
        }

        var scope = ReformAccess.Scope(user);
        if (!await db.Inspections.AnyAsync(i => i.Id == id && i.Unit!.Path.StartsWith(scope), ct))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(body.Action) || body.Action.Length > 2000 || body.Deadline is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["action"] = [t["Nội dung khắc phục và hạn hoàn thành là bắt buộc."]] },
                title: t["Dữ liệu kiểm tra không hợp lệ"]);
        }

        var f = new InspectionFollowUp { InspectionId = id, Action = body.Action.Trim(), Deadline = body.Deadline.Value, DoneOn = body.DoneOn };
        db.InspectionFollowUps.Add(f);
        await db.SaveChangesAsync(ct);
        var today = VietnamTime.Today(time);
        return TypedResults.Created($"/api/v1/reform/inspections/{id}", new FollowUpDto(f.Id, f.Action, f.Deadline, f.DoneOn, f.DoneOn is null && today > f.Deadline));
    }
}
