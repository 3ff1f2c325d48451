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
public sealed class DetailsModel(
    ReadDocuments reads, AssignDocument assign, RecordDocumentProgress progress, AppDbContext db, DraftDocument drafts, SignDraft signing, IssueDraft issuing,
    Files.SaveUpload save) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string? Lead { get; set; }
    [BindProperty] public string[] Coordinate { get; set; } = [];
    [BindProperty] public string[] Info { get; set; } = [];
    [BindProperty] public int? WorkingDays { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Close { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }
    public DocumentView Document { get; private set; } = null!;
    public (string UserName, string FullName)[] Staff { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>The signed-in user holds an open part of this document.</summary>
    public bool Holding => Document.Holders.Any(h => h.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier) && !h.Closed);

    /// <summary>A leader of the unit signs or returns a draft waiting for the signature.</summary>
    public bool CanSign => (User.IsInRole(Roles.Leader) || User.IsInRole(Roles.Admin)) && Document.Status == "draft" && Document.Draft is { ReturnNote: null };

    /// <summary>The drafter sends a returned draft again.</summary>
    public bool CanResubmit => Document.Status == "draft" && Document.Draft is { ReturnNote: not null } x && x.DrafterId == User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The clerk numbers and issues a signed draft.</summary>
    public bool CanIssue => IssueDraft.IsClerk(User) && Document.Status == "signed";

    /// <summary>An incoming document can be answered by a draft.</summary>
    public bool CanReply => Document.Direction == "incoming";

    /// <summary>The QR code of the public check of an issued draft (/Verify?code=VB-…), as a data URI.</summary>
    public string? VerifyQr => Document.Draft?.VerifyCode is { } code
        ? "data:image/png;base64," + Convert.ToBase64String(Forms.FormQr.Png($"{Request.Scheme}://{Request.Host}{Request.PathBase}/Verify?code={code}", 4))
        : null;

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

    public Task<IActionResult> OnPostSignAsync(CancellationToken ct) => SignedAsync(signing.SignAsync(Id, User, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => SignedAsync(signing.ReturnAsync(Id, new ReturnRequest(Note), User, ct), ct);

    public async Task<IActionResult> OnPostResubmitAsync(CancellationToken ct)
    {
        var (ids, error) = await DocumentForm.UploadAsync(Attachment, save, db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (error is not null)
        {
            Errors["attachment"] = [error];
            return await LoadAsync(ct) ? Page() : NotFound();
        }

        switch (await drafts.ResubmitAsync(Id, new ResubmitRequest(ids?.FirstOrDefault(), string.IsNullOrWhiteSpace(Text) ? null : Text, Note), User, ct))
        {
            case DraftDocument.Drafted:
                return Redirect($"/Documents/Details?id={Id}");
            case DraftDocument.NotFound:
                return NotFound();
            case DraftDocument.Invalid(var field, var message):
                Errors[field is "fileId" ? "attachment" : field] = [message];
                break;
            case DraftDocument.Refused(var message):
                Error = message;
                break;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        switch (await issuing.HandleAsync(Id, User, ct))
        {
            case IssueDraft.Issued:
                return Redirect($"/Documents/Details?id={Id}");
            case IssueDraft.NotFound:
                return NotFound();
            case IssueDraft.Refused(var message):
                Error = message;
                break;
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> SignedAsync(Task<SignDraft.Outcome> step, CancellationToken ct)
    {
        switch (await step)
        {
            case SignDraft.Done:
                return Redirect($"/Documents/Details?id={Id}");
            case SignDraft.NotFound:
                return NotFound();
            case SignDraft.Invalid(var field, var message):
                Errors[field == "note" ? "returnNote" : field] = [message];
                break;
            case SignDraft.Refused(var message):
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
