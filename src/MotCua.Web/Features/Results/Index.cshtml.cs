using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MotCua.Web.Features.Results;

/// <summary>The applicant downloads the signed electronic result, or asks for it by post to an address.</summary>
[Authorize]
public sealed class IndexModel(ElectronicResults results) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? RecipientName { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Address { get; set; }
    public ResultInfo? Info { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Info = await results.InfoAsync(Code ?? "", User, ct);
        if (Info?.Postal is { } p)
        {
            (RecipientName, Phone, Address) = (p.RecipientName, p.Phone, p.Address);
        }

        return Info is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) =>
        await results.DownloadAsync(Code ?? "", User, ct) switch
        {
            ElectronicResults.File(var bytes, var name) => File(bytes, "application/pdf", name),
            ElectronicResults.Conflict(var message) => await ShowAsync(message, ct),
            _ => NotFound(),
        };

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        switch (await results.RequestPostAsync(Code ?? "", new PostalRequest(RecipientName, Phone, Address), User, ct))
        {
            case ElectronicResults.Recorded:
                Message = "Đã ghi nhận yêu cầu trả kết quả qua bưu chính.";
                break;
            case ElectronicResults.Invalid(var errors):
                Errors = errors;
                break;
            case ElectronicResults.Conflict(var message):
                Errors = new() { ["address"] = [message] };
                break;
            default:
                return NotFound();
        }

        Info = await results.InfoAsync(Code ?? "", User, ct);
        return Page();
    }

    private async Task<IActionResult> ShowAsync(string message, CancellationToken ct)
    {
        Errors = new() { ["download"] = [message] };
        Info = await results.InfoAsync(Code ?? "", User, ct);
        return Info is null ? NotFound() : Page();
    }
}
