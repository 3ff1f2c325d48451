using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Results;

/// <summary>The signed results, for public verification: a file is "issued by the system" when its SHA-256 is a signed result's.</summary>
public sealed class IssuedResults(AppDbContext db) : IIssuedFiles
{
    public Task<IssuedFile?> FindBySha256Async(string sha256, CancellationToken ct) => FindAsync(db.SignedResults.Where(r => r.Sha256 == sha256), ct);

    public Task<IssuedFile?> FindByCodeAsync(string code, CancellationToken ct) => FindAsync(db.SignedResults.Where(r => r.ResultCode == code), ct);

    private async Task<IssuedFile?> FindAsync(IQueryable<SignedResult> rows, CancellationToken ct)
    {
        // Only what the result itself shows publicly: its code, the procedure and the unit, never the applicant.
        var found = await rows.AsNoTracking()
            .Join(db.Dossiers, r => r.DossierId, d => d.Id, (r, d) => new { r, ProcedureName = d.OwnProcedureName ?? db.Procedures.Where(p => p.Id == d.ProcedureId).Select(p => p.Name).FirstOrDefault(), UnitName = d.ReceivingUnit!.Name })
            .OrderByDescending(x => x.r.SignedAtUtc).FirstOrDefaultAsync(ct);
        return found is null
            ? null
            : new IssuedFile("result", found.r.ResultCode, found.ProcedureName ?? "", found.UnitName, found.r.SignedAtUtc, found.r.Sha256, found.r.CertificateThumbprint);
    }
}
