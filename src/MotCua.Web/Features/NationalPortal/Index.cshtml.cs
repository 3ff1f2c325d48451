using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>Staff see the national portal sync of their subtree: counts by state, the oldest dossier waiting, the failures with a retry.</summary>
public sealed class IndexModel(ReadNationalSync read, RetryNationalSync retry, IStringLocalizer<SharedResource> t) : PageModel
{
    public NationalSyncStatus Status { get; private set; } = null!;
    public NationalSyncFailure[] Failures { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostRetryAsync(string? code, CancellationToken ct)
    {
        switch (await retry.HandleAsync(code, User, ct))
        {
            case RetryNationalSync.Scheduled(var c, _):
                Message = t["Hồ sơ {0} sẽ được gửi lại trong lượt đồng bộ kế tiếp.", c];
                break;
            case RetryNationalSync.NotFound:
                Error = t["Không tìm thấy hồ sơ {0} trong phạm vi đơn vị của bạn.", code ?? ""];
                break;
            case RetryNationalSync.Refused(var message):
                Error = message;
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Status = await read.StatusAsync(User, ct);
        Failures = await read.FailuresAsync(User, ct);
    }
}
