using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

/// <summary>
/// Demo catalogue: the 64 commune procedures of the national database through the real importer, then demo values
/// (marked as such) where the file is silent: processing time, fee amount, online mode and a processing template.
/// </summary>
public static class ProcedureSeed
{
    public const string DistrictDesk = "584.MC";
    private const string DistrictJustice = "584.TP";
    private static readonly DateOnly CatalogueStart = new(2021, 1, 1);

    public static async Task SeedAsync(AppDbContext db, string dataFolder, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Procedures.AnyAsync(ct))
        {
            return;
        }

        using (var reader = new StreamReader(Path.Combine(dataFolder, "procedures-sample.csv")))
        {
            var result = await ImportProcedures.RunAsync(db, reader, time, string.Format, "demo", ct);
            if (result.Errors.Count > 0)
            {
                throw new InvalidOperationException("Demo catalogue has bad rows: " + string.Join("; ", result.Errors.Select(e => $"{e.Line}: {e.Message}")));
            }
        }

        var procedures = await db.Procedures.Where(p => p.ValidTo == null).ToListAsync(ct);
        foreach (var p in procedures)
        {
            // The importer dates a version from today; the demo catalogue serves dossiers of the whole plan period.
            p.ValidFrom = CatalogueStart;
            FillDemoValues(p);
        }

        var communes = await db.Units.Where(u => u.Kind == UnitKind.Commune).ToListAsync(ct);
        foreach (var unit in communes)
        {
            foreach (var p in procedures.Where(p => p.CompetentUnitKind == UnitKind.Commune))
            {
                db.UnitProcedures.Add(new UnitProcedure { UnitId = unit.Id, ProcedureCode = p.Code, ValidFrom = unit.ValidFrom, ValidTo = unit.ValidTo });
            }
        }

        // The district desk took certification (chứng thực) dossiers too, as its reform plan lists.
        if (await db.Units.SingleOrDefaultAsync(u => u.Code == DistrictDesk, ct) is { } desk)
        {
            foreach (var p in procedures.Where(p => p.Field == "Chứng thực"))
            {
                db.UnitProcedures.Add(new UnitProcedure { UnitId = desk.Id, ProcedureCode = p.Code, ValidFrom = desk.ValidFrom, ValidTo = desk.ValidTo });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Invented values for the demo only; each carries its IsDemo flag so the pages say "giá trị minh họa".</summary>
    public static void FillDemoValues(Procedure p)
    {
        var name = TextFolding.Fold(p.Name);
        if (p.ProcessingDays is null && p.ProcessingHours is null)
        {
            p.ProcessingDays = p.Field switch { "Chứng thực" => 2, "Hộ tịch" => 5, "Nuôi con nuôi" => 20, "Giảm nghèo" => 10, _ => 15 };
            p.ProcessingTimeIsDemo = true;
        }

        foreach (var fee in p.Fees.Where(f => f.Amount is null))
        {
            fee.Amount = p.Field switch { "Hộ tịch" => 8000, "Chứng thực" => 10000, _ => 0 };
            fee.IsDemoValue = true;
        }

        var interUnit = name.StartsWith("lien thong", StringComparison.Ordinal) || name.Contains("nuoc ngoai", StringComparison.Ordinal) || p.Field == "Nuôi con nuôi";
        var days = p.ProcessingDays ?? 1;
        var desk = days >= 3 ? 1 : 0;
        var leader = days >= 3 ? 1 : 0;
        var partner = interUnit && days >= 4 ? Math.Max(1, (days - desk - leader) / 3) : 0;
        var specialist = days - desk - leader - partner;
        var steps = new List<TemplateStep>
        {
            new() { Name = "Tiếp nhận, kiểm tra hồ sơ", UnitKind = UnitKind.Commune, Role = StepRole.Desk, WorkingDays = desk },
            new() { Name = "Thẩm định, xử lý hồ sơ", UnitKind = UnitKind.Commune, Role = StepRole.Specialist, WorkingDays = specialist },
        };
        if (partner > 0)
        {
            steps.Add(new() { Name = "Phối hợp, cho ý kiến (liên thông)", UnitKind = UnitKind.Office, UnitCode = DistrictJustice, Role = StepRole.Specialist, WorkingDays = partner, IsInterUnit = true });
        }

        steps.Add(new() { Name = "Phê duyệt, ký kết quả", UnitKind = UnitKind.Commune, Role = StepRole.Leader, WorkingDays = leader });
        for (var i = 0; i < steps.Count; i++)
        {
            steps[i].Order = i + 1;
        }

        p.Steps = steps;
        p.TemplateIsDemo = true;

        // Online mode is not in the file: civil-status registrations and certified copies are commonly offered online.
        var full = (p.Field == "Hộ tịch" && !name.Contains("nuoc ngoai", StringComparison.Ordinal) && (name.Contains("khai sinh", StringComparison.Ordinal) || name.Contains("khai tu", StringComparison.Ordinal) || name.Contains("ket hon", StringComparison.Ordinal) || name.Contains("ban sao", StringComparison.Ordinal)))
            || name.Contains("chung thuc ban sao", StringComparison.Ordinal);
        var partial = !full && p.Field is "Hộ tịch" or "Chứng thực" or "Giảm nghèo";
        p.OnlineMode = full ? OnlineMode.Full : partial ? OnlineMode.Partial : OnlineMode.None;
        p.OnlineModeIsDemo = true;
        p.ResultKind = full ? ResultKind.Both : ResultKind.Paper;
        foreach (var d in p.Documents)
        {
            var doc = TextFolding.Fold(d.Name);
            d.Reusable = doc.Contains("can cuoc", StringComparison.Ordinal) || doc.Contains("giay khai sinh", StringComparison.Ordinal);
        }
    }
}
