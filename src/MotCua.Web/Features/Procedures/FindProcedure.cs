using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

/// <summary>One procedure by code: the version in force on a day, or the current version.</summary>
public static class FindProcedure
{
    public static Task<Procedure?> VersionAsync(AppDbContext db, string code, DateOnly? on, CancellationToken ct)
    {
        var q = db.Procedures.AsNoTracking().Where(p => p.Code == code);
        q = on is { } d ? q.Where(p => p.ValidFrom <= d && (p.ValidTo == null || p.ValidTo >= d)) : q.Where(p => p.ValidTo == null);
        return q.OrderByDescending(p => p.VersionNo).FirstOrDefaultAsync(ct);
    }
}
