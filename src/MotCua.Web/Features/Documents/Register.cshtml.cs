using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>The văn thư registers an incoming document: the header as printed and, optionally, the scanned file.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class RegisterModel(RegisterDocument register, SaveUpload save, AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty] public string? Issuer { get; set; }
    [BindProperty] public string? Notation { get; set; }
    [BindProperty] public DateOnly? IssuedOn { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Signer { get; set; }
    [BindProperty] public string? Recipients { get; set; }
    [BindProperty] public string? Urgency { get; set; }
    [BindProperty] public string? Secrecy { get; set; }
    [BindProperty] public IFormFile? Attachment { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet() => ReceivedOn ??= VietnamTime.Today(time);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        DocumentForm.SubmitAsync(this, Errors, Attachment, save, db, ids => register.IncomingAsync(new IncomingRequest(Issuer, Notation, IssuedOn, ReceivedOn, Type, Subject, Signer, Recipients, Urgency, Secrecy, ids), User, ct), ct);
}
