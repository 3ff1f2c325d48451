using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Tracking;

/// <summary>Public tracking without an account: code + last 4 digits, or code + the receipt's token; personal data masked.</summary>
public sealed class IndexModel(TrackingGuard guard) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Verifier { get; set; }

    /// <summary>The token of form 01's QR and the receipt's link: opens the dossier without the 4 digits.</summary>
    [BindProperty(SupportsGet = true, Name = "t")] public string? Token { get; set; }

    public TrackingDto? Result { get; private set; }
    public bool Missing { get; private set; }
    public bool Locked { get; private set; }

    public string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm");

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        var answer = await guard.TrackAsync(Code, Verifier, Token, ct);
        Result = answer.Found;
        Locked = answer.Locked;
        Missing = Result is null && !Locked;
    }
}
