using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

public sealed record IssueDto(long Id, string Reference, string DossierCode, string Kind, string KindLabel, string Detail, DateTime DetectedAt, DateTime? ResolvedAt, string? ResolvedBy, string? ResolutionNote);

/// <summary>What the reconciliation flagged, newest first: the open issues or all of them.</summary>
public static class ListPaymentIssues
{
    public static async Task<IssueDto[]> QueryAsync(AppDbContext db, bool open, CancellationToken ct)
    {
        var q = db.PaymentIssues.AsNoTracking();
        q = open ? q.Where(i => i.ResolvedAtUtc == null) : q;
        var rows = await q.OrderByDescending(i => i.Id).Take(500).ToListAsync(ct);
        return [.. rows.Select(i => new IssueDto(i.Id, i.Reference, i.DossierCode, i.Kind, IssueKinds.Label(i.Kind), i.Detail, i.DetectedAtUtc, i.ResolvedAtUtc, i.ResolvedBy, i.ResolutionNote))];
    }
}
