using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Organisation;

/// <summary>
/// The header's line naming the authority and unit being served (issue 21.4), e.g. "UBND tỉnh Khánh Hòa · Xã Bác Ái":
/// for staff their own unit under its province; for everyone else the instance's unit (<c>Site:ServedUnit</c>, a unit
/// code) when it exists today, else the province in force today.
/// </summary>
public sealed record ServedLine(string? Authority, string? Unit);

public sealed class ServedUnit(AppDbContext db, IConfiguration config, TimeProvider time, IMemoryCache cache, IStringLocalizer<SharedResource> t)
{
    public async Task<ServedLine> LineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var staffPath = user.FindFirstValue(AppClaims.UnitPath);
        var key = $"served:{staffPath ?? config["Site:ServedUnit"]}:{today.DayNumber}:{t["UBND {0}", ""].Value}";
        // The tree changes a few times a year: one look-up per unit and day, not one per page.
        return await cache.GetOrCreateAsync(key, async e =>
        {
            e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var (province, unit) = staffPath is not null ? await StaffAsync(staffPath, ct) : await PublicAsync(today, ct);
            return Line(province, unit);
        }) ?? new ServedLine(null, null);
    }

    private async Task<(OrgUnit? Province, OrgUnit? Unit)> StaffAsync(string path, CancellationToken ct)
    {
        var codes = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var units = await db.Units.AsNoTracking().Where(u => u.Code == codes[0] || u.Path == path).ToListAsync(ct);
        return (units.FirstOrDefault(u => u.Code == codes[0] && u.Kind == UnitKind.Province), units.FirstOrDefault(u => u.Path == path));
    }

    private async Task<(OrgUnit? Province, OrgUnit? Unit)> PublicAsync(DateOnly today, CancellationToken ct)
    {
        var code = config["Site:ServedUnit"];
        var served = string.IsNullOrWhiteSpace(code) ? null
            : await db.Units.AsNoTracking().Where(u => u.Code == code.Trim()).FirstOrDefaultAsync(ct);
        if (served is not null && served.IsValidOn(today))
        {
            var root = served.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
            return (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == root && u.Kind == UnitKind.Province, ct), served);
        }

        var provinces = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Province && u.ParentId == null).OrderBy(u => u.Path).ToListAsync(ct);
        var inForce = provinces.Where(p => p.IsValidOn(today)).ToList();
        // Two provinces in force (the demo's dated merger) and no served unit configured: name none rather than guess.
        return (inForce.Count == 1 ? inForce[0] : null, null);
    }

    // A unit that is the province itself (the province's administrators) is named once, as the unit.
    private ServedLine Line(OrgUnit? province, OrgUnit? unit) => new(
        province is null || unit?.Id == province.Id ? null : t["UBND {0}", char.ToLowerInvariant(province.Name[0]) + province.Name[1..]].Value,
        unit?.Name);
}
