using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Queue;
using MotCua.Web.Features.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Workspace;

/// <summary>The officer's workspace ("Việc của tôi"): what waits for this person, grouped by the next step, with the day's queue.</summary>
public sealed record WorkspaceView(
    string FullName, string UnitName, string[] Roles, DateOnly Today, WorkGroupView[] Groups, QueueCounterSummary[] Queue, ReformWork? Reform)
{
    /// <summary>Dossiers waiting in all groups (each dossier is in one group).</summary>
    public int Total => Groups.Sum(g => g.Count);
}

/// <summary>One group: its count over the whole scope, the first rows (soonest due first) and the link to all of them.</summary>
public sealed record WorkGroupView(string Key, string Label, string NextAction, string NextActionLabel, int Count, WorkItem[] Items, string ListUrl)
{
    /// <summary>The count stopped at the count given (1,000): there are more.</summary>
    public bool CountCapped { get; init; }
}

/// <summary>
/// A waiting dossier. <see cref="Due"/> is the appointment date (for online submissions not yet accepted: the day of the
/// 8-working-hour acknowledgement deadline, <see cref="DueAtUtc"/>); <see cref="Deadline"/> is "Quá hạn", "Sắp đến hạn" or
/// "Còn hạn"/"Trong hạn" as text; <see cref="Alarm"/> names the open stuck-dossier alarm, if any.
/// </summary>
public sealed record WorkItem(
    string Code, string ProcedureCode, string ProcedureName, string Applicant, string Channel, DateOnly? Due, DateTime? DueAtUtc,
    string? Deadline, string? DeadlineTag, string? Alarm, int? AlarmLevel, string Url)
{
    /// <summary>Waiting for the applicant's supplement or fee: the processing clock is paused, so no deadline runs.</summary>
    public bool Paused { get; init; }
}

/// <summary>A service counter of the officer's desk today: who waits, who is being served, how many were served.</summary>
public sealed record QueueCounterSummary(int Id, string UnitCode, string Letter, string Name, int Waiting, int Served, string? NowServing, string DeskUrl);

/// <summary>The reform officer's work: unit reports to review, reports overdue, and the plan tasks their unit leads that are due.</summary>
public sealed record ReformWork(int ReportsToReview, UnitReportDue[] ReviewItems, int LateReportCount, DueReportDto[] LateReports, int TaskCount, PlanTaskDue[] Tasks);

public sealed record UnitReportDue(int Id, string UnitCode, string UnitName, string PeriodLabel, DateTime SubmittedAt);

public sealed record PlanTaskDue(int OccurrenceId, string Number, string Text, DateOnly? Due, string Status, string StatusTag, string Url);

/// <summary>
/// Reads the workspace. The groups come from <see cref="WorkGroups"/> (the workflow table), so each row is a dossier the
/// user may move on. One count query per side and one bounded query per group: the work is the same for 10 or 100,000 dossiers.
/// </summary>
public sealed class ReadWorkspace(AppDbContext db, CalendarService calendars, TimeProvider time)
{
    /// <summary>Rows shown per group; the rest are one click away in the inbox.</summary>
    public const int RowsPerGroup = 10;

    /// <summary>Plan tasks due within this many days are shown beside the overdue ones.</summary>
    public const int TaskHorizonDays = 30;

    public async Task<WorkspaceView> ReadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var unitId = user.UnitId();
        var unit = unitId is null ? null : await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
        var calendar = await calendars.ForUnitAsync(unit, ct);
        var roleNames = user.FindAll(ClaimTypes.Role).Select(r => r.Value).ToArray();
        var actorRoles = roleNames.Select(ActorRoles.FromAccountRole).OfType<ActorRole>().ToArray();

