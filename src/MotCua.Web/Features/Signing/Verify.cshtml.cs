using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// Verification for anyone (issue 23.4): upload a PDF, or arrive from the QR code of an issued result (<c>?code=</c> its
/// result code) and upload the file received to compare. The same answer as <c>POST /api/v1/signatures/verify</c>.
/// </summary>
public sealed class VerifyModel(VerifyPdfSignatures verify) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    /// <summary>The issued file the QR code names, to compare the upload with.</summary>
    public IssuedFile? Expected { get; private set; }

    public bool CodeNotFound { get; private set; }

    public VerificationReport? Report { get; private set; }

    public string? Error { get; private set; }

    public string? FileName { get; private set; }

    public string Local(DateTimeOffset? at) => at is { } t ? TimeZoneInfo.ConvertTime(t, VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm:ss") : "";

    public string Local(DateTime utc) => Local(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public async Task OnGetAsync(CancellationToken ct) => await FindExpectedAsync(ct);

    public async Task OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await FindExpectedAsync(ct);
        FileName = file?.FileName;
        var (bytes, tooLarge) = await VerifyPdfSignatures.ReadAsync(file, ct);
        if (tooLarge)
        {
            bytes = new byte[VerifyPdfSignatures.MaxBytes + 1];
        }

        switch (await verify.HandleAsync(bytes, ct))
        {
            case VerifyPdfSignatures.Verified(var report):
                Report = report;
                break;
            case VerifyPdfSignatures.Invalid(var message):
                Error = message;
                break;
            case VerifyPdfSignatures.NotSigned(var message, _):
                Error = message;
                break;
        }
    }

    private async Task FindExpectedAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            Expected = await verify.FindIssuedAsync(Code, ct);
            CodeNotFound = Expected is null;
        }
    }
}
