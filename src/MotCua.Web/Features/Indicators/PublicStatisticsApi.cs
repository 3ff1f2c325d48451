using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

public sealed record PublicStatistics(int Year, int Received, Dictionary<string, int> ByStatus, bool FromStandby);

/// <summary>Public statistics of one year: read through <see cref="ReadOnlyDb"/>, so from the standby when one is configured.</summary>
public static class PublicStatisticsApi
{
    public static RouteHandlerBuilder MapPublicStatisticsApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/public-statistics", Get).Doc("getPublicStatistics", "Thống kê công khai", "Public statistics of dossiers received and settled.").WithTags("Statistics").AllowAnonymous();

    private static async Task<Results<Ok<PublicStatistics>, ValidationProblem>> Get(int? year, ReadOnlyDb readOnly, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var y = year ?? VietnamTime.Today(time).Year;
        if (y is < 2000 or > 2100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [t["Năm thống kê từ 2000 đến 2100."]] });
        }

        await using var db = readOnly.Create();
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var counts = await db.Dossiers.Where(d => d.ReceivedOn >= from && d.ReceivedOn <= to)
            .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        return TypedResults.Ok(new PublicStatistics(y, counts.Sum(c => c.Count), counts.ToDictionary(c => c.Status.ToString(), c => c.Count), readOnly.UsesStandby));
    }
}
