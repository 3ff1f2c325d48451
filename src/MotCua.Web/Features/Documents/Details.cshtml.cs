using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>One document: header, attachments, holders and history; the leader assigns it here and the holders record progress.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class DetailsModel(ReadDocuments reads, AssignDocument assign, RecordDocumentProgress progress, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Lead { get; set; }
    [BindProperty] public string[] Coordinate { get; set; } = [];
    [BindProperty] public string[] Info { get; set; } = [];
    [BindProperty] public int? WorkingDays { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Close { get; set; }
    public DocumentView Document { get; private set; } = null!;
    public (string UserName, string FullName)[] Staff { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The signed-in user holds an open part of this document.</summary>
    public bool Holding => Document.Holders.Any(h => h.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier) && !h.Closed);

    public bool CanAssign => (User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Admin)) && Document.Direction == "incoming" && Document.Status != "done";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        var holders = new List<HolderRequest>();
        if (!string.IsNullOrEmpty(Lead))
        {
            holders.Add(new(Lead, "chu-tri"));
        }

        holders.AddRange(Coordinate.Where(u => u != Lead).Select(u => new HolderRequest(u, "phoi-hop")));
        holders.AddRange(Info.Where(u => u != Lead && !Coordinate.Contains(u)).Select(u => new HolderRequest(u, "de-biet")));
        // A date typed wins over the number of days the form pre-fills.
        var request = new AssignRequest([.. holders], Deadline, Deadline is null ? WorkingDays : null, Note);
        switch (await assign.HandleAsync(Id, request, User, ct))
        {
            case AssignDocument.Assigned:
                return Redirect($"/Documents/Details?id={Id}");
            case AssignDocument.NotFound:
                return NotFound();
            case AssignDocument.Invalid(var field, var message):
                Errors[field == "holders" ? "lead" : field] = [message];
                break;
            case AssignDocument.Refused(var message):
                Error = message;
                break;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostProgressAsync(CancellationToken ct)
    {
        switch (await progress.HandleAsync(Id, new ProgressRequest(Note, Close), User, ct))
        {
            case RecordDocumentProgress.Recorded:
                return Redirect($"/Documents/Details?id={Id}");
            case RecordDocumentProgress.NotFound:
                return NotFound();
            case RecordDocumentProgress.Invalid(var field, var message):
                Errors[field] = [message];
                break;
            case RecordDocumentProgress.Refused(var message):
                Error = message;
                break;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await reads.OneAsync(Id, User, ct) is not { } d)
        {
            return false;
        }

        Document = d;
        if (CanAssign)
        {
            Staff = await DocumentForm.StaffAsync(db, User.ScopePath(), ct);
            WorkingDays ??= 5;
        }

        return true;
    }
}
