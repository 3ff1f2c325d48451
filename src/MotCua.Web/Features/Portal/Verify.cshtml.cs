using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

public sealed class VerifyModel(SignUp signUp, SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public string? Code { get; set; }
    public string? SentTo { get; private set; }
    public string? Error { get; private set; }
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await signUp.VerifyAsync(Id, Code, ct))
        {
            case SignUp.Verified(var user):
                await signIn.SignInAsync(user, isPersistent: false);
                return Redirect("/Portal?welcome=true");
            case SignUp.Refused(_, var message, _):
                Error = message;
                break;
            case SignUp.Invalid(var errors):
                Error = string.Join(" ", errors.Values.SelectMany(v => v));
                break;
            default:
                return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(CancellationToken ct)
    {
        switch (await signUp.ResendAsync(Id, ct))
        {
            case SignUp.Started:
                Notice = "Đã gửi mã mới.";
                break;
            case SignUp.Refused(_, var message, _):
                Error = message;
                break;
            default:
                return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var p = await db.PendingSignUps.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id && x.CompletedAtUtc == null, ct);
        if (p is null)
        {
            return false;
        }

        SentTo = SignUp.SentTo(p);
        return true;
    }
}
