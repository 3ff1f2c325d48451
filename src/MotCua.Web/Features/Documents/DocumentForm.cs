using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>What the register and issue forms share: the lists to choose from and the upload of one attachment.</summary>
public static class DocumentForm
{
    public static IReadOnlyList<DocumentType> Types => DocumentTypes.All;

    public static readonly (string Code, string Label)[] Urgencies = [("thuong", "Thường"), ("khan", "Khẩn"), ("thuong-khan", "Thượng khẩn"), ("hoa-toc", "Hỏa tốc")];

    public static readonly (string Code, string Label)[] Secrecies = [("thuong", "Thường"), ("mat", "Mật"), ("toi-mat", "Tối mật"), ("tuyet-mat", "Tuyệt mật")];

    /// <summary>
    /// What both registration pages do on post: store the attachment, register, and go to the document's page, or keep the
    /// page with the error under its field.
    /// </summary>
    public static async Task<IActionResult> SubmitAsync(
        PageModel page, Dictionary<string, string[]> errors, IFormFile? attachment, SaveUpload save, AppDbContext db,
        Func<string[]?, Task<RegisterDocument.Outcome>> register, CancellationToken ct)
    {
        var (ids, error) = await UploadAsync(attachment, save, db, page.User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        if (error is not null)
        {
            errors["attachment"] = [error];
            return page.Page();
        }

        switch (await register(ids))
        {
            case RegisterDocument.Registered(var d):
                return new RedirectResult($"/Documents/Details?id={d.Id}");
            case RegisterDocument.Invalid(var field, var message):
                errors[field] = [message];
                break;
        }

        return page.Page();
    }

    /// <summary>Stores the optional attachment as an upload of the user, so the handler checks it as it checks an API file id.</summary>
    public static async Task<(string[]? Ids, string? Error)> UploadAsync(IFormFile? file, SaveUpload save, AppDbContext db, string ownerId, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, null);
        }

        switch (await save.CheckAndStoreAsync(file, ownerId, ct))
        {
            case SaveUpload.Saved(var f):
                await db.SaveChangesAsync(ct);
                return ([f.Id], null);
            case SaveUpload.Rejected(var message, _):
                return (null, message);
            default:
                return (null, null);
        }
    }

    /// <summary>Staff of the user's subtree a leader may assign: user name and full name.</summary>
    public static async Task<(string UserName, string FullName)[]> StaffAsync(AppDbContext db, string scope, CancellationToken ct) =>
        [.. (await db.Users.AsNoTracking().Where(u => u.UnitId != null && db.Units.Any(x => x.Id == u.UnitId && x.Path.StartsWith(scope)))
            .OrderBy(u => u.FullName).Take(300).Select(u => new { u.UserName, u.FullName }).ToListAsync(ct))
            .Select(u => (u.UserName!, u.FullName))];
}

/// <summary>The header fields both forms show, with what was typed and the errors.</summary>
public sealed record HeaderFieldsModel(string? Type, string? Issuer, string? Subject, string? Signer, string? Recipients, string? Urgency, string? Secrecy, Dictionary<string, string[]> Errors);

/// <summary>The header of an outgoing document as the draft and issue forms bind it (ND 30/2020: type, issuer, ký hiệu parts, subject, signer, recipients, urgency, secrecy).</summary>
public abstract class OutgoingHeaderForm : PageModel
{
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Issuer { get; set; }
    [BindProperty] public string? IssuerAbbreviation { get; set; }
    [BindProperty] public string? DrafterAbbreviation { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Signer { get; set; }
    [BindProperty] public string? Recipients { get; set; }
    [BindProperty] public string? Urgency { get; set; }
    [BindProperty] public string? Secrecy { get; set; }
}
