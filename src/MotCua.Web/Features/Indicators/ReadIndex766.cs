using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Indicators;

public sealed record Index766CriterionView(
    string Code, string Name, string Basis, double Max, string Data, string Rule, double? Threshold,
    long? Numerator, long? Denominator, double? Value, double Points, IReadOnlyList<string> Notes);

public sealed record Index766GroupView(string Code, string Name, double Max, double Points, IReadOnlyList<Index766CriterionView> Criteria);

/// <summary>One child unit in the ranking: its total and its points per group code.</summary>
public sealed record Index766RankRow(int Rank, UnitRef Unit, double Total, double MeasurableMax, IReadOnlyDictionary<string, double> Groups);

/// <summary>The national index (QĐ 766/QĐ-TTg) of a unit subtree for a year or a quarter, and the ranking of its child units.</summary>
public sealed record Index766Report(
    UnitRef Unit, int Year, int? Quarter, DateOnly From, DateOnly To, double Total, double Max, double MeasurableMax, string Note,
    IReadOnlyList<Index766GroupView> Groups, IReadOnlyList<Index766RankRow> Ranking);

/// <summary>
/// Reads the service index of QĐ 766 for the API and the dashboard: gathers the counts of the unit's subtree and of each
/// child unit and scores them with <see cref="Index766"/>. Dossier counts come from the aggregates of ADR 0009 (one read for
/// the whole subtree, grouped by child); the procedures used online, paid online or with an identified applicant from the
/// per-procedure aggregate rows; the catalogue from the units' procedures, and complaints and suggestions from the
/// feedback feature.
/// </summary>
public sealed class ReadIndex766(AppDbContext db, IIndexFeedback feedback, IStringLocalizer<SharedResource> t)
{
    /// <summary>The index started with the national portal's monitoring in 2022 (QĐ 766 of 23/6/2022).</summary>
    public const int FirstYear = 2022;

    public abstract record Outcome;
    public sealed record Found(Index766Report Report) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    private sealed record Target(string Code, string Name, string Path);

    public async Task<Outcome> HandleAsync(ClaimsPrincipal user, string? unit, string? year, string? quarter, DateOnly today, CancellationToken ct)
    {
        var (q, errors) = await ParseIndicatorPeriod.RunAsync(db, user, null, null, unit, today, t, ct);
        int y = today.Year;
        if (!string.IsNullOrWhiteSpace(year) && (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < FirstYear || y > today.Year))
        {
            errors["year"] = [t["Năm phải là số từ {0} đến {1}.", FirstYear, today.Year]];
        }

        int? n = null;
        if (!string.IsNullOrWhiteSpace(quarter))
        {
            if (int.TryParse(quarter.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= 1 and <= 4)
            {
                n = k;
            }
            else
            {
                errors["quarter"] = [t["Quý phải là 1, 2, 3 hoặc 4; bỏ trống để xem cả năm."]];
            }
        }

        var from = new DateOnly(errors.ContainsKey("year") ? today.Year : y, n is { } qn ? (3 * qn) - 2 : 1, 1);
        if (from > today && !errors.ContainsKey("year"))
        {
            errors["quarter"] = [t["Quý {0}/{1} chưa bắt đầu.", n ?? 0, y]];
        }

        if (q is null || errors.Count > 0)
        {
            return new Invalid(errors);
        }

        // The period so far: the index of the current quarter or year is read up to today.
        var end = n is null ? new DateOnly(y, 12, 31) : from.AddMonths(3).AddDays(-1);
        var to = end < today ? end : today;
        var children = await db.Units.AsNoTracking()
            .Where(u => u.ParentId == q.Unit.Id && u.ValidFrom <= to && (u.ValidTo == null || u.ValidTo >= from))
            .OrderBy(u => u.Code).Select(u => new Target(u.Code, u.Name, u.Path)).ToListAsync(ct);
        var self = new Target(q.Unit.Code, q.Unit.Name, q.Unit.Path);
        var scores = await ScoreAsync([self, .. children], q.Unit.Path, from, to, ct);

        var ranking = children.Select(c => (Unit: c, Result: scores[c.Code]))
            .OrderByDescending(x => x.Result.Total).ThenBy(x => x.Unit.Code, StringComparer.Ordinal)
            .Select((x, i) => new Index766RankRow(i + 1, new(x.Unit.Code, x.Unit.Name, x.Unit.Path), x.Result.Total, x.Result.MeasurableMax,
                x.Result.Groups.ToDictionary(g => g.Code, g => g.Points)))
            .ToList();
        var result = scores[self.Code];
        return new Found(new(
            new(self.Code, self.Name, self.Path), y, n, from, to, result.Total, result.Max, result.MeasurableMax,
            t["Tính từ dữ liệu của MotCua theo công thức của Văn phòng Chính phủ; tiêu chí không có dữ liệu trong MotCua được 0 điểm và ghi rõ."],
            [.. result.Groups.Select(View)], ranking));
    }

    /// <summary>Scores every target (the unit and its children) from one read per source over the unit's subtree.</summary>
    private async Task<Dictionary<string, Index766Result>> ScoreAsync(List<Target> targets, string path, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var period = Grains.Cover(from, to);
        var prefix = Grains.Cover(Grains.Origin, to);
        var totals = await IndicatorQueries.RowsAsync(db, path, [.. period, .. prefix], byProcedure: false, ct);
        var offered = await db.UnitProcedures.AsNoTracking()
            .Where(up => up.Unit!.Path.StartsWith(path) && up.ValidFrom <= to && (up.ValidTo == null || up.ValidTo >= to))
            .Select(up => new { up.Unit!.Path, up.ProcedureCode }).ToListAsync(ct);
        var codes = offered.Select(o => o.ProcedureCode).Distinct().ToList();
        // Only three sums of the offered procedures are scored: read them by key (the aggregates' key starts with the procedure)
        // and summed per unit and procedure in the database, not every procedure row of the period (a scan of the whole table).
        var byProcedure = await IndicatorQueries.ProcedureUseAsync(db, path, period, codes, ct);
        var catalogue = (await db.Procedures.AsNoTracking()
                .Where(p => codes.Contains(p.Code) && p.ValidFrom <= to && (p.ValidTo == null || p.ValidTo >= to)).ToListAsync(ct))
            .GroupBy(p => p.Code).ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.ValidFrom).First(), StringComparer.Ordinal);

