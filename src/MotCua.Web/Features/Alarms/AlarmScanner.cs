using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Alarms;

/// <summary>What one pass did; null Skipped means another instance held the lease.</summary>
public sealed record ScanResult(bool Ran, int Raised, int Escalated, int Resolved)
{
    /// <summary>Alarms and escalations due but left to the next passes by the per-pass cap (Alarms:MaxNotificationsPerPass).</summary>
    public int Deferred { get; init; }

    /// <summary>Watched dossiers the pass read: all of them on a full pass, else those whose history grew since the last pass.</summary>
    public int DossiersRead { get; init; }

    /// <summary>True when the pass read every watched dossier (the first pass, a calendar change, <c>Alarms:FullPassMinutes</c>).</summary>
    public bool Full { get; init; }
}

/// <summary>Another feature's part of the alarm pass (late meeting tasks, issue 24): runs after the dossiers under the same lease; returns what it raised.</summary>
public interface IAlarmScanPart
{
    Task<int> ScanAsync(DateTime nowUtc, CancellationToken ct);
}

/// <summary>One idempotent pass: raise alarms for stuck dossiers, escalate those waiting too long at one level, close the rest.</summary>
public sealed partial class AlarmScanner(IServiceScopeFactory scopes, TimeProvider time, IConfiguration config, Operations.ScheduledJobs jobs, ILogger<AlarmScanner> log) : IDisposable
{
    public const string JobName = "alarms";

    public string OwnerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    private static readonly DossierStatus[] Watched =
        [DossierStatus.AwaitingReception, DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingApproval, DossierStatus.Approved, DossierStatus.ResultReady];

    public AlarmBudgets Budgets => config.GetSection("Alarms:Budgets").Get<AlarmBudgets>() ?? new();

    /// <summary>One pass, recorded as a scheduled run when this instance held the lease.</summary>
    public Task<ScanResult> RunOnceAsync(CancellationToken ct) =>
        jobs.RunAsync(JobName, OwnerId, PassAsync, r => r.Ran ? r.Raised + r.Escalated + r.Resolved : null, ct);

    private async Task<ScanResult> PassAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var calendars = scope.ServiceProvider.GetRequiredService<CalendarService>();
        var now = time.GetUtcNow().UtcDateTime;
        if (!await JobLease.TryClaimAsync(db, JobName, OwnerId, now, TimeSpan.FromSeconds(config.GetValue("Alarms:LeaseSeconds", 300)), ct))
        {
            return new(false, 0, 0, 0);
        }