        var groups = await GroupsAsync(user, WorkGroups.For(actorRoles), today, now, calendar, ct);
        var queue = user.IsInRole(Roles.Desk) ? await QueueAsync(user, today, ct) : [];
        var reform = user.IsInRole(Roles.Reform) ? await ReformAsync(user, unitId, today, ct) : null;
        return new WorkspaceView(
            user.FindFirstValue(AppClaims.FullName) ?? user.Identity?.Name ?? "", unit?.Name ?? user.FindFirstValue(AppClaims.UnitName) ?? "",
            [.. roleNames.Select(Roles.DisplayName)], today, groups, queue, reform);
    }

    private async Task<WorkGroupView[]> GroupsAsync(
        ClaimsPrincipal user, IReadOnlyList<WorkGroupEntry> entries, DateOnly today, DateTime now, WorkingCalendar calendar, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var scope = user.ScopePath();
        var counts = await CountsAsync(entries, scope, ct);
        var views = new List<WorkGroupView>();
        foreach (var byGroup in entries.GroupBy(e => e.Group))
        {
            var group = byGroup.Key;
            var lines = byGroup.ToArray();
            var query = Query(lines, scope);
            // Soonest deadline first: the acknowledgement deadline before acceptance, the appointment after.
            var ordered = lines[0].Status == DossierStatus.AwaitingReception
                ? query.OrderBy(d => d.AckDeadlineUtc).ThenBy(d => d.Id)
                : query.OrderBy(d => d.AppointmentDate).ThenBy(d => d.Id);
            var rows = await ordered.Take(RowsPerGroup).ToListAsync(ct);
            // The return groups split one status by a delivery row: counted up to the cap, not over a province.
            var count = lines.Length == 1 && lines[0].Group is not (WorkGroup.ToReturn or WorkGroup.ToReturnByPost)
                ? counts.GetValueOrDefault((lines[0].Side, lines[0].Status))
                : await Query(lines, scope).Take(ReadDossiers.CountCap + 1).CountAsync(ct);
            views.Add(new WorkGroupView(
                group.Key(), group.Label(), lines[0].NextAction.ToKebab(), lines[0].NextAction.Label(), Math.Min(count, ReadDossiers.CountCap),
                [.. rows.Select(d => Item(d, today, now, calendar))], ListUrl(group, lines[0].Status))
            {
                CountCapped = count > ReadDossiers.CountCap,
            });
        }

        await AddAlarmsAsync(views, ct);
        return [.. views];
    }

    /// <summary>Counts per (side, status) in two grouped queries, answered from the (path, status) indexes.</summary>
    private async Task<Dictionary<(WorkSide, DossierStatus), int>> CountsAsync(IReadOnlyList<WorkGroupEntry> entries, string scope, CancellationToken ct)
    {
        var counts = new Dictionary<(WorkSide, DossierStatus), int>();
        foreach (var side in entries.Select(e => e.Side).Distinct())
        {
            var statuses = entries.Where(e => e.Side == side).Select(e => e.Status).Distinct().ToArray();
            var q = InScope(db.Dossiers.AsNoTracking().Where(d => statuses.Contains(d.Status)), scope, side == WorkSide.ReceivingUnit, side == WorkSide.CurrentUnit);
            foreach (var row in await q.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            {
                counts[(side, row.Key)] = row.Count;
            }
        }

        return counts;
    }

    /// <summary>The dossiers of one group: its statuses on its sides, split by postal return for the ready results.</summary>
    private IQueryable<Dossier> Query(WorkGroupEntry[] lines, string scope)
    {
        var status = lines[0].Status;
        var receiving = lines.Any(l => l.Side == WorkSide.ReceivingUnit);
        var current = lines.Any(l => l.Side == WorkSide.CurrentUnit);
        var q = InScope(db.Dossiers.AsNoTracking().Where(d => d.Status == status), scope, receiving, current);
        return lines[0].Group switch
        {
            WorkGroup.ToReturnByPost => q.Where(d => db.ResultDeliveries.Any(r => r.DossierId == d.Id)),
            WorkGroup.ToReturn => q.Where(d => !db.ResultDeliveries.Any(r => r.DossierId == d.Id)),
            _ => q,
        };
    }

    /// <summary>
    /// The scope on the sides a group reads, as byte-wise ranges (an index serves them; StartsWith is a LIKE that SQLite
    /// never serves from one), built here rather than with booleans in SQL, which make one plan for every combination.
    /// </summary>
    private static IQueryable<Dossier> InScope(IQueryable<Dossier> q, string scope, bool receiving, bool current)
    {
        var end = DossierSearch.PrefixEnd(scope);
        return (receiving, current) switch
        {
            (true, true) => q.Where(d => (d.ReceivingUnitPath.CompareTo(scope) >= 0 && d.ReceivingUnitPath.CompareTo(end) < 0)
                || (d.CurrentUnitPath.CompareTo(scope) >= 0 && d.CurrentUnitPath.CompareTo(end) < 0)),
            (true, false) => q.Where(d => d.ReceivingUnitPath.CompareTo(scope) >= 0 && d.ReceivingUnitPath.CompareTo(end) < 0),
            _ => q.Where(d => d.CurrentUnitPath.CompareTo(scope) >= 0 && d.CurrentUnitPath.CompareTo(end) < 0),
        };
    }

    private static WorkItem Item(Dossier d, DateOnly today, DateTime now, WorkingCalendar calendar)
    {
        var url = "/Dossiers/Details?code=" + Uri.EscapeDataString(d.Code);
        var channel = d.Channel.ToString().ToLowerInvariant();
        if (d.Status == DossierStatus.AwaitingReception && d.AckDeadlineUtc is { } ack)
        {
            // Before acceptance the clock that runs is the 8-working-hour acknowledgement, as in the inbox.
            var left = Acknowledgements.HoursLeft(ack, now, calendar);
            var label = left < 0 ? "Quá hạn" : left <= 2 ? "Sắp đến hạn" : "Trong hạn";
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(ack, DateTimeKind.Utc), VietnamTime.Zone);
            return new WorkItem(d.Code, d.ProcedureCode, d.ProcedureName, d.Applicant.FullName, channel, DateOnly.FromDateTime(local), ack,
                label, ReadDossiers.DeadlineCss(label), null, null, url);
        }

        // An approved dossier or a ready result still owes the applicant the appointment date, so it keeps its deadline tag.
        var deadline = ReadDossiers.DeadlineLabel(d, today, calendar)
            ?? (d.Status is DossierStatus.Approved or DossierStatus.ResultReady && d.AppointmentDate is { } due
                ? Deadlines.Evaluate(today, due, calendar.CountWorkingDays).Label
                : null);
        return new WorkItem(d.Code, d.ProcedureCode, d.ProcedureName, d.Applicant.FullName, channel, d.AppointmentDate, null,
            deadline, deadline is null ? null : ReadDossiers.DeadlineCss(deadline), null, null, url)
        {
            Paused = d.Status.PausesClock(),
        };
    }

    /// <summary>The open stuck-dossier alarm of each listed dossier, in one query (the alarm scanner raises them).</summary>
    private async Task AddAlarmsAsync(List<WorkGroupView> views, CancellationToken ct)
    {
        var codes = views.SelectMany(v => v.Items).Select(i => i.Code).ToArray();
        if (codes.Length == 0)
        {
            return;
        }

        var alarms = (await db.Alarms.AsNoTracking().Where(a => a.ResolvedAtUtc == null && codes.Contains(a.DossierCode))
                .Select(a => new { a.DossierCode, a.Kind, a.Level, a.Id }).ToListAsync(ct))
            .GroupBy(a => a.DossierCode).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Level).ThenByDescending(a => a.Id).First());
        for (var i = 0; i < views.Count; i++)
        {
            views[i] = views[i] with
            {
                Items = [.. views[i].Items.Select(item => alarms.TryGetValue(item.Code, out var a)
                    ? item with { Alarm = AlarmScanner.KindLabel(a.Kind), AlarmLevel = a.Level }
                    : item)],
            };
        }
    }

    private static string ListUrl(WorkGroup group, DossierStatus status) => group switch
    {
        WorkGroup.ToReturnByPost => "/Results/Postal",
        WorkGroup.ToAccept => "/Dossiers?tab=reception",
        WorkGroup.ToProcess => "/Dossiers?tab=process",
        WorkGroup.ToApprove => "/Dossiers?tab=approve",
        _ => "/Dossiers?tab=all&status=" + status,
    };

    /// <summary>Today's tickets at the counters of the officer's desk: waiting, served (closed) and the one being served.</summary>
    private async Task<QueueCounterSummary[]> QueueAsync(ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var counters = await db.ServiceCounters.AsNoTracking().Where(c => c.Active && c.UnitPath.StartsWith(scope))
            .OrderBy(c => c.UnitPath).ThenBy(c => c.Letter)
            .Select(c => new { c.Id, c.Letter, c.Name, UnitCode = db.Units.Where(u => u.Id == c.UnitId).Select(u => u.Code).First() })
            .Take(20).ToListAsync(ct);
        if (counters.Count == 0)
        {
            return [];
        }

        var ids = counters.Select(c => c.Id).ToArray();
        var tickets = await db.QueueTickets.AsNoTracking().Where(x => ids.Contains(x.CounterId) && x.Day == today)
            .GroupBy(x => new { x.CounterId, x.Status }).Select(g => new { g.Key.CounterId, g.Key.Status, Count = g.Count(), Last = g.Max(x => x.Number) })
            .ToListAsync(ct);
        var serving = await db.QueueTickets.AsNoTracking().Where(x => ids.Contains(x.CounterId) && x.Day == today && x.Status == TicketStatus.Called)
            .Select(x => new { x.CounterId, x.Number, x.Label }).ToListAsync(ct);
        return [.. counters.Select(c => new QueueCounterSummary(
            c.Id, c.UnitCode, c.Letter, c.Name,
            tickets.Where(t => t.CounterId == c.Id && t.Status == TicketStatus.Waiting).Sum(t => t.Count),
            tickets.Where(t => t.CounterId == c.Id && t.Status == TicketStatus.Closed).Sum(t => t.Count),
            serving.Where(s => s.CounterId == c.Id).OrderByDescending(s => s.Number).Select(s => s.Label).FirstOrDefault(),
            "/Queue/Desk?counter=" + c.Id))];
    }

    private async Task<ReformWork> ReformAsync(ClaimsPrincipal user, int? unitId, DateOnly today, CancellationToken ct)
    {
        var scope = ReformAccess.Scope(user);
        var toReview = db.UnitReports.AsNoTracking().Where(r => r.Status == UnitReportStatus.Submitted && r.Unit!.Path.StartsWith(scope));
        var reviewCount = await toReview.CountAsync(ct);
        var review = await toReview.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Take(RowsPerGroup)
            .Select(r => new { r.Id, r.Unit!.Code, r.Unit.Name, r.Kind, r.Year, r.Period, r.SubmittedAt }).ToListAsync(ct);
        var late = await ListDueReports.LateAsync(db, user, today, ct);

        var horizon = today.AddDays(TaskHorizonDays);
        var tasks = unitId is null ? [] : await db.PlanTaskOccurrences.AsNoTracking()
            .Where(o => o.Year == today.Year && o.Progress != OccurrenceProgress.Done && o.DueDate != null && o.DueDate <= horizon
                && o.Task!.LeadUnitId == unitId)
            .OrderBy(o => o.DueDate).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.Task!.Number, o.Task.Text, o.DueDate, o.Progress })
            .ToListAsync(ct);
        return new ReformWork(
            reviewCount, [.. review.Select(r => new UnitReportDue(r.Id, r.Code, r.Name, new ReportPeriod(r.Kind, r.Year, r.Period, default).Label, r.SubmittedAt))],
            late.Length, [.. late.Take(RowsPerGroup)],
            tasks.Count, [.. tasks.Take(RowsPerGroup).Select(o =>
            {
                var status = OccurrenceStatuses.Derive(false, o.Progress == OccurrenceProgress.InProgress, o.DueDate, today);
                return new PlanTaskDue(o.Id, o.Number, o.Text, o.DueDate, OccurrenceStatuses.Label(status),
                    status == OccurrenceStatus.Overdue ? "late" : o.DueDate <= today.AddDays(7) ? "warn" : "ok", "/ReformPlan/Occurrence?id=" + o.Id);
            })]);
    }
}
