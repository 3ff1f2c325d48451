using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Portal;

public sealed class SignUpModel(SignUp signUp, OidcOptions oidc, CitizenData.CheckCitizen citizenChecks) : PageModel
{
    [BindProperty] public DateOnly? BirthDate { get; set; }
    [BindProperty] public bool CitizenDataConsent { get; set; }

    /// <summary>A population database is connected: the citizen's birth date and consent are asked.</summary>
    public bool CitizenDataEnabled => citizenChecks.Enabled;

    [BindProperty] public string AccountType { get; set; } = "citizen";
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? TaxCode { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string Channel { get; set; } = "sms";
    [BindProperty] public string? Password { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public OidcOptions Oidc => oidc;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await signUp.StartAsync(new SignUpRequest(AccountType, FullName, IdNumber, TaxCode, Phone, Email, Channel, Password, BirthDate, CitizenDataConsent), ct))
        {
            case SignUp.Started(var p, _):
                return RedirectToPage("/Portal/Verify", new { id = p.Id });
            case SignUp.Invalid(var errors):
                Errors = errors;
                break;
        }

        // Everything typed stays, except the password, which is never sent back to the page.
        return Page();
    }
}
