using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

/// <summary>Administrators see what the reconciliation flagged, resolve it with a note, and can run a pass at once.</summary>
public sealed class ReconciliationModel(AppDbContext db, PaymentReconciler reconciler, ResolvePaymentIssue resolve, IStringLocalizer<SharedResource> t) : PageModel
{
    public IssueDto[] Issues { get; private set; } = [];
    public Payment[] Recent { get; private set; } = [];
    public bool ShowResolved { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(bool resolved, CancellationToken ct) => await LoadAsync(resolved, ct);

    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        var report = await reconciler.RunOnceAsync(ct);
        Message = report is null
            ? t["Một phiên đối soát khác đang chạy."]
            : t["Đã đối soát {0} giao dịch: {1} xác nhận, {2} hết hạn, {3} sai lệch mới.", report.Compared, report.Confirmed, report.Expired, report.IssuesAdded];
        await LoadAsync(false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResolveAsync(long id, string? note, CancellationToken ct)
    {
        // An issue that no longer exists shows no error: the reloaded list speaks for itself.
        Error = await resolve.HandleAsync(id, new ResolveRequest(note), User, ct) is ResolvePaymentIssue.Invalid(_, var message) ? message : null;
        await LoadAsync(false, ct);
        return Page();
    }

    private async Task LoadAsync(bool resolved, CancellationToken ct)
    {
        ShowResolved = resolved;
        Issues = await ListPaymentIssues.QueryAsync(db, !resolved, ct);
        Recent = await db.Payments.AsNoTracking().OrderByDescending(p => p.Id).Take(100).ToArrayAsync(ct);
    }
}
