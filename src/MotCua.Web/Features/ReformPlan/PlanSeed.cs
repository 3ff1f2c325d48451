using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>The plan file's shape (DemoData/ke-hoach-cchc-bac-ai-2021-2025.json), the source of truth for the Bác Ái plan.</summary>
public sealed record PlanFile(
    string Title, string? DecisionNumber, string IssuingUnitCode, int PeriodFrom, int PeriodTo, PlanFileParent? ParentPlan,
    string? Source, string[]? Notes, PlanFileSection[] Sections, PlanFileTarget[] Targets)
{
    public const string FileName = "ke-hoach-cchc-bac-ai-2021-2025.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static PlanFile Load(string path) =>
        JsonSerializer.Deserialize<PlanFile>(File.ReadAllText(path), Options) ?? throw new InvalidDataException(path);
}

public sealed record PlanFileParent(string Title, string? DecisionNumber, string IssuingUnitCode, int PeriodFrom, int PeriodTo);

public sealed record PlanFileSection(string Code, string Title, PlanFileTask[] Tasks);

public sealed record PlanFileTask(string Number, string Text, string? Product, string Timing, string Lead, string? Partners, string? Remark = null);

public sealed record PlanFileTarget(
    string Code, string Text, decimal Value, string Unit, string Comparison, int Year, int? BaseYear, string? Scope, string? IndicatorKey, string? Note);

public static class PlanSeed
{
    public static async Task SeedAsync(AppDbContext db, string dataFolder, CancellationToken ct = default)
    {
        var file = PlanFile.Load(Path.Combine(dataFolder, PlanFile.FileName));
        if (await db.Plans.AnyAsync(ct))
        {
            await AddMissingTargetsAsync(db, file, ct);
            return;
        }

        var units = await db.Units.ToListAsync(ct);
        var byCode = units.ToDictionary(u => u.Code);
        Plan? parent = null;
        if (file.ParentPlan is { } p)
        {
            parent = new Plan
            {
                Title = p.Title,
                DecisionNumber = p.DecisionNumber,
                IssuingUnitId = byCode[p.IssuingUnitCode].Id,
                PeriodFrom = p.PeriodFrom,
                PeriodTo = p.PeriodTo,
            };
            db.Plans.Add(parent);
        }

        var plan = new Plan
        {
            Title = file.Title,
            DecisionNumber = file.DecisionNumber,
            IssuingUnitId = byCode[file.IssuingUnitCode].Id,
            ParentPlan = parent,
            PeriodFrom = file.PeriodFrom,
            PeriodTo = file.PeriodTo,
            Note = file.Notes is null ? null : string.Join(" ", file.Notes),
        };
        var district = byCode[file.IssuingUnitCode];
        var order = 0;
        foreach (var section in file.Sections)
        {
            foreach (var t in section.Tasks)
            {
                var task = new PlanTask
                {
                    SectionCode = section.Code,
                    SectionTitle = section.Title,
                    SortOrder = ++order,
                    Number = t.Number,
                    Text = t.Text,
                    Product = t.Product,
                    Timing = t.Timing,
                    LeadText = t.Lead,
                    PartnersText = t.Partners,
                    Remark = t.Remark,
                };
                PlanTasks.AssignUnits(task, units, district, new DateOnly(file.PeriodFrom, 1, 1));
                PlanTasks.Schedule(task, file.PeriodFrom, file.PeriodTo);
                plan.Tasks.Add(task);
            }
        }

        foreach (var t in file.Targets)
        {
            plan.Targets.Add(ToTarget(t));
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A database seeded before the file gained targets (seed §III.2, issue 20) receives the codes it lacks; nothing else changes.</summary>
    private static async Task AddMissingTargetsAsync(AppDbContext db, PlanFile file, CancellationToken ct)
    {
        var plan = await db.Plans.Include(p => p.Targets)
            .Where(p => p.IssuingUnit!.Code == file.IssuingUnitCode && p.PeriodFrom == file.PeriodFrom && p.PeriodTo == file.PeriodTo && p.Title == file.Title)
            .OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return;
        }

        var have = plan.Targets.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var t in file.Targets.Where(t => !have.Contains(t.Code)))
        {
            plan.Targets.Add(ToTarget(t));
        }

        await db.SaveChangesAsync(ct);
    }

    private static PlanTarget ToTarget(PlanFileTarget t) => new()
    {
        Code = t.Code,
        Text = t.Text,
        Value = t.Value,
        Unit = t.Unit,
        Comparison = Enum.Parse<TargetComparison>(t.Comparison.Replace("-", "", StringComparison.Ordinal), ignoreCase: true),
        Year = t.Year,
        BaseYear = t.BaseYear,
        Scope = t.Scope,
        IndicatorKey = t.IndicatorKey,
        Note = t.Note,
    };
}

