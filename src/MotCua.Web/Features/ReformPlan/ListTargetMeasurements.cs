using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record MeasurementDto(int Id, decimal Value, string? Note, string EvidenceName, string EvidenceUrl, string EnteredBy, DateTime EnteredAt);

/// <summary>The figures entered by hand for a target, newest first; each links to its scoped evidence address.</summary>
public static class ListTargetMeasurements
{
    internal static MeasurementDto ToDto(int planId, TargetMeasurement m) => new(
        m.Id, m.Value, m.Note, m.EvidenceName, $"/api/v1/plans/{planId}/targets/{m.TargetId}/measurements/{m.Id}/evidence", m.EnteredBy, m.EnteredAt);

    internal static async Task<MeasurementDto[]> HistoryAsync(AppDbContext db, int planId, int targetId, CancellationToken ct)
    {
        var rows = await db.Set<TargetMeasurement>().AsNoTracking().Where(m => m.TargetId == targetId).ToListAsync(ct);
        return [.. rows.OrderByDescending(m => m.EnteredAt).ThenByDescending(m => m.Id).Select(m => ToDto(planId, m))];
    }
}
