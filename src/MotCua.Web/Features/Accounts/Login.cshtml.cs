using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Features.Accounts;

public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel
{
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Error = t["Cần nhập tên đăng nhập và mật khẩu."];
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        await Security.Audit.SignInAsync(HttpContext, time, UserName.Trim(), result.Succeeded ? Security.AuditKind.SignIn : result.IsLockedOut ? Security.AuditKind.SignInLockedOut : Security.AuditKind.SignInFailed, "page");
        if (result.Succeeded)
        {
            var user = await signIn.UserManager.FindByNameAsync(UserName.Trim());
            var start = await signIn.UserManager.IsInRoleAsync(user!, Roles.Citizen) ? "/" : "/Staff";
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : start);
        }

        Error = result.IsLockedOut
            ? t["Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau."]
            : t["Tên đăng nhập hoặc mật khẩu không đúng."];
        return Page();
    }
}