public static class PlanTasks
{
    /// <summary>Links the printed lead and partner names to units; the first specific lead office becomes the task's lead unit.</summary>
    public static void AssignUnits(PlanTask task, IReadOnlyCollection<OrgUnit> units, OrgUnit district, DateOnly on)
    {
        task.Units.Clear();
        var lead = PrintedUnits.Match(task.LeadText);
        var partners = PrintedUnits.Match(task.PartnersText);
        var byCode = units.ToDictionary(u => u.Code);
        task.LeadUnitId = lead.Codes.Select(c => byCode.GetValueOrDefault(c)?.Id).FirstOrDefault(id => id is not null);
        Add(lead, TaskUnitRole.Lead);
        Add(partners, TaskUnitRole.Partner);

        void Add(PrintedUnitMatch m, TaskUnitRole role)
        {
            var ids = m.Codes.Select(c => byCode.GetValueOrDefault(c)?.Id).OfType<int>().ToList();
            var children = units.Where(u => u.ParentId == district.Id && u.IsValidOn(on));
            if (m.AllOffices)
            {
                ids.AddRange(children.Where(u => u.Kind == UnitKind.Office).Select(u => u.Id));
            }

            if (m.AllCommunes)
            {
                ids.AddRange(children.Where(u => u.Kind == UnitKind.Commune).Select(u => u.Id));
            }

            foreach (var id in ids.Distinct())
            {
                task.Units.Add(new PlanTaskUnit { UnitId = id, Role = role });
            }
        }
    }

    /// <summary>Creates one occurrence per year of the plan the timing falls in; an unparsed timing gets undated occurrences for each year.</summary>
    public static void Schedule(PlanTask task, int fromYear, int toYear)
    {
        var rule = Timing.Parse(task.Timing);
        var existing = task.Occurrences.ToDictionary(o => o.Year);
        var dates = rule.Occurrences(fromYear, toYear).ToDictionary(d => d.Year, d => (DateOnly?)d);
        var years = rule.NeedsPerson ? Enumerable.Range(fromYear, toYear - fromYear + 1) : dates.Keys;
        foreach (var year in years)
        {
            var due = dates.GetValueOrDefault(year);
            if (existing.TryGetValue(year, out var o))
            {
                o.DueDate = rule.NeedsPerson ? o.DueDate : due;
                o.Continuous = rule.Kind == TimingKind.Continuous;
            }
            else
            {
                task.Occurrences.Add(new PlanTaskOccurrence { Year = year, DueDate = due, Continuous = rule.Kind == TimingKind.Continuous });
            }
        }

        // A changed timing drops the years it no longer covers, unless work was recorded there.
        task.Occurrences.RemoveAll(o => !years.Contains(o.Year) && o.Entries.Count == 0 && o.Progress == OccurrenceProgress.NotStarted);
    }
}

/// <summary>Report obligations (seed §V.1: monthly, quarterly, six-month, yearly reports and the yearly plan before 15/11).</summary>
public static class ReportObligationSeed
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.ReportObligations.AnyAsync(ct))
        {
            return;
        }

        const string demo = "Ngày nộp là giá trị demo: văn bản nguồn không quy định ngày cụ thể.";
        db.ReportObligations.AddRange(
            new ReportObligation { Kind = ReportKind.YearlyPlan, Name = "Kế hoạch cải cách hành chính năm", DueDay = 15, DueMonthOffset = -13, RemindDaysBefore = 10, DemoRule = false, Note = "Trước ngày 15/11 của năm trước liền kề (Kế hoạch, mục V.1)." },
            new ReportObligation { Kind = ReportKind.Monthly, Name = "Báo cáo tháng", DueDay = 20, DueMonthOffset = 0, RemindDaysBefore = 3, DemoRule = true, Note = demo },
            new ReportObligation { Kind = ReportKind.Quarterly, Name = "Báo cáo quý", DueDay = 20, DueMonthOffset = 0, RemindDaysBefore = 5, DemoRule = true, Note = demo },
            new ReportObligation { Kind = ReportKind.SixMonth, Name = "Báo cáo 6 tháng", DueDay = 20, DueMonthOffset = 0, RemindDaysBefore = 5, DemoRule = true, Note = demo },
            new ReportObligation { Kind = ReportKind.Yearly, Name = "Báo cáo năm", DueDay = 20, DueMonthOffset = -1, RemindDaysBefore = 7, DemoRule = true, Note = demo });
        await db.SaveChangesAsync(ct);
    }
}
