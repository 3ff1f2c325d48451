using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Features.Accounts;

public sealed class LoginModel(SignInWithPassword handler, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel
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

        switch (await handler.HandleAsync(UserName, Password, setCookie: true, HttpContext))
        {
            case SignInWithPassword.SignedIn(_, _, var citizen):
                // A citizen's first page is their own dossiers, an officer's the workspace (issue 21.4).
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : citizen ? "/Portal/Mine" : "/Staff");
            case SignInWithPassword.Limited(var retryAt):
                // The browser gets this page, in Vietnamese, with the time it may try again; scripts read Retry-After.
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(SignInMessages.Wait(retryAt, time).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Error = SignInMessages.Limited(t, retryAt, time);
                break;
            case SignInWithPassword.LockedOut:
                Error = t["Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau."];
                break;
            default:
                Error = t["Tên đăng nhập hoặc mật khẩu không đúng."];
                break;
        }

        return Page();
    }
}
