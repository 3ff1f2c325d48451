using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Files;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>What signing a recorded result gave: the upload id of the signed copy (null when the result is on paper), or why it could not be signed.</summary>
public sealed record ResultSigning(string? SignedFileId, string? Problem);

/// <summary>
/// Signs a recorded result when the procedure returns it electronically (issue 20 item 1); implemented by the results
/// feature, which owns the signed-result rows and depends on this folder. Adds its rows to the given context, so they
/// commit in the action's transaction.
/// </summary>
public interface IResultSigner
{
    Task<ResultSigning> SignAsync(AppDbContext db, Dossier dossier, UploadedFile original, string ownerUserId, DateTime nowUtc, CancellationToken ct);
}

/// <summary>Result files: uploads of PDFs the officer may read; older rows kept a content hash or a typed file code and are still read.</summary>
public static class ResultFiles
{
    public const string PdfContentType = "application/pdf";

    /// <summary>The content hash behind a result reference: an upload id (32 hex), or the content hash older rows stored (64 hex).</summary>
    public static async Task<string?> ShaOfAsync(AppDbContext db, string? reference, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        if (reference.Length == 32)
        {
            return await db.UploadedFiles.AsNoTracking().Where(f => f.Id == reference).Select(f => f.Sha256).SingleOrDefaultAsync(ct);
        }

        return reference.Length == 64 ? reference : null;
    }

    /// <summary>The upload the caller may read, when it is a PDF; null for an unknown id, someone else's file or another type.</summary>
    public static async Task<UploadedFile?> ReadablePdfAsync(AppDbContext db, IEnumerable<IFileReadGrant> grants, string id, ClaimsPrincipal user, CancellationToken ct) =>
        await FilesApi.FindReadableAsync(db, grants, id.Trim(), user, ct) is { ContentType: PdfContentType } file ? file : null;
}
