using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

/// <summary>GET /api/v1/indicators/index766: the national service index (QĐ 766/QĐ-TTg) of a unit for a year or a quarter.</summary>
public static class Index766Api
{
    public static RouteGroupBuilder MapIndex766Api(this RouteGroupBuilder group)
    {
        group.MapGet("/index766", Get).Doc("getIndex766", "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)", "The national service index of Decision 766/QĐ-TTg for a unit and period.");
        return group;
    }

    private static async Task<Results<Ok<Index766Report>, ValidationProblem>> Get(
        string? unit, string? year, string? quarter, ReadIndex766 read, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
        await read.HandleAsync(user, unit, year, quarter, VietnamTime.Today(time), ct) switch
        {
            ReadIndex766.Found(var report) => TypedResults.Ok(report),
            ReadIndex766.Invalid(var errors) => TypedResults.ValidationProblem(errors, title: t["Không tính được Bộ chỉ số 766"]),
            var other => throw new InvalidOperationException($"Unexpected outcome {other}."),
        };
}
