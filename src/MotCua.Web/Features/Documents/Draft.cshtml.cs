using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>Any staff member drafts an outgoing document (often a reply: <c>?repliesTo=</c>) and sends it to the leader; the unit's drafts below.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class DraftModel(DraftDocument drafts, ReadDocuments reads, SaveUpload save, AppDbContext db) : OutgoingHeaderForm
{
    [BindProperty(SupportsGet = true)] public long? RepliesToId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public DraftRow[] Drafts { get; private set; } = [];
    public DocumentView? ReplyTo { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (ReplyTo is { } r)
        {
            // A reply: the answer names what it answers, the way a công văn trả lời does.
            Type ??= "CV";
            Subject ??= $"V/v trả lời văn bản số {r.Notation} ngày {r.IssuedOn.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} của {r.Issuer}";
            Recipients ??= r.Issuer + "\nLưu: VT.";
        }

        IssuerAbbreviation ??= "UBND";
        // The commune's or district's people's committee issues; a department types its own name.
        Issuer ??= User.FindFirstValue(AppClaims.UnitName) is { Length: > 1 } unit && (unit.StartsWith("Xã ", StringComparison.Ordinal) || unit.StartsWith("Huyện ", StringComparison.Ordinal))
            ? "Ủy ban nhân dân " + char.ToLowerInvariant(unit[0]) + unit[1..]
            : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (ids, error) = await DocumentForm.UploadAsync(Attachment, save, db, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (error is not null)
        {
            Errors["attachment"] = [error];
        }
        else
        {
            var request = new DraftRequest(Type, Issuer, IssuerAbbreviation, DrafterAbbreviation, Subject, Signer, Recipients, Urgency, Secrecy,
                ids?.FirstOrDefault(), string.IsNullOrWhiteSpace(Text) ? null : Text, RepliesToId);
            switch (await drafts.CreateAsync(request, User, ct))
            {
                case DraftDocument.Drafted(var d):
                    return Redirect($"/Documents/Details?id={d.Id}");
                case DraftDocument.Invalid(var field, var message):
                    Errors[field is "fileId" or "text" ? (field == "text" ? "text" : "attachment") : field] = [message];
                    break;
                case DraftDocument.Refused(var message):
                    Errors["attachment"] = [message];
                    break;
                case DraftDocument.NotFound:
                    return NotFound();
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Drafts = await drafts.ListAsync(User, ct);
        ReplyTo = RepliesToId is { } id && await reads.OneAsync(id, User, ct) is { Direction: "incoming" } d ? d : null;
    }
}
