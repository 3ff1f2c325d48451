using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Renames a scoring scheme; its year never changes.</summary>
public sealed class RenameScheme(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Renamed(ScoringScheme Scheme) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int id, SchemeRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        if (await db.ScoringSchemes.SingleOrDefaultAsync(s => s.Id == id, ct) is not { } scheme)
        {
            return new NotFound();
        }

        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Trim().Length > 300 || (body.Year is { } y && y != scheme.Year))
        {
            return new Invalid(new() { ["name"] = [t["Tên bộ tiêu chí là bắt buộc, tối đa 300 ký tự; năm của bộ tiêu chí không đổi được."]] });
        }

        scheme.Name = body.Name.Trim();
        await db.SaveChangesAsync(ct);
        return new Renamed(scheme);
    }
}
