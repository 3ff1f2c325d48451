using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Meetings;

/// <summary>The scheduling form: the same <see cref="ScheduleMeeting"/> as the API; a document uploaded here goes through the file checks first.</summary>
public sealed class ScheduleModel(ScheduleMeeting schedule, SaveUpload uploads, AppDbContext db) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Start { get; set; }
    [BindProperty] public int? DurationMinutes { get; set; } = 60;
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public bool Online { get; set; } = true;
    [BindProperty] public string? ExternalUrl { get; set; }
    [BindProperty] public string? ChairUserName { get; set; }
    [BindProperty] public string? ChairName { get; set; }
    [BindProperty] public string? InviteUsers { get; set; }
    [BindProperty] public string? InviteUnits { get; set; }
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public IFormFile? Document { get; set; }

    public Dictionary<string, string[]> Errors { get; } = [];

    public void OnGet() => ChairUserName ??= User.Identity?.Name;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var items = (Agenda ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        string? fileId = null;
        if (Document is { Length: > 0 })
        {
            switch (await uploads.CheckAndStoreAsync(Document, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct))
            {
                case SaveUpload.Saved(var f):
                    await db.SaveChangesAsync(ct);
                    fileId = f.Id;
                    break;
                case SaveUpload.Rejected(var message, _):
                    Errors["Document"] = [message];
                    return Page();
            }

            if (items.Count == 0)
            {
                items.Add(Title ?? "");
            }
        }

        var request = new ScheduleRequest(Title, null, string.IsNullOrWhiteSpace(ChairUserName) ? null : ChairUserName, ChairName, Start, DurationMinutes,
            Place, Online, ExternalUrl, Split(InviteUsers), Split(InviteUnits),
            [.. items.Select((title, i) => new AgendaRequest(title, null, i == 0 && fileId is not null ? [new DocumentRequest(fileId, null, Document!.FileName)] : null))]);
        switch (await schedule.HandleAsync(request, User, ct))
        {
            case ScheduleMeeting.Scheduled(var m):
                return Redirect($"/Meetings/Details?id={m.Id}&scheduled=1");
            case ScheduleMeeting.Invalid(var field, var message):
                Errors[Field(field)] = [message];
                return Page();
            default:
                throw new InvalidOperationException("Unhandled outcome.");
        }
    }

    private static string[] Split(string? text) => [.. (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Field(string apiField) => apiField switch
    {
        "title" => "Title",
        "start" => "Start",
        "durationMinutes" => "DurationMinutes",
        "place" => "Place",
        "externalUrl" => "ExternalUrl",
        "chairUserName" or "chairName" => "ChairUserName",
        "inviteUsers" => "InviteUsers",
        "inviteUnits" => "InviteUnits",
        "agenda" => "Agenda",
        _ => "Title",
    };
}