        try
        {
            var result = await ScanAsync(db, calendars, now, ct);
            foreach (var part in scope.ServiceProvider.GetServices<IAlarmScanPart>())
            {
                result = result with { Raised = result.Raised + await part.ScanAsync(now, ct) };
            }

            await JobLease.ReleaseAsync(db, JobName, OwnerId, now);
            LogPass(result.Raised, result.Escalated, result.Resolved);
            return result;
        }
        catch
        {
            // Give the lease back so that the next pass (here or elsewhere) does not wait for it to expire.
            await JobLease.ReleaseAsync(db, JobName, OwnerId, finishedAt: null);
            throw;
        }
    }


    private sealed record Watch(
        long Id, string Code, DossierStatus Status, Channel Channel, DateTime? SubmittedAtUtc, DateTime? AckDeadlineUtc, int ReceivingUnitId, int CurrentUnitId,
        DateTime UpdatedAtUtc);

    private sealed record Step(long Id, string? LastAction, DateTime? StepStarted, DateOnly? StepDue, string? StepName);

    /// <summary>
    /// What this instance's last pass found: each watched dossier's expectation (those with none are left out), the calendar
    /// version they were computed with, and the history id to re-read from. A dossier's expectation changes only with its
    /// history (every change appends an event), so a pass re-reads only the dossiers with events past that id.
    /// </summary>
    private sealed class WatchState
    {
        public Dictionary<long, (Watch Row, Expectation Expected)> Expected { get; } = [];
        public long EventsAfter { get; set; }
        public long CalendarVersion { get; set; }
        public long FullPassAt { get; set; }
    }

    private WatchState? _state;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    private async Task<ScanResult> ScanAsync(AppDbContext db, CalendarService calendars, DateTime now, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await ScanLockedAsync(db, calendars, now, ct);
        }
        catch
        {
            // A pass that failed half-way may have left the state behind the database: the next pass reads everything.
            _state = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ScanResult> ScanLockedAsync(AppDbContext db, CalendarService calendars, DateTime now, CancellationToken ct)
    {
        var budgets = Budgets;
        // Notifications (raised plus escalated) per pass: a backlog (an import, a first pass) is sent over the next passes, oldest first.
        var budget = Math.Max(1, config.GetValue("Alarms:MaxNotificationsPerPass", 1000));
        var version = await calendars.VersionAsync(ct);
        var lastEvent = await db.DossierEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var calendarOf = new Dictionary<int, WorkingCalendar>();
        async Task<WorkingCalendar> CalendarAsync(int unitId)
        {
            if (!calendarOf.TryGetValue(unitId, out var c))
            {
                calendarOf[unitId] = c = await calendars.ForUnitAsync(units.GetValueOrDefault(unitId), version, ct);
            }

            return c;
        }

        var fullEvery = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Alarms:FullPassMinutes", 60)));
        var state = _state;
        var full = state is null || state.CalendarVersion != version || Stopwatch.GetElapsedTime(state.FullPassAt) >= fullEvery;
        if (full)
        {
            state = new WatchState { CalendarVersion = version, FullPassAt = Stopwatch.GetTimestamp() };
        }

        // Ids are allotted before commit (PostgreSQL): the next pass re-reads the last ones, whose transactions may commit after this read.
        var late = Math.Max(0, config.GetValue("Alarms:LateEvents", 1000));
        var rows = full
            ? await WatchedAsync(db, db.Dossiers.AsNoTracking(), ct)
            : await ChangedAsync(db, state!, ct);
        state!.EventsAfter = Math.Max(0, lastEvent - late);
        var steps = await StepsAsync(db, rows, ct);
        foreach (var r in rows.Values)
        {
            var step = steps.GetValueOrDefault(r.Id);
            // The event time of the last change: UpdatedAtUtc is set by every history append.
            var snapshot = new AlarmSnapshot(r.Status, r.Channel == Channel.Online, r.SubmittedAtUtc, r.AckDeadlineUtc, step?.LastAction, r.UpdatedAtUtc,
                step?.StepStarted, step?.StepDue, step?.StepName);
            if (AlarmRule.Expect(snapshot, budgets, await CalendarAsync(r.ReceivingUnitId), Local, Utc) is { } expected)
            {
                state.Expected[r.Id] = (r, expected);
            }
            else
            {
                state.Expected.Remove(r.Id);
            }
        }

        var recipients = new Dictionary<int, Recipient[]>();
        // Read untracked: only the alarms a pass resolves or escalates are attached and written.
        var open = await db.Alarms.AsNoTracking().Where(a => a.ResolvedAtUtc == null).ToListAsync(ct);
        var openByDossier = open.ToLookup(a => a.DossierId);
        var stillStuck = new HashSet<long>();
        var due = new List<(Watch Row, Expectation Expected)>();
        foreach (var (r, expected) in state.Expected.Values)
        {
            // An open alarm stays open while the dossier still waits for the same thing since the same moment.
            var existing = openByDossier[r.Id].FirstOrDefault(a => a.Kind == expected.Kind && a.SinceUtc == expected.SinceUtc);
            if (existing is not null)
            {
                stillStuck.Add(existing.Id);
                continue;
            }

            if (expected.IsOverdue(now))
            {
                due.Add((r, expected));
            }
        }

        int raised = 0, escalated = 0, resolved = 0, deferred = 0;
        foreach (var (r, expected) in due.OrderBy(x => x.Expected.DueUtc).ThenBy(x => x.Row.Id))
        {
            if (budget == 0)
            {
                deferred++;
                continue;
            }

            var calendar = await CalendarAsync(r.ReceivingUnitId);

            var responsibleId = expected.Kind is AlarmKind.NotTakenUp or AlarmKind.StepOverdue || expected.NextAction == "record-result" ? r.CurrentUnitId : r.ReceivingUnitId;
            var unit = units[responsibleId];
            var alarm = new Alarm
            {
                DossierId = r.Id,
                DossierCode = r.Code,
                Kind = expected.Kind,
                NextAction = expected.NextAction,
                SinceUtc = expected.SinceUtc,
                DueUtc = expected.DueUtc,
                RaisedAtUtc = now,
                UnitId = unit.Id,
                UnitPath = unit.Path,
                NotifiedUnitId = unit.Id,
                NotifiedUnitPath = unit.Path,
                // Escalation counts from when the budget ran out, so a late pass escalates exactly as an on-time one would.
                LevelSinceUtc = expected.DueUtc,
                NextEscalationUtc = unit.ParentId is null ? null : AlarmRule.EscalationDue(expected.DueUtc, budgets, calendar, Local, Utc),
            };
            db.Alarms.Add(alarm);
            await NotifyAsync(db, alarm, unit, units, recipients, now, ct);
            raised++;
            budget--;
        }

        var documents = await DocumentsAsync(db, units, recipients, openByDossier, stillStuck, now, budget,
            async (unit, due) => unit.ParentId is null ? null : AlarmRule.EscalationDue(due, budgets, await CalendarAsync(unit.Id), Local, Utc), ct);
        raised += documents.Raised;
        deferred += documents.Deferred;
        budget -= documents.Raised;
        foreach (var a in open)
        {
            if (!stillStuck.Contains(a.Id))
            {
                db.Alarms.Attach(a);
                a.ResolvedAtUtc = now;
                resolved++;
                continue;
            }

            if (a.NextEscalationUtc is not { } first || first > now || units[a.NotifiedUnitId].ParentId is null)
            {
                continue;
            }

            if (budget > 0)
            {
                db.Alarms.Attach(a);
            }

            var calendar = await CalendarAsync(a.UnitId);
            // An escalation left for a later pass keeps its due time, so it goes up exactly as an on-time one would.
            while (a.NextEscalationUtc is { } next && next <= now && units[a.NotifiedUnitId].ParentId is { } parentId)
            {
                if (budget == 0)
                {
                    deferred++;
                    break;
                }

                var parent = units[parentId];
                a.Level++;
                a.NotifiedUnitId = parent.Id;
                a.NotifiedUnitPath = parent.Path;
                a.LevelSinceUtc = next;
                a.NextEscalationUtc = parent.ParentId is null ? null : AlarmRule.EscalationDue(next, budgets, calendar, Local, Utc);
                await NotifyAsync(db, a, parent, units, recipients, now, ct);
                escalated++;
                budget--;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another pass raised the same alarm after its lease expired under us: nothing is lost, the next pass reconciles.
            db.ChangeTracker.Clear();
            _state = null;
            return new(true, 0, 0, 0);
        }

        _state = state;
        return new(true, raised, escalated, resolved) { Deferred = deferred, DossiersRead = rows.Count, Full = full };
    }

    private static async Task<Dictionary<long, Watch>> WatchedAsync(AppDbContext db, IQueryable<Dossier> dossiers, CancellationToken ct) =>
        await dossiers.Where(d => Watched.Contains(d.Status))
            .Select(d => new Watch(d.Id, d.Code, d.Status, d.Channel, d.SubmittedAtUtc, d.AckDeadlineUtc, d.ReceivingUnitId, d.CurrentUnitId, d.UpdatedAtUtc))
            .ToDictionaryAsync(w => w.Id, ct);

    /// <summary>The dossiers with history past the state's id, as they are now; those no longer watched leave the state.</summary>
    private static async Task<Dictionary<long, Watch>> ChangedAsync(AppDbContext db, WatchState state, CancellationToken ct)
    {
        var after = state.EventsAfter;
        var ids = await db.DossierEvents.AsNoTracking().Where(e => e.Id > after).Select(e => e.DossierId).Distinct().ToListAsync(ct);
        var rows = new Dictionary<long, Watch>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var (id, row) in await WatchedAsync(db, db.Dossiers.AsNoTracking().Where(d => chunk.Contains(d.Id)), ct))
            {
                rows[id] = row;
            }

            foreach (var id in chunk.Where(id => !rows.ContainsKey(id)))
            {
                state.Expected.Remove(id);
            }
        }

        return rows;
    }

    /// <summary>The last action and the current step matter only to dossiers in process: read them for those few, not per watched dossier.</summary>
    private static async Task<Dictionary<long, Step>> StepsAsync(AppDbContext db, Dictionary<long, Watch> rows, CancellationToken ct)
    {
        var inProcess = rows.Values.Where(r => r.Status is DossierStatus.InProcess or DossierStatus.AwaitingApproval).Select(r => r.Id).ToArray();
        var steps = new Dictionary<long, Step>();
        foreach (var chunk in inProcess.Chunk(500))
        {
            foreach (var found in await db.Dossiers.AsNoTracking().Where(d => chunk.Contains(d.Id))
                .Select(d => new Step(
                    d.Id,
                    db.DossierEvents.Where(e => e.DossierId == d.Id).OrderByDescending(e => e.Sequence).Select(e => e.Action).FirstOrDefault(),
                    d.Steps.Where(s => s.StartedAtUtc != null && s.CompletedAtUtc == null).OrderBy(s => s.Order).Select(s => s.StartedAtUtc).FirstOrDefault(),
                    d.Steps.Where(s => s.StartedAtUtc != null && s.CompletedAtUtc == null).OrderBy(s => s.Order).Select(s => s.DueDate).FirstOrDefault(),
                    d.Steps.Where(s => s.StartedAtUtc != null && s.CompletedAtUtc == null).OrderBy(s => s.Order).Select(s => s.Name).FirstOrDefault()))
                .ToListAsync(ct))
            {
                steps[found.Id] = found;
            }
        }

        return steps;
    }

    /// <summary>
    /// Incoming documents past a chủ trì or phối hợp holder's deadline raise the same alarm, escalation and notifications as a
    /// stuck dossier: one per document, since the end of its earliest missed deadline; it closes when that holder closes.
    /// </summary>
    private static async Task<(int Raised, int Deferred)> DocumentsAsync(
        AppDbContext db, Dictionary<int, OrgUnit> units, Dictionary<int, Recipient[]> recipients, ILookup<long, Alarm> openByDossier, HashSet<long> stillStuck,
        DateTime now, int budget, Func<OrgUnit, DateTime, Task<DateTime?>> escalation, CancellationToken ct)
    {
        var today = VietnamTime.LocalDate(now);
        var late = await db.DocumentAssignments.AsNoTracking()
            .Where(a => a.ClosedAtUtc == null && a.Role != MotCua.Domain.Documents.HolderRole.Info && a.DueDate < today)
            .GroupBy(a => a.DocumentId)
            .Select(g => new { DocumentId = g.Key, Due = g.Min(a => a.DueDate) })
            .ToListAsync(ct);
        var ids = late.Select(l => l.DocumentId).ToArray();
        var docs = await db.OfficialDocuments.AsNoTracking().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new { d.UnitId, d.Number, d.Year }, ct);
        int raised = 0, deferred = 0;
        foreach (var l in late)
        {
            // Overdue from the first instant after the deadline day, Vietnam time.
            var since = TimeZoneInfo.ConvertTimeToUtc(l.Due.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Zone);
            var existing = openByDossier[l.DocumentId].FirstOrDefault(a => a.Kind == AlarmKind.DocumentOverdue && a.SinceUtc == since);
            if (existing is not null)
            {
                stillStuck.Add(existing.Id);
                continue;
            }

            if (raised == budget)
            {
                deferred++;
                continue;
            }

            var doc = docs[l.DocumentId];
            var unit = units[doc.UnitId];
            var alarm = new Alarm
            {
                DossierId = l.DocumentId,
                DossierCode = $"VB-{doc.Year}-{doc.Number}",
                Kind = AlarmKind.DocumentOverdue,
                NextAction = "document-progress",
                SinceUtc = since,
                DueUtc = since,
                RaisedAtUtc = now,
                UnitId = unit.Id,
                UnitPath = unit.Path,
                NotifiedUnitId = unit.Id,
                NotifiedUnitPath = unit.Path,
                LevelSinceUtc = since,
                NextEscalationUtc = await escalation(unit, since),
            };
            db.Alarms.Add(alarm);
            await NotifyAsync(db, alarm, unit, units, recipients, now, ct);
            raised++;
        }

        return (raised, deferred);
    }

    private sealed record Recipient(string? Email, string? PhoneNumber);

    /// <summary>The unit's own staff and the nearest leader at or above it, by e-mail and SMS where they gave one (read once per unit and pass).</summary>
    private static async Task NotifyAsync(
        AppDbContext db, Alarm alarm, OrgUnit unit, Dictionary<int, OrgUnit> units, Dictionary<int, Recipient[]> recipientsOf, DateTime now, CancellationToken ct)
    {
        if (!recipientsOf.TryGetValue(unit.Id, out var recipients))
        {
            var chain = new List<int>();
            for (OrgUnit? u = unit; u is not null; u = u.ParentId is { } p ? units.GetValueOrDefault(p) : null)
            {
                chain.Add(u.Id);
            }

            var staff = await db.Users.AsNoTracking().Where(u => u.UnitId != null && chain.Contains(u.UnitId.Value))
                .Select(u => new
                {
                    u.UnitId,
                    u.Email,
                    u.PhoneNumber,
                    Leader = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Leader)),
                })
                .ToListAsync(ct);
            var nearestLeaderUnit = chain.FirstOrDefault(id => staff.Any(s => s.Leader && s.UnitId == id));
            recipientsOf[unit.Id] = recipients = [.. staff.Where(s => s.UnitId == unit.Id || (s.Leader && s.UnitId == nearestLeaderUnit))
                .Select(s => new Recipient(s.Email, s.PhoneNumber))];
        }

        var (subject, body) = Text(alarm, unit);
        foreach (var r in recipients)
        {
            if (!string.IsNullOrWhiteSpace(r.Email))
            {
                db.OutboxMessages.Add(Message(NotificationChannel.Email, r.Email, subject, body));
            }

            if (!string.IsNullOrWhiteSpace(r.PhoneNumber))
            {
                db.OutboxMessages.Add(Message(NotificationChannel.Sms, r.PhoneNumber, null, body));
            }
        }

        OutboxMessage Message(NotificationChannel channel, string to, string? s, string text) => new()
        {
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Channel = channel,
            To = to.Trim(),
            Subject = s,
            Body = text,
            DossierCode = alarm.DossierCode,
            Kind = NotificationKind.Alarm,
        };
    }

    public static string KindLabel(AlarmKind kind) => kind switch
    {
        AlarmKind.NotAcknowledged => "Hồ sơ trực tuyến chưa được tiếp nhận",
        AlarmKind.NotRouted => "Đã tiếp nhận nhưng chưa chuyển xử lý",
        AlarmKind.NotTakenUp => "Đã chuyển nhưng đơn vị nhận chưa xử lý",
        AlarmKind.StepOverdue => "Bước xử lý quá hạn",
        AlarmKind.DocumentOverdue => "Văn bản đến quá hạn xử lý",
        _ => "Đã phê duyệt nhưng chưa trả kết quả",
    };

    internal static (string Subject, string Body) Text(Alarm a, OrgUnit unit)
    {
        var level = a.Level == 0 ? "" : $" (chuyển cấp trên lần {a.Level})";
        var due = TimeZoneInfo.ConvertTimeFromUtc(a.DueUtc, VietnamTime.Zone).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var what = a.Kind == AlarmKind.DocumentOverdue ? "văn bản đến" : "hồ sơ";
        return ($"Cảnh báo {what} {a.DossierCode}{level}",
            $"Cảnh báo{level}: {what} {a.DossierCode} — {KindLabel(a.Kind)}; hạn {due} đã qua. Gửi {unit.Name}.");
    }

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone);

    private static DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), VietnamTime.Zone);

    [LoggerMessage(LogLevel.Information, "Alarm pass: {Raised} raised, {Escalated} escalated, {Resolved} resolved")]
    private partial void LogPass(int raised, int escalated, int resolved);
}
