using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Features.Signing;

/// <summary>A file the system issued (a signed result today, an outgoing document after issue 23.1), found by its SHA-256 or its code.</summary>
public sealed record IssuedFile(string Kind, string Code, string Title, string? UnitName, DateTime IssuedAtUtc, string Sha256, string? CertificateThumbprint);

/// <summary>Where a feature that issues signed files lets anyone check one (Results registers the signed results).</summary>
public interface IIssuedFiles
{
    Task<IssuedFile?> FindBySha256Async(string sha256, CancellationToken ct);

    Task<IssuedFile?> FindByCodeAsync(string code, CancellationToken ct);
}

/// <summary>How one signature is trusted: chains to a configured root, or is the system's own certificate on a file it issued.</summary>
public enum TrustBasis
{
    None,
    TrustedRoot,
    IssuedBySystem,
}

/// <summary>One signature as the public sees it: personal data in the subject masked.</summary>
public sealed record SignatureReport(
    string FieldName,
    string Level,
    string? Signer,
    string? SignerSubject,
    string? Issuer,
    DateTimeOffset? SigningTime,
    DateTimeOffset? TimestampTime,
    bool IntegrityValid,
    bool CoversWholeDocument,
    bool Trusted,
    TrustBasis TrustBasis,
    RevocationStatus Revocation,
    IReadOnlyList<string> Problems);

/// <summary>The answer of a verification: the file's hash, whether the system issued it, and each signature in signing order.</summary>
public sealed record VerificationReport(string Sha256, long Size, IssuedFile? Issued, IReadOnlyList<SignatureReport> Signatures)
{
    /// <summary>Every signature intact and trusted, the last one covering the whole file.</summary>
    public bool Valid => Signatures.Count > 0 && Signatures.All(s => s.IntegrityValid && s.Trusted) && Signatures[^1].CoversWholeDocument;
}

/// <summary>
/// Verification for anyone (issue 23.4): a PDF in, each signature's signer, time, integrity, whole-document coverage and
/// trust out, and whether the file is one the system issued (its SHA-256 among the issued files). The system's own
/// certificate counts as trusted on a file it issued, even when it is not under a configured root (the demo's).
/// </summary>
public sealed partial class VerifyPdfSignatures(SignatureVerifier verifier, IEnumerable<IIssuedFiles> issued, IStringLocalizer<SharedResource> t)
{
    /// <summary>The largest file checked; the upload limit of the server is larger.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>The uploaded file's bytes (null when none was sent), or too large to check.</summary>
    public static async Task<(byte[]? Bytes, bool TooLarge)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 })
        {
            return (null, false);
        }

        if (file.Length > MaxBytes)
        {
            return (null, true);
        }

        using var copy = new MemoryStream((int)file.Length);
        await file.CopyToAsync(copy, ct);
        return (copy.ToArray(), false);
    }

    public abstract record Outcome;

    public sealed record Verified(VerificationReport Report) : Outcome;

    /// <summary>Nothing to check: empty, too large, or not a PDF.</summary>
    public sealed record Invalid(string Message) : Outcome;

    /// <summary>A readable PDF with no signature field; the file may still be one the system issued (unsigned copies are not).</summary>
    public sealed record NotSigned(string Message, string Sha256) : Outcome;

    public async Task<Outcome> HandleAsync(byte[]? pdf, CancellationToken ct)
    {
        if (pdf is null || pdf.Length == 0)
        {
            return new Invalid(t["Chọn tệp PDF cần kiểm tra chữ ký số."]);
        }

        if (pdf.Length > MaxBytes)
        {
            return new Invalid(t["Tệp lớn hơn {0} MB, không kiểm tra được.", MaxBytes / 1024 / 1024]);
        }

        var sha = PdfSignatureReader.Sha256Hex(pdf);
        if (await verifier.VerifyAsync(pdf, ct) is not { } checks)
        {
            return new Invalid(t["Tệp không phải là PDF hoặc bị hỏng, không đọc được."]);
        }

        if (checks.Count == 0)
        {
            return new NotSigned(t["Tệp PDF không có chữ ký số nào."], sha);
        }

        var file = await FindAsync(i => i.FindBySha256Async(sha, ct));
        var reports = checks.Select(c =>
        {
            var own = file?.CertificateThumbprint is { } thumbprint && string.Equals(thumbprint, c.SignerThumbprint, StringComparison.OrdinalIgnoreCase);
            var basis = c.ChainTrusted ? TrustBasis.TrustedRoot : own && c.Revocation != RevocationStatus.Revoked ? TrustBasis.IssuedBySystem : TrustBasis.None;
            return new SignatureReport(
                c.FieldName, c.Level, Mask(CommonName(c.SignerSubject)), Mask(c.SignerSubject), c.IssuerSubject is null ? null : Mask(c.IssuerSubject),
                c.SigningTime, c.TimestampTime, c.IntegrityValid, c.CoversWholeDocument, c.IntegrityValid && basis != TrustBasis.None, basis, c.Revocation,
                [.. c.Problems.Select(Mask)]);
        }).ToList();
        return new Verified(new VerificationReport(sha, pdf.Length, file, reports));
    }

    /// <summary>The issued file a QR code's link names (the result code), for the page to show what to compare with.</summary>
    public Task<IssuedFile?> FindIssuedAsync(string code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code) || code.Length > 64 ? Task.FromResult<IssuedFile?>(null) : FindAsync(i => i.FindByCodeAsync(code.Trim(), ct));

    private async Task<IssuedFile?> FindAsync(Func<IIssuedFiles, Task<IssuedFile?>> find)
    {
        foreach (var source in issued)
        {
            if (await find(source) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? CommonName(string? subject) =>
        subject is null ? null : CnPattern().Match(subject) is { Success: true } m ? m.Groups[1].Value.Trim('"', ' ') : subject;

    /// <summary>Identity numbers (CCCD, MST, phone) keep their last 3 digits; e-mail addresses their first letter and domain.</summary>
    internal static string Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var digits = DigitsPattern().Replace(text, m => new string('*', m.Length - 3) + m.Value[^3..]);
        return EmailPattern().Replace(digits, m => m.Groups[1].Value[..1] + new string('*', Math.Max(1, m.Groups[1].Length - 1)) + "@" + m.Groups[2].Value);
    }

    [GeneratedRegex(@"CN=((?:""[^""]*""|[^,+])+)")]
    private static partial Regex CnPattern();

    [GeneratedRegex(@"\d{6,}")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+)")]
    private static partial Regex EmailPattern();
}
