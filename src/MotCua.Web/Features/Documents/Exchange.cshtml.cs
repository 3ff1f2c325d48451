using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;

namespace MotCua.Web.Features.Documents;

/// <summary>"Gửi liên thông": send an issued outgoing document over edXML to units chosen from the tree, and follow each recipient's status packages.</summary>
[Authorize(Policy = AccountsSetup.StaffPolicy)]
public sealed class ExchangeModel(ReadDocuments reads, ExchangeRecipients recipients, SendDocument send, IStringLocalizer<SharedResource> t) : PageModel
{
    public DocumentView Document { get; private set; } = null!;
    public IReadOnlyList<EdxmlOrgan> Choices { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public string[]? Recipients { get; set; }

    public bool CanSend => Document is { Direction: "outgoing", Status: "issued", Secrecy: "thuong" };

    public async Task<IActionResult> OnGetAsync(long id, bool sent, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Done = sent ? t["Đã xếp văn bản vào hàng gửi liên thông."].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (Recipients is not { Length: > 0 })
        {
            Errors["recipients"] = [t["Chọn ít nhất một đơn vị nhận."]];
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        switch (await send.HandleAsync(id, new SendRequest(Recipients), User, ct))
        {
            case SendDocument.Sent:
                return RedirectToPage(new { id, sent = true });
            case SendDocument.Invalid(var field, var message):
                Errors[field] = [message];
                break;
            case SendDocument.Refused(var message):
                Error = message;
                break;
            default:
                return NotFound();
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await reads.OneAsync(id, User, ct) is not { } d)
        {
            return false;
        }

        Document = d;
        Choices = CanSend ? await recipients.ChoicesAsync(d.UnitCode, ct) : [];
        return true;
    }
}
