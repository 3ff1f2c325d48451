using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

public sealed record ImportError(int Line, string Message);

public sealed record ImportResult(int Imported, int Updated, int Skipped, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Set when the file as a whole is unusable (no or wrong header): nothing was imported.</summary>
    public bool FileRejected { get; init; }
}

/// <summary>
/// Imports the national catalogue CSV. Idempotent: a row whose content is unchanged since the last import is skipped;
/// a changed row opens a new version effective from the local import date and closes the previous one.
/// </summary>
public static class ImportProcedures
{
    public static async Task<ImportResult> RunAsync(
        AppDbContext db, TextReader reader, TimeProvider time, Func<string, object[], string> localise, string? by, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new List<ImportError>();
        var rows = new List<(int Line, ProcedureRow Row)>();
        var badData = new List<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = a => badData.Add(a.Context.Parser?.RawRow ?? 0) };
        using (var parser = new CsvParser(reader, config))
        {
            var lastRawRow = 0L;
            var headerSeen = false;
            while (await parser.ReadAsync())
            {
                var line = (int)lastRawRow + 1;
                lastRawRow = parser.RawRow;
                var cells = parser.Record ?? [];
                if (!headerSeen)
                {
                    headerSeen = true;
                    if (!cells.Select(c => c.Trim().TrimStart('\uFEFF').ToLowerInvariant()).SequenceEqual(ProcedureRow.Columns))
                    {
                        return new ImportResult(0, 0, 0,
                            [new ImportError(line, localise("Dòng tiêu đề phải là: {0}", [string.Join(",", ProcedureRow.Columns)]))])
                        { FileRejected = true };
                    }

                    continue;
                }

                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (badData.Remove(line))
                {
                    errors.Add(new ImportError(line, localise("Dấu ngoặc kép đặt sai trong dòng.", [])));
                    continue;
                }

                if (ProcedureRow.Parse(cells, out var error) is { } row)
                {
                    rows.Add((line, row));
                }
                else
                {
                    errors.Add(new ImportError(line, localise(error!.Template, error.Args)));
                }
            }

            if (!headerSeen)
            {
                return new ImportResult(0, 0, 0, [new ImportError(1, localise("Tệp CSV trống.", []))]) { FileRejected = true };
            }
        }

        var current = await db.Procedures.Where(p => p.ValidTo == null).ToDictionaryAsync(p => p.Code, ct);
        var seen = new HashSet<string>();
        int imported = 0, updated = 0, skipped = 0;
        foreach (var (line, row) in rows)
        {
            if (!seen.Add(row.Code))
            {
                errors.Add(new ImportError(line, localise("Mã thủ tục '{0}' lặp lại trong tệp.", [row.Code])));
                continue;
            }

            if (current.TryGetValue(row.Code, out var existing))
            {
                if (existing.SourceHash == row.SourceHash)
                {
                    skipped++;
                    continue;
                }

                var next = existing.NextVersion(today);
                Apply(next, row, existing);
                next.ChangedAtUtc = now;
                next.ChangedBy = by;
                db.Procedures.Add(next);
                updated++;
            }
            else
            {
                var created = new Procedure { Code = row.Code, Name = row.Name, ValidFrom = today, ChangedAtUtc = now, ChangedBy = by };
                Apply(created, row, null);
                db.Procedures.Add(created);
                imported++;
            }
        }

        await db.SaveChangesAsync(ct);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ImportResult(imported, updated, skipped, errors);
    }

    /// <summary>Copies the CSV's fields; local data (template, result kind, reuse flags, demo online mode) stays from <paramref name="previous"/>.</summary>
    private static void Apply(Procedure p, ProcedureRow row, Procedure? previous)
    {
        p.Name = row.Name;
        p.Field = row.Field;
        p.Levels = string.Join(';', row.Levels);
        p.CompetentUnitKind = row.Levels.Contains("xã") ? UnitKind.Commune
            : row.Levels.Contains("huyện") ? UnitKind.District
            : row.Levels.Contains("tỉnh") ? UnitKind.Province : UnitKind.Commune;
        p.ProcessingDays = row.Days;
        p.ProcessingHours = null;
        p.ProcessingTimeIsDemo = false;
        // An empty fee cell is a fee the provincial council sets: the amount is missing until someone enters it.
        p.Fees = row.FeeVnd is { } fee
            ? [new FeeItem { Kind = FeeKind.Fixed, Name = "Lệ phí", Amount = fee }]
            : [new FeeItem { Kind = FeeKind.SetByProvincialCouncil, Name = "Lệ phí", Amount = null }];
        var reusable = previous?.Documents.Where(d => d.Reusable).Select(d => d.Name).ToHashSet() ?? [];
        p.Documents = [.. row.Documents.Select(d => new RequiredDocument { Name = d.Name, Kind = d.Kind, Count = d.Count, Reusable = reusable.Contains(d.Name) })];
        if (ParseOnline(row.Online) is { } mode)
        {
            p.OnlineMode = mode;
            p.OnlineModeIsDemo = false;
        }

        p.Source = row.Source;
        p.SourceHash = row.SourceHash;
        p.RefreshSearch();
    }

    public static OnlineMode? ParseOnline(string? value) => TextFolding.Fold(value) switch
    {
        "full" or "toan trinh" => OnlineMode.Full,
        "partial" or "mot phan" => OnlineMode.Partial,
        "none" or "khong" => OnlineMode.None,
        _ => null,
    };

    public static string? FormatOnline(Procedure p) => p.OnlineModeIsDemo ? null : p.OnlineMode switch
    {
        OnlineMode.Full => "toàn trình",
        OnlineMode.Partial => "một phần",
        _ => null,
    };
}
