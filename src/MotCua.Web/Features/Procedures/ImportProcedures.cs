using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

public sealed record ImportError(int Line, string Message);

/// <summary>What one import did to one procedure: <c>added</c> (version 1) or <c>changed</c> (a new version from today, with the fields that differ).</summary>
public sealed record ProcedureChange(string Code, string Name, string Change, int VersionNo, DateOnly ValidFrom, IReadOnlyList<string> Fields);

public sealed record ImportResult(int Imported, int Updated, int Skipped, IReadOnlyList<ImportError> Errors)
{
    /// <summary>Set when the file as a whole is unusable (no or wrong header): nothing was imported.</summary>
    public bool FileRejected { get; init; }

    /// <summary>The report of what changed: every added or changed procedure; unchanged ones are only counted.</summary>
    public IReadOnlyList<ProcedureChange> Changes { get; init; } = [];

    /// <summary>Current procedures the file does not list: reported, never closed (a file may cover one field or level only).</summary>
    public IReadOnlyList<string> NotInFile { get; init; } = [];
}

/// <summary>
/// Imports the national catalogue: the CSV (the export's own format), or the national database's JSON and Excel exports
/// (<see cref="CatalogueFiles"/>). Idempotent: a row whose content is unchanged since the last import is skipped; a changed
/// row opens a new version effective from the local import date and closes the previous one; the result reports each.
/// </summary>
public static class ImportProcedures
{
    /// <summary>A JSON or Excel export of the national database, read by <see cref="CatalogueFiles"/>.</summary>
    public static async Task<ImportResult> RunNationalAsync(
        AppDbContext db, CatalogueFiles.Read read, TimeProvider time, Func<string, object[], string> localise, string? by, CancellationToken ct)
    {
        if (read.Rejected is { } rejected)
        {
            return new ImportResult(0, 0, 0, [new ImportError(rejected.Line, localise(rejected.Template, rejected.Args))]) { FileRejected = true };
        }

        var errors = new List<ImportError>();
        var rows = new List<(int Line, ProcedureRow Row)>();
        foreach (var (line, record) in read.Records)
        {
            if (record.ToRow(out var error) is { } row)
            {
                rows.Add((line, row));
            }
            else
            {
                errors.Add(new ImportError(line, localise(error!.Template, error.Args)));
            }
        }

        return await ApplyAsync(db, rows, errors, national: true, time, localise, by, ct);
    }

    public static async Task<ImportResult> RunAsync(
        AppDbContext db, TextReader reader, TimeProvider time, Func<string, object[], string> localise, string? by, CancellationToken ct)
    {
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

        return await ApplyAsync(db, rows, errors, national: false, time, localise, by, ct);
    }

    private static async Task<ImportResult> ApplyAsync(
        AppDbContext db, List<(int Line, ProcedureRow Row)> rows, List<ImportError> errors, bool national, TimeProvider time,
        Func<string, object[], string> localise, string? by, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var current = await db.Procedures.Where(p => p.ValidTo == null).ToDictionaryAsync(p => p.Code, ct);
        var seen = new HashSet<string>();
        var changes = new List<ProcedureChange>();
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
                Apply(next, row, existing, national);
                next.ChangedAtUtc = now;
                next.ChangedBy = by;
                var fields = ChangedFields(existing, next);
                if (fields.Count == 0)
                {
                    // Same content under another hash (e.g. the same row from another format): record the hash, open no version.
                    existing.ValidTo = null;
                    existing.SourceHash = row.SourceHash;
                    skipped++;
                    continue;
                }

                db.Procedures.Add(next);
                changes.Add(new ProcedureChange(next.Code, next.Name, "changed", next.VersionNo, next.ValidFrom, fields));
                updated++;
            }
            else
            {
                var created = new Procedure { Code = row.Code, Name = row.Name, ValidFrom = today, ChangedAtUtc = now, ChangedBy = by };
                Apply(created, row, null, national);
                db.Procedures.Add(created);
                changes.Add(new ProcedureChange(created.Code, created.Name, "added", 1, created.ValidFrom, []));
                imported++;
            }
        }

        await db.SaveChangesAsync(ct);
        errors.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new ImportResult(imported, updated, skipped, errors)
        {
            Changes = changes,
            NotInFile = [.. current.Keys.Where(c => !seen.Contains(c)).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>The national fields that differ between two versions, by their API names.</summary>
    public static IReadOnlyList<string> ChangedFields(Procedure before, Procedure after)
    {
        static string Fees(Procedure p) => string.Join(';', p.Fees.Select(f => $"{f.Kind}:{f.Name}:{f.Amount}"));
        static string Docs(Procedure p) => string.Join(';', p.Documents.Select(d => $"{d.Name}:{d.Kind}:{d.Count}"));
        var fields = new List<string>();
        void Check(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                fields.Add(name);
            }
        }

        Check("name", before.Name, after.Name);
        Check("field", before.Field, after.Field);
        Check("agency", before.Agency, after.Agency);
        Check("levels", before.Levels, after.Levels);
        Check("processingDays", (before.ProcessingDays, before.ProcessingHours), (after.ProcessingDays, after.ProcessingHours));
        Check("fees", Fees(before), Fees(after));
        Check("documents", Docs(before), Docs(after));
        Check("legalBasis", before.LegalBasis, after.LegalBasis);
        Check("sequence", before.Sequence, after.Sequence);
        Check("onlineMode", before.OnlineMode, after.OnlineMode);
        Check("source", before.Source, after.Source);
        return fields;
    }

    /// <summary>
    /// Copies the file's fields; local data (template, result kind, reuse flags, demo online mode) stays from
    /// <paramref name="previous"/>, and so do the agency, legal basis and sequence when the file is a CSV, which lacks them.
    /// </summary>
    private static void Apply(Procedure p, ProcedureRow row, Procedure? previous, bool national)
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
        p.Fees = row.FeeItems is { Count: > 0 } items
            ? [.. items.Select(f => new FeeItem { Kind = f.Amount is null ? FeeKind.SetByProvincialCouncil : FeeKind.Fixed, Name = f.Name, Amount = f.Amount })]
            : row.FeeVnd is { } fee
            ? [new FeeItem { Kind = FeeKind.Fixed, Name = "Lệ phí", Amount = fee }]
            : [new FeeItem { Kind = FeeKind.SetByProvincialCouncil, Name = "Lệ phí", Amount = null }];
        if (national)
        {
            p.Agency = row.Agency;
            p.LegalBasis = row.LegalBasis;
            p.Sequence = row.Sequence;
        }

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
