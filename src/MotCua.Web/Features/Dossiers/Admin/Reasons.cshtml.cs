using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Admin;

/// <summary>Administrators keep the list of reasons offered for send-back, refusal and stop.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed partial class ReasonsModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public static readonly DossierAction[] ReasonActions = [DossierAction.Refuse, DossierAction.Stop, DossierAction.SendBack];

    public DecisionReason[] Rows { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(int? id, string? code, string? text, string[]? actions, bool active, int? order, CancellationToken ct)
    {
        var chosen = (actions ?? []).Where(a => ReasonActions.Any(r => r.ToKebab() == a)).Distinct().ToArray();
        var reason = id is { } existing ? await db.DecisionReasons.SingleOrDefaultAsync(r => r.Id == existing, ct) : null;
        if (id is not null && reason is null)
        {
            return NotFound();
        }

        if (reason is null && (string.IsNullOrWhiteSpace(code) || !CodePattern().IsMatch(code.Trim())))
        {
            Errors["code"] = t["Mã lý do gồm chữ in hoa, chữ số và dấu gạch ngang, tối đa 40 ký tự."];
        }
        else if (reason is null && await db.DecisionReasons.AnyAsync(r => r.Code == code!.Trim(), ct))
        {
            Errors["code"] = t["Mã lý do '{0}' đã có.", code!];
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > 500)
        {
            Errors["text"] = t["Nội dung lý do là bắt buộc, tối đa 500 ký tự."];
        }

        if (chosen.Length == 0)
        {
            Errors["actions"] = t["Chọn ít nhất một thao tác áp dụng."];
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        reason ??= db.DecisionReasons.Add(new DecisionReason { Code = code!.Trim(), Text = "", Actions = "" }).Entity;
        reason.Text = text!.Trim();
        reason.Actions = string.Join(',', chosen);
        reason.Active = active;
        reason.Order = order ?? reason.Order;
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Rows = await db.DecisionReasons.AsNoTracking().OrderBy(r => r.Order).ThenBy(r => r.Code).ToArrayAsync(ct);

    [GeneratedRegex("^[A-Z0-9-]{1,40}$")]
    private static partial Regex CodePattern();
}
