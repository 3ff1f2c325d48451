using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Organisation;

public sealed record UnitDto(
    string Code, string Name, UnitKind Kind, string? ParentCode, string Path,
    DateOnly ValidFrom, DateOnly? ValidTo, string? SuccessorCode, bool Confirmed, string? Note);

public sealed record CreateUnitRequest(
    string? Code, string? Name, UnitKind? Kind, string? ParentCode, DateOnly? ValidFrom, DateOnly? ValidTo, string? SuccessorCode, bool? Confirmed, string? Note);

public static class OrganisationApi
{
    public static RouteGroupBuilder MapOrganisationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/units").WithTags("Organisation").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapGet("/", List).Doc("listUnits", "Danh sách đơn vị", "Administrative units, dated.");
        group.MapGet("/{code}", Get).Doc("getUnit", "Xem đơn vị", "One administrative unit.");
        group.MapPost("/", Create).Doc("createUnit", "Thêm đơn vị", "Adds an administrative unit.").RequireAuthorization(AccountsSetup.AdminPolicy);
        return group;
    }

    /// <summary>Units of the caller's subtree; with <c>date</c>, only those in force on that day.</summary>
    private static async Task<Ok<UnitDto[]>> List(AppDbContext db, ClaimsPrincipal user, DateOnly? date, CancellationToken ct)
    {
        var units = await UnitTree.Query(db, user, date).ToArrayAsync(ct);
        return TypedResults.Ok(units);
    }

    private static async Task<Results<Ok<UnitDto>, NotFound>> Get(string code, AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        await UnitTree.Query(db, user, null, code).SingleOrDefaultAsync(ct) is { } unit
            ? TypedResults.Ok(unit)
            : TypedResults.NotFound();

    private static async Task<Results<Created<UnitDto>, ValidationProblem>> Create(
        CreateUnitRequest body, AppDbContext db, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var code = body.Code?.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > 40 || code.Contains('/'))
        {
            errors["code"] = [t["Mã đơn vị là bắt buộc, tối đa 40 ký tự và không chứa '/'."]];
        }
        else if (await db.Units.AnyAsync(u => u.Code == code, ct))
        {
            errors["code"] = [t["Mã đơn vị '{0}' đã tồn tại.", code]];
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            errors["name"] = [t["Tên đơn vị là bắt buộc, tối đa 200 ký tự."]];
        }

        if (body.Kind is null)
        {
            errors["kind"] = [t["Loại đơn vị là bắt buộc (province, district, commune, office, desk)."]];
        }

        OrgUnit? parent = null;
        if (body.ParentCode is not null && (parent = await db.Units.InScopeOf(user).SingleOrDefaultAsync(u => u.Code == body.ParentCode, ct)) is null)
        {
            errors["parentCode"] = [t["Không tìm thấy đơn vị cấp trên '{0}'.", body.ParentCode]];
        }

        OrgUnit? successor = null;
        if (body.SuccessorCode is not null && (successor = await db.Units.SingleOrDefaultAsync(u => u.Code == body.SuccessorCode, ct)) is null)
        {
            errors["successorCode"] = [t["Không tìm thấy đơn vị kế thừa '{0}'.", body.SuccessorCode]];
        }

        if (body.ValidFrom is null)
        {
            errors["validFrom"] = [t["Ngày bắt đầu hiệu lực là bắt buộc."]];
        }
        else if (body.ValidTo < body.ValidFrom)
        {
            errors["validTo"] = [t["Ngày hết hiệu lực không được trước ngày bắt đầu."]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: t["Dữ liệu đơn vị không hợp lệ"]);
        }

        var unit = new OrgUnit
        {
            Code = code!,
            Name = body.Name!.Trim(),
            Kind = body.Kind!.Value,
            Parent = parent,
            Path = OrgUnit.ChildPath(parent?.Path, code!),
            ValidFrom = body.ValidFrom!.Value,
            ValidTo = body.ValidTo,
            Successor = successor,
            Confirmed = body.Confirmed ?? true,
            Note = body.Note,
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/units/{unit.Code}", UnitTree.ToDto(unit));
    }
}

public static class UnitTree
{
    public static IQueryable<UnitDto> Query(AppDbContext db, ClaimsPrincipal user, DateOnly? date, string? code = null)
    {
        var q = db.Units.AsNoTracking().InScopeOf(user);
        if (code is not null)
        {
            q = q.Where(u => u.Code == code);
        }

        if (date is { } d)
        {
            q = q.Where(u => u.ValidFrom <= d && (u.ValidTo == null || u.ValidTo >= d));
        }

        return q.OrderBy(u => u.Path).Select(u => new UnitDto(
            u.Code, u.Name, u.Kind, u.Parent == null ? null : u.Parent.Code, u.Path,
            u.ValidFrom, u.ValidTo, u.Successor == null ? null : u.Successor.Code, u.Confirmed, u.Note));
    }

    public static UnitDto ToDto(OrgUnit u) =>
        new(u.Code, u.Name, u.Kind, u.Parent?.Code, u.Path, u.ValidFrom, u.ValidTo, u.Successor?.Code, u.Confirmed, u.Note);

    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.Province => "Tỉnh",
        UnitKind.District => "Huyện",
        UnitKind.Commune => "Xã",
        UnitKind.Office => "Phòng ban",
        UnitKind.Desk => "Bộ phận một cửa",
        _ => kind.ToString(),
    };
}
