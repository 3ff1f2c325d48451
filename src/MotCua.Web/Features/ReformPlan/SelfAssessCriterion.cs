using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

public sealed record SelfAssessmentRequest(string? CriterionCode, decimal? Score, string? Note, IFormFile? File);

/// <summary>Any staff member of a reporting unit records the unit's self-assessment of one leaf criterion, with evidence.</summary>
public sealed class SelfAssessCriterion(AppDbContext db, IFileStore files, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Done : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(int schemeId, SelfAssessmentRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!await db.ScoringSchemes.AnyAsync(s => s.Id == schemeId, ct))
        {
            return new NotFound();
        }

        var unitId = user.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is not { Kind: UnitKind.Office or UnitKind.Commune, Parent.Kind: UnitKind.District })
        {
            return new Invalid(new() { ["unit"] = [t["Đơn vị của bạn không thuộc diện đánh giá cải cách hành chính."]] });
        }

        var (criterion, errors) = await LeafAsync(db, schemeId, body.CriterionCode, body.Score, t, ct);
        if (await FileTypes.ProblemAsync(body.File, ct) is { } fileProblem)
        {
            errors["file"] = [t[fileProblem]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var a = await db.Assessments.SingleOrDefaultAsync(x => x.CriterionId == criterion!.Id && x.UnitId == unit.Id, ct);
        if (a is null)
        {
            a = new Assessment { CriterionId = criterion!.Id, UnitId = unit.Id };
            db.Assessments.Add(a);
        }

        a.SelfScore = body.Score;
        a.SelfNote = body.Note?[..Math.Min(body.Note.Length, 2000)];
        if (body.File is { Length: > 0 } file)
        {
            a.EvidenceSha256 = await FileUploads.SaveAsync(file, db, files, time, ct);
            a.EvidenceName = FileUploads.SafeName(file.FileName);
        }

        await db.SaveChangesAsync(ct);
        return new Done();
    }

    /// <summary>The leaf criterion of the scheme with that code, and the score checked against its maximum.</summary>
    internal static async Task<(ScoringCriterion? Criterion, Dictionary<string, string[]> Errors)> LeafAsync(
        AppDbContext db, int schemeId, string? code, decimal? score, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var criterion = string.IsNullOrWhiteSpace(code) ? null : await db.ScoringCriteria.SingleOrDefaultAsync(c => c.SchemeId == schemeId && c.Code == code, ct);
        if (criterion is null || await db.ScoringCriteria.AnyAsync(c => c.ParentId == criterion.Id, ct))
        {
            errors["criterionCode"] = [t["Không tìm thấy tiêu chí chấm điểm '{0}'.", code ?? ""]];
        }
        else if (score is null || score < 0 || score > criterion.MaxPoints)
        {
            errors["score"] = [t["Điểm phải từ 0 đến {0}.", criterion.MaxPoints.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)]];
        }

        return (criterion, errors);
    }
}
