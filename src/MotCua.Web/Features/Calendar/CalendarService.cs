using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Calendar;

public static class CalendarSetup
{
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CalendarCache>();
        builder.Services.AddScoped<CalendarService>();
        builder.Services.AddScoped<EditCalendarDay>();
        return builder;
    }
}

/// <summary>Built calendars per unit, each tagged with the calendar version it was built from; safe across instances because every use checks the version in the database.</summary>
public sealed class CalendarCache
{
    private readonly ConcurrentDictionary<int, (long Version, WorkingCalendar Calendar)> _byUnit = new();

    public bool TryGet(int? unitId, long version, out WorkingCalendar calendar)
    {
        if (_byUnit.TryGetValue(unitId ?? 0, out var hit) && hit.Version == version)
        {
            calendar = hit.Calendar;
            return true;
        }

        calendar = null!;
        return false;
    }

    public void Set(int? unitId, long version, WorkingCalendar calendar) => _byUnit[unitId ?? 0] = (version, calendar);
}

public sealed record CalendarEdit(DateOnly Date, CalendarDayKind Kind, string Name, string? Source);

public sealed record ImportError(int Line, string Message);

public sealed record ImportResult(int Imported, int Updated, int Skipped, ImportError[] Errors);

/// <summary>Reads and edits the calendar; every saved change bumps the version and is announced to the <see cref="ICalendarChangeHandler"/>s.</summary>
public sealed class CalendarService(
    AppDbContext db, CalendarCache cache, IEnumerable<ICalendarChangeHandler> handlers, TimeProvider time, IConfiguration config)
{
    /// <summary>The longest processing time, in working days, a due date is computed for (the public page and the API).</summary>
    public const int MaxWorkingDays = 365;

    public async Task<long> VersionAsync(CancellationToken ct) => await db.CalendarChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// <summary>National entries, overridden by those of the unit and of its ancestors (the nearest unit wins).</summary>
    public async Task<WorkingCalendar> ForUnitAsync(OrgUnit? unit, CancellationToken ct = default) =>
        await ForUnitAsync(unit, await VersionAsync(ct), ct);

    /// <summary>The same, for a caller that has just read the calendar version with its own query.</summary>
    public async Task<WorkingCalendar> ForUnitAsync(OrgUnit? unit, long version, CancellationToken ct)
    {
        if (cache.TryGet(unit?.Id, version, out var cached))
        {
            return cached;
        }

        var national = await db.CalendarDays.AsNoTracking().Where(d => d.UnitId == null)
            .Select(d => new CalendarEntry(d.Date, d.Kind, d.Name, d.Source)).ToListAsync(ct);
        var local = new List<CalendarEntry>();
        var hours = WorkingHours.Parse(config["Calendar:WorkingHours:Default"]);
        if (unit is not null)
        {
            var codes = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var chain = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).Select(u => new { u.Id, u.Code, u.Path }).ToListAsync(ct);
            var ids = chain.Select(u => u.Id).ToArray();
            var rows = await db.CalendarDays.AsNoTracking().Where(d => d.UnitId != null && ids.Contains(d.UnitId.Value))
                .Select(d => new { d.UnitId, Entry = new CalendarEntry(d.Date, d.Kind, d.Name, d.Source) }).ToListAsync(ct);
            var depth = chain.ToDictionary(u => u.Id, u => u.Path.Length);
            local.AddRange(rows.OrderBy(r => depth[r.UnitId!.Value]).Select(r => r.Entry));
            foreach (var u in chain.OrderBy(u => u.Path.Length))
            {
                hours = WorkingHours.Parse(config[$"Calendar:WorkingHours:{u.Code}"]) ?? hours;
            }
        }

        var calendar = new WorkingCalendar(national, local, hours);
        cache.Set(unit?.Id, version, calendar);
        return calendar;
    }

    public async Task<CalendarDay?> FindAsync(DateOnly date, int? unitId, CancellationToken ct) =>
        await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == date && d.UnitId == unitId, ct);

    /// <summary>Adds or replaces the entry of one day; true when it was new.</summary>
    public async Task<bool> UpsertAsync(CalendarEdit edit, int? unitId, string by, CancellationToken ct)
    {
        var existing = await FindAsync(edit.Date, unitId, ct);
        Apply(existing, edit, unitId, by);
        Log(edit.Date, edit.Date, existing is null ? $"Thêm ngày {WorkingCalendar.Format(edit.Date)}: {edit.Name}" : $"Sửa ngày {WorkingCalendar.Format(edit.Date)}: {edit.Name}", unitId, by);
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(edit.Date, edit.Date, $"Lịch làm việc thay đổi: {edit.Name}", ct);
        return existing is null;
    }

    public async Task<bool> DeleteAsync(DateOnly date, int? unitId, string by, CancellationToken ct)
    {
        if (await FindAsync(date, unitId, ct) is not { } day)
        {
            return false;
        }

        db.CalendarDays.Remove(day);
        Log(date, date, $"Xóa ngày {WorkingCalendar.Format(date)}: {day.Name}", unitId, by);
        await db.SaveChangesAsync(ct);
        await AnnounceAsync(date, date, $"Lịch làm việc thay đổi: bỏ {day.Name}", ct);
        return true;
    }

    /// <summary>Idempotent upsert of a CSV in the holidays-vn.csv format: unchanged rows are skipped, bad rows reported by line.</summary>
    public async Task<ImportResult> ImportAsync(TextReader csv, int? unitId, string by, CancellationToken ct)
    {
        var (rows, parseErrors) = CalendarCsv.Parse(csv);
        var errors = parseErrors.Select(e => new ImportError(e.Line, e.Message)).ToList();
        var seen = new Dictionary<DateOnly, int>();
        var accepted = new List<CalendarCsvRow>();
        foreach (var row in rows)
        {
            if (seen.TryGetValue(row.Entry.Date, out var first))
            {
                errors.Add(new(row.Line, $"Ngày {WorkingCalendar.Format(row.Entry.Date)} đã có ở dòng {first}."));
                continue;
            }

            seen[row.Entry.Date] = row.Line;
            accepted.Add(row);
        }

        var existing = await db.CalendarDays.Where(d => d.UnitId == unitId).ToDictionaryAsync(d => d.Date, ct);
        int imported = 0, updated = 0, skipped = 0;
        var changed = new List<DateOnly>();
        foreach (var row in accepted)
        {
            var e = row.Entry;
            var current = existing.GetValueOrDefault(e.Date);
            if (current is not null && current.Kind == e.Kind && current.Name == e.Name && current.Source == e.Source)
            {
                skipped++;
                continue;
            }

            Apply(current, new CalendarEdit(e.Date, e.Kind, e.Name, e.Source), unitId, by);
            changed.Add(e.Date);
            if (current is null)
            {
                imported++;
            }
            else
            {
                updated++;
            }
        }

        if (changed.Count > 0)
        {
            var (from, to) = (changed.Min(), changed.Max());
            Log(from, to, $"Nhập lịch từ CSV: {imported} ngày mới, {updated} ngày sửa", unitId, by);
            await db.SaveChangesAsync(ct);
            await AnnounceAsync(from, to, $"Lịch làm việc thay đổi (nhập CSV, {changed.Count} ngày)", ct);
        }

        return new ImportResult(imported, updated, skipped, [.. errors.OrderBy(e => e.Line)]);
    }

    private void Apply(CalendarDay? existing, CalendarEdit edit, int? unitId, string by)
    {
        if (existing is null)
        {
            db.CalendarDays.Add(new CalendarDay
            {
                Date = edit.Date,
                Kind = edit.Kind,
                Name = edit.Name,
                Source = edit.Source,
                UnitId = unitId,
                CreatedAt = time.GetUtcNow().UtcDateTime,
                CreatedBy = by,
            });
            return;
        }

        existing.Kind = edit.Kind;
        existing.Name = edit.Name;
        existing.Source = edit.Source;
    }

    private void Log(DateOnly from, DateOnly to, string reason, int? unitId, string by) =>
        db.CalendarChanges.Add(new CalendarChange
        {
            From = from,
            To = to,
            Reason = reason.Length > 500 ? reason[..500] : reason,
            UnitId = unitId,
            ChangedAt = time.GetUtcNow().UtcDateTime,
            ChangedBy = by,
        });

    private async Task AnnounceAsync(DateOnly from, DateOnly to, string reason, CancellationToken ct)
    {
        foreach (var handler in handlers)
        {
            await handler.OnCalendarChangedAsync(this, from, to, reason, ct);
        }
    }
}
