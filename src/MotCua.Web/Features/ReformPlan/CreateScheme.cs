using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Phòng Nội vụ opens the scoring scheme of a year, empty or as a copy of the latest earlier year's tree (ADR 0015).</summary>
public sealed class CreateScheme(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Created(ScoringScheme Scheme) : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(SchemeRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var errors = new Dictionary<string, string[]>();
        ScoringScheme? previous = null;
        if (body.Year is not (>= 2000 and <= 2100) || body.Year is not { } year)
        {
            errors["year"] = [t["Năm của bộ tiêu chí không hợp lệ."]];
            return new Invalid(errors);
        }

        if (await db.ScoringSchemes.AnyAsync(s => s.Year == year, ct))
        {
            errors["year"] = [t["Đã có bộ tiêu chí năm {0}; mỗi năm chỉ có một bộ tiêu chí.", year]];
        }

        if (body.Name?.Trim().Length > 300)
        {
            errors["name"] = [t["Tên bộ tiêu chí tối đa 300 ký tự."]];
        }

        if (body.CopyPrevious == true)
        {
            previous = await db.ScoringSchemes.AsNoTracking().Include(s => s.Criteria).Where(s => s.Year < year).OrderByDescending(s => s.Year).FirstOrDefaultAsync(ct);
            if (previous is null)
            {
                errors["copyPrevious"] = [t["Không có bộ tiêu chí của năm trước {0} để sao chép.", year]];
            }
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var scheme = new ScoringScheme
        {
            Year = year,
            Name = string.IsNullOrWhiteSpace(body.Name) ? t["Bộ tiêu chí đánh giá kết quả CCHC năm {0}", year] : body.Name.Trim(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ScoringSchemes.Add(scheme);
        if (previous is not null)
        {
            var copies = previous.Criteria.ToDictionary(c => c.Id, c => new ScoringCriterion
            {
                Code = c.Code,
                Title = c.Title,
                MaxPoints = c.MaxPoints,
                EvidenceRequired = c.EvidenceRequired,
                SortOrder = c.SortOrder,
            });
            scheme.Criteria.AddRange(copies.Values);
            await db.SaveChangesAsync(ct);
            foreach (var c in previous.Criteria.Where(c => c.ParentId is not null))
            {
                copies[c.Id].ParentId = copies[c.ParentId!.Value].Id;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Created(scheme);
    }
}
