using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Admin;

public sealed record EndedUnitRow(string Code, string Name, DateOnly EndedOn, string? SuccessorCode, string? SuccessorName, int OpenDossiers);

/// <summary>Administrators hand the open dossiers of units that ended over to their successors (the page form of <c>hand-over</c>).</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class HandOverModel(AppDbContext db, TimeProvider time, HandOverDossiers handOver, IStringLocalizer<SharedResource> t) : PageModel
{
    public EndedUnitRow[] Rows { get; private set; } = [];
    public List<OrgUnit> Receivers { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? from, string? to, CancellationToken ct)
    {
        switch (await handOver.HandleAsync(from, string.IsNullOrWhiteSpace(to) ? null : to, User, ct))
        {
            case HandOverDossiers.HandedOver(var f, var target, var count):
                Done = t["Đã bàn giao {0} hồ sơ từ {1} cho {2}.", count, f, target];
                break;
            case HandOverDossiers.Invalid(var field, var message):
                Errors[field] = message;
                break;
            case HandOverDossiers.Conflict(var message, _):
                Errors["from"] = message;
                break;
            default:
                return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var ended = await db.Units.AsNoTracking().InScopeOf(User).Include(u => u.Successor)
            .Where(u => u.ValidTo != null && u.ValidTo < today).OrderBy(u => u.Path).ToListAsync(ct);
        var rows = new List<EndedUnitRow>();
        foreach (var u in ended)
        {
            var open = await db.Dossiers.CountAsync(d => d.CurrentUnitId == u.Id && d.Status != DossierStatus.Returned && d.Status != DossierStatus.Refused
                && d.Status != DossierStatus.Stopped && d.Status != DossierStatus.Withdrawn, ct);
            rows.Add(new(u.Code, u.Name, u.ValidTo!.Value, u.Successor?.Code, u.Successor?.Name, open));
        }

        Rows = [.. rows];
        Receivers = await db.Units.AsNoTracking().InScopeOf(User)
            .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today)).OrderBy(u => u.Path).ToListAsync(ct);
    }
}
