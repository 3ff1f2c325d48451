using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Tracking;

/// <summary>Public tracking without an account: code + last 4 digits; personal data masked.</summary>
public sealed class IndexModel(AppDbContext db, CalendarService calendars) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Verifier { get; set; }
    public TrackingDto? Result { get; private set; }
    public bool Missing { get; private set; }

    public string Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm");

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Code))
        {
            return;
        }

        Result = await ReadDossiers.TrackAsync(db, calendars, Code.Trim(), Verifier?.Trim(), ct);
        Missing = Result is null;
    }
}
