using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>The văn thư numbers and issues an outgoing document today: số from the book, ký hiệu per ND 30/2020.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class IssueModel(RegisterDocument register, SaveUpload save, AppDbContext db) : OutgoingHeaderForm
{
    [BindProperty] public IFormFile? Attachment { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        DocumentForm.SubmitAsync(this, Errors, Attachment, save, db, ids => register.OutgoingAsync(new OutgoingRequest(Type, Issuer, IssuerAbbreviation, DrafterAbbreviation, null, Subject, Signer, Recipients, Urgency, Secrecy, ids), User, ct), ct);
}