        var complaints = await feedback.ReceivedAsync(path, from, to, ct);

        // Summed once per unit path, then per target over its paths: not every row once per target.
        var byPath = IndicatorQueries.SumVectors(totals, period, prefix, a => a.UnitPath);
        var scores = new Dictionary<string, Index766Result>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            bool In(string p) => p.StartsWith(target.Path, StringComparison.Ordinal);
            var (inPeriod, upToEnd, any) = (new MeasureVector(), new MeasureVector(), false);
            foreach (var (unitPath, sums) in byPath)
            {
                if (In(unitPath))
                {
                    inPeriod.Add(sums.Period);
                    upToEnd.Add(sums.UpToEnd);
                    any = true;
                }
            }

            var counts = any ? IndicatorCounts.FromSums(inPeriod, upToEnd) : new IndicatorCounts();
            var perProcedure = byProcedure.Where(u => In(u.UnitPath)).GroupBy(u => u.ProcedureCode, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new ProcedureUse("", g.Key, g.Sum(u => u.ReceivedOnline), g.Sum(u => u.FeeBearingPaidOnline), g.Sum(u => u.Identified)),
                    StringComparer.Ordinal);
            var procedures = offered.Where(o => In(o.Path)).Select(o => o.ProcedureCode).Distinct(StringComparer.Ordinal)
                .Select(c => catalogue.GetValueOrDefault(c)).OfType<Procedure>().ToList();
            var online = procedures.Where(p => p.OnlineMode != OnlineMode.None).ToList();
            var withFee = procedures.Where(p => p.HasFee).ToList();
            var mine = complaints.Where(f => In(f.UnitPath)).ToList();
            scores[target.Code] = Index766.Score(new Index766Input
            {
                Counts = counts,
                Procedures = procedures.Count,
                OnlineProcedures = online.Count,
                OnlineProceduresUsed = online.Count(p => perProcedure.GetValueOrDefault(p.Code)?.ReceivedOnline > 0),
                FeeProcedures = withFee.Count,
                FeeProceduresPaidOnline = withFee.Count(p => perProcedure.GetValueOrDefault(p.Code)?.FeeBearingPaidOnline > 0),
                ProceduresWithIdentified = procedures.Count(p => perProcedure.GetValueOrDefault(p.Code)?.Identified > 0),
                Feedback = mine.Count,
                FeedbackOnTime = mine.Count(f => Index766.FeedbackOnTime(f.Facts, to)),
            });
        }

        return scores;
    }

    private Index766GroupView View(Group766 g) => new(g.Code, t[g.Name], g.Max, g.Points, [.. g.Criteria.Select(c => new Index766CriterionView(
        c.Code, t[c.Name], c.Basis, c.Max, c.Data switch { Index766Data.Measured => "measured", Index766Data.Partial => "partial", _ => "none" },
        c.Rule switch { Index766Rule.Proportional => "proportional", Index766Rule.FullAt => "fullAt", _ => "notMeasured" },
        c.Threshold, c.Numerator, c.Denominator, c.Value, c.Points, [.. c.Notes.Select(n => t[n].Value)]))]);
}
