using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Identifiers;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// Sign-in through the national identity provider: the standard OpenID Connect handler does the protocol; here the
/// verified personal ID finds (or creates) the citizen's account and marks it electronically identified.
/// </summary>
public sealed class ExternalModel(OidcOptions oidc, UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public string? Error { get; private set; }

    public IActionResult OnGet()
    {
        if (!oidc.Enabled)
        {
            return NotFound();
        }

        return Challenge(new AuthenticationProperties { RedirectUri = "/Portal/External?handler=Callback" }, OidcOptions.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(CancellationToken ct)
    {
        if (!oidc.Enabled)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        var subject = external.Principal?.FindFirst("sub")?.Value;
        var idNumber = external.Principal?.FindFirst(oidc.IdNumberClaim)?.Value?.Trim();
        if (!external.Succeeded || string.IsNullOrEmpty(subject) || PersonalId.Validate(idNumber) is not null)
        {
            Error = "Không nhận được số định danh cá nhân hợp lệ từ nhà cung cấp định danh.";
            return Page();
        }

        var user = await users.FindByLoginAsync(OidcOptions.Scheme, subject)
            ?? await users.Users.SingleOrDefaultAsync(u => u.IdNumber == idNumber || u.UserName == idNumber, ct);
        if (user is null)
        {
            user = new AppUser { UserName = idNumber, IdNumber = idNumber, FullName = external.Principal!.FindFirst(oidc.NameClaim)?.Value ?? idNumber! };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                Error = string.Join(" ", created.Errors.Select(e => e.Description));
                return Page();
            }

            await users.AddToRoleAsync(user, Roles.Citizen);
        }
        else if (user.UnitId is not null || user.IdNumber != idNumber)
        {
            // Staff accounts never sign in through the citizens' provider; an ID mismatch is never linked.
            Error = "Tài khoản này không thể đăng nhập bằng định danh điện tử.";
            return Page();
        }

        if (await users.FindByLoginAsync(OidcOptions.Scheme, subject) is null)
        {
            await users.AddLoginAsync(user, new UserLoginInfo(OidcOptions.Scheme, subject, oidc.DisplayName));
        }

        user.ElectronicallyIdentified = true;
        await users.UpdateAsync(user);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/Portal/Mine");
    }
}
