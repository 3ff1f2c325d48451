using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

public sealed record DossierDto(
    string Code, int Version, string Status, string StatusLabel, string ProcedureCode, string ProcedureName, int ProcedureVersionId,
    string ReceivingUnitCode, string ReceivingUnitName, string CurrentUnitCode, string CurrentUnitName, string Channel,
    string? PostalTrackingNumber, ApplicantInput Applicant, DateTime ReceivedAt, DateOnly ReceivedOn, int LegalWorkingDays,
    DateOnly? LegalDueDate, DateOnly? AppointmentDate, bool DueDateEstimated, string? Deadline, int SupplementRequests, bool CountedLate,
    DateOnly? FinishedOn, string? ResultCode, string? ResultFileId, string[] AllowedActions,
    DossierDocumentDto[] Documents, DossierStepDto[] Steps, DossierPauseDto[] Pauses,
    bool Identified = false, bool? RoutedElectronically = null)
{
    /// <summary>Every component has a file (uploaded, scanned or reused by reference): counted by <c>digitizationRate</c>.</summary>
    public bool Digitized { get; init; }

    /// <summary>The dossier's sync state with the national portal (issue 22).</summary>
    public NationalSyncDto? NationalSync { get; init; }
}

public sealed record DossierDocumentDto(string Name, string Kind, int Count, string? FileId, bool Reused)
{
    public bool HasFile => FileId is not null;

    /// <summary>Where the file is read (the uploader, staff who see the dossier, the applicant whose store holds it).</summary>
    public string? FileUrl => FileId is { Length: 32 } id ? $"/api/v1/files/{id}" : null;

    public long? ReusedFromDocumentId { get; init; }
    public long? ReusedFromStoredDocumentId { get; init; }
    public bool ReuseConsented { get; init; }
}

public sealed record DossierStepDto(int Order, string Name, string UnitCode, string Role, int WorkingDays, DateOnly? DueDate, DateTime? StartedAt, DateTime? CompletedAt, string? Deadline);

public sealed record DossierPauseDto(string Reason, DateOnly From, DateOnly? To);

public sealed record EventDto(long Sequence, DateTime At, string Actor, string Action, string? StateBefore, string StateAfter, string? Note, DateOnly? DueDateBefore, DateOnly? DueDateAfter, string? UnitCode, string? ToUnitCode, string[] Attachments, string Hash, string? ReasonCode = null, string? ActorId = null, string? Medium = null);

public sealed record DossierRow(string Code, string Status, string StatusLabel, string ProcedureCode, string ProcedureName, string ApplicantName, string CurrentUnitCode, string Channel, DateOnly ReceivedOn, DateOnly? AppointmentDate, string? Deadline, DateTime? AckDeadlineUtc = null);

public sealed record Page<T>(T[] Items, int PageNumber, int PageSize, int Total)
{
    /// <summary>The count stopped at the total given: there are more (a whole province is not counted for a list).</summary>
    public bool TotalCapped { get; init; }
}

public sealed record TrackingDto(string Code, string Status, string StatusLabel, string ProcedureName, string CurrentUnitName, DateOnly ReceivedOn, DateOnly? AppointmentDate, bool DueDateEstimated, string[] Explanation, string ApplicantName, TrackingStep[] Steps)
{
    /// <summary>The public processing steps (template step, unit, due date, state as text); no officer names or notes.</summary>
    public TrackingPlanStep[] Plan { get; init; } = [];
}

public sealed record TrackingPlanStep(int Order, string Name, string UnitName, DateOnly? DueDate, string State);

public sealed record TrackingStep(DateTime At, string Action, string Status);

/// <summary>Queries behind the dossier pages and API, always scoped to the caller's subtree.</summary>
public static class ReadDossiers
{
    public const int PageSize = 50;

    /// <summary>A list counts up to this many and then says "hơn 1.000": counting a province's dossiers reads all of them.</summary>
    public const int CountCap = 1_000;

    /// <summary>Pages stop where the count does; past it a search or a filter finds a dossier faster than paging.</summary>
    public const int MaxPage = CountCap / PageSize;

    private static readonly DossierStatus[] OpenStatuses = [DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingApproval, DossierStatus.AwaitingReception];

    /// <summary>Staff see dossiers received in or currently at a unit of their subtree; applicants their own.</summary>
    public static IQueryable<Dossier> Visible(this IQueryable<Dossier> dossiers, ClaimsPrincipal user)
    {
        if (user.IsInRole(Accounts.Roles.Citizen))
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            return dossiers.Where(d => d.ApplicantUserId == id);
        }

        // A byte-wise range, not LIKE: an index serves it on both databases, in PostgreSQL's generic plans too (paths are
        // ASCII, collation "C" there: PostgresAppDbContext).
        var scope = user.ScopePath();
        var end = DossierSearch.PrefixEnd(scope);
        return dossiers.Where(d => (d.ReceivingUnitPath.CompareTo(scope) >= 0 && d.ReceivingUnitPath.CompareTo(end) < 0)
            || (d.CurrentUnitPath.CompareTo(scope) >= 0 && d.CurrentUnitPath.CompareTo(end) < 0));
    }

    public static DossierDto ToDto(Dossier d, Actor? actor, DateOnly today, WorkingCalendar calendar) => new(
        d.Code, d.Version, d.Status.ToString(), d.Status.Label(), d.ProcedureCode, d.ProcedureName, d.ProcedureId,
        d.ReceivingUnit!.Code, d.ReceivingUnit.Name, d.CurrentUnit!.Code, d.CurrentUnit.Name, d.Channel.ToString().ToLowerInvariant(),
        d.PostalTrackingNumber,
        new ApplicantInput(d.Applicant.FullName, d.Applicant.IdNumber, d.Applicant.TaxCode, d.Applicant.BirthDate, d.Applicant.Phone, d.Applicant.Email, d.Applicant.Address),
        d.ReceivedAtUtc, d.ReceivedOn, d.LegalWorkingDays, d.LegalDueDate, d.AppointmentDate, d.DueDateEstimated,
        DeadlineLabel(d, today, calendar), d.SupplementRequests, d.CountedLate, d.FinishedOn, d.ResultCode, d.ResultFileId,
        actor is null ? [] : [.. Workflow.AllowedActions(d.Status, actor.Role).Select(a => a.ToKebab())],
        [.. d.Documents.Select(x => new DossierDocumentDto(x.Name, x.Kind, x.Count, x.FileId, x.Reused)
        {
            ReusedFromDocumentId = x.ReusedFromDocumentId,
            ReusedFromStoredDocumentId = x.ReusedFromStoredDocumentId,
            ReuseConsented = x.ReuseConsented,
        })],
        [.. d.Steps.OrderBy(s => s.Order).Select(s => new DossierStepDto(
            s.Order, s.Name, s.Unit?.Code ?? "", s.Role, s.WorkingDays, s.DueDate, s.StartedAtUtc, s.CompletedAtUtc,
            s.CompletedAtUtc is null && s.DueDate is { } due && d.Status.IsPending() ? Deadlines.Evaluate(today, due, calendar.CountWorkingDays).Label : null))],
        [.. d.Pauses.OrderBy(p => p.From).Select(p => new DossierPauseDto(p.Reason, p.From, p.To))],
        d.ElectronicallyIdentified || d.IdentityVerified, d.RoutedElectronically)
    {
        Digitized = d.Digitized,
    };

    /// <summary>"Quá hạn" / "Sắp đến hạn" / "Trong hạn" for open dossiers, as text (never colour alone).</summary>
    public static string? DeadlineLabel(Dossier d, DateOnly today, WorkingCalendar calendar) =>
        d.AppointmentDate is { } due && d.Status.IsPending() && !d.Status.PausesClock()
            ? Deadlines.Evaluate(today, due, calendar.CountWorkingDays).Label
            : null;

    /// <summary>The tag class for a deadline label: red for late, amber for due soon (the label itself carries the meaning).</summary>
    public static string DeadlineCss(string label) => label switch { "Quá hạn" => "late", "Sắp đến hạn" => "warn", _ => "ok" };

    public static EventDto ToDto(DossierEvent e) => new(
        e.Sequence, e.AtUtc, e.ActorName, e.Action, e.StateBefore?.ToString(), e.StateAfter.ToString(), e.Note,
        e.DueDateBefore, e.DueDateAfter, e.UnitCode, e.ToUnitCode,
        string.IsNullOrEmpty(e.Attachments) ? [] : e.Attachments.Split('\n'), e.Hash, e.ReasonCode, e.ActorId, e.Medium);

    public static Task<Dossier?> LoadAsync(AppDbContext db, string code, ClaimsPrincipal user, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().Visible(user)
            .Include(d => d.ReceivingUnit).Include(d => d.CurrentUnit)
            .Include(d => d.DocumentRows).Include(d => d.Pauses).Include(d => d.Steps).ThenInclude(s => s.Unit)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Code == code, ct);

    public sealed record ListFilter(string? Status, string? Unit, string? Procedure, bool? Overdue, string? Q, int? Page);

    public static async Task<Page<DossierRow>> ListAsync(AppDbContext db, ClaimsPrincipal user, ListFilter f, DateOnly today, WorkingCalendar calendar, CancellationToken ct, int countCap = CountCap)
    {
        var q = db.Dossiers.AsNoTracking().Visible(user);
        DossierStatus? status = null;
        if (!string.IsNullOrWhiteSpace(f.Status) && Enum.TryParse<DossierStatus>(f.Status.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed))
        {
            status = parsed;
            q = q.Where(d => d.Status == parsed);
        }

        if (!string.IsNullOrWhiteSpace(f.Unit))
        {
            q = q.Where(d => d.CurrentUnit!.Code == f.Unit || d.ReceivingUnit!.Code == f.Unit);
        }

        if (!string.IsNullOrWhiteSpace(f.Procedure))
        {
            q = q.Where(d => d.ProcedureCode == f.Procedure);
        }

        var byCode = false;
        var byName = false;
        switch (DossierSearch.Parse(f.Q))
        {
            case { Kind: DossierSearchKind.IdNumber, Value: var idNumber }:
                q = q.Where(d => d.Applicant.IdNumber == idNumber);
                break;
            case { Kind: DossierSearchKind.ApplicantName, Value: var name }:
                byName = true;
                var end = DossierSearch.PrefixEnd(name);
                // A byte-wise prefix range: the name index is built with collation "C" on PostgreSQL, SQLite compares bytes anyway.
                q = db.Database.IsNpgsql()
                    ? q.Where(d => EF.Functions.Collate(d.Applicant.FullName, "C").CompareTo(name) >= 0 && EF.Functions.Collate(d.Applicant.FullName, "C").CompareTo(end) < 0)
                    : q.Where(d => d.Applicant.FullName.CompareTo(name) >= 0 && d.Applicant.FullName.CompareTo(end) < 0);
                break;
            case { Kind: DossierSearchKind.Code, Value: var code }:
                byCode = true;
                // The exact code through the unique index first: one row, whatever plan PostgreSQL caches for the statement.
                var exact = q.Where(d => d.Code == code);
                if (await exact.AnyAsync(ct))
                {
                    q = exact;
                    break;
                }

                // Then the codes it begins, as a byte-wise range on the code index (collation "C" on PostgreSQL; LIKE 'q%' could
                // not use it), its bounds inlined so that the planner sees how narrow it is instead of a generic plan's guess.
                var codeEnd = DossierSearch.PrefixEnd(code);
                q = q.Where(d => d.Code.CompareTo(EF.Constant(code)) >= 0 && d.Code.CompareTo(EF.Constant(codeEnd)) < 0);
                break;
        }

        DossierStatus[] overdue = [];
        if (f.Overdue == true)
        {
            overdue = [.. OpenStatuses.Where(s => status is null || s == status)];
            q = q.Where(d => overdue.Contains(d.Status) && d.AppointmentDate < today);
        }

        var page = Math.Clamp(f.Page ?? 1, 1, MaxPage);
        var skip = (page - 1) * PageSize;
        // Counted up to the cap only: past it the list says "more than", and no page reads a province to count it.
        var total = await q.Take(countCap + 1).CountAsync(ct);
        List<RowData> rows;
        var nullsFirst = !db.Database.IsNpgsql();
        if (byCode)
        {
            rows = await Rows(q.OrderBy(d => d.Code), skip, PageSize, ct);
        }
        else if (byName)
        {
            // In the name index's order, (name, Id): the read stops at the page instead of fetching every match to sort it.
            rows = await Rows(db.Database.IsNpgsql()
                ? q.OrderBy(d => EF.Functions.Collate(d.Applicant.FullName, "C")).ThenBy(d => d.Id)
                : q.OrderBy(d => d.Applicant.FullName).ThenBy(d => d.Id), skip, PageSize, ct);
        }
        else if (status is not null || f.Overdue == true)
        {
            // (Status=, AppointmentDate, Id): the index gives the order and LIMIT stops early; one read per status (an IN list
            // would fetch and sort every overdue dossier) and, for staff, per side: PostgreSQL's generic plan for the two sides
            // in one OR fetched every match through a BitmapOr to sort them (82 ms for the province's overdue at 10^6).
            var sides = string.IsNullOrWhiteSpace(f.Q) && !user.IsInRole(Accounts.Roles.Citizen)
                ? [.. Sides(db, user, f).Select(x => f.Overdue == true ? x.Where(d => d.AppointmentDate < today) : x)]
                : new[] { q };
            rows = await SoonestFirstAsync(db, sides, f.Overdue == true ? overdue : [status!.Value], skip, nullsFirst, ct);
        }
        else if (total > countCap && string.IsNullOrWhiteSpace(f.Q) && !user.IsInRole(Accounts.Roles.Citizen))
        {
            // API v1's order, the soonest appointment first, over more than the cap: one read per status and side in the
            // (Status, AppointmentDate, paths) index order, merged here, instead of fetching and sorting a whole scope.
            rows = await SoonestFirstAsync(db, Sides(db, user, f), DossierStatuses.All, skip, nullsFirst, ct);
        }
        else
        {
            // At most the cap visible (or one applicant's or one citizen's dossiers): sorted after the read.
            rows = await Rows(q.OrderBy(d => d.AppointmentDate).ThenBy(d => d.Id), skip, PageSize, ct);
        }

        return new Page<DossierRow>(
            [.. rows.Select(r => new DossierRow(
                r.Dossier.Code, r.Dossier.Status.ToString(), r.Dossier.Status.Label(), r.Dossier.ProcedureCode, r.Dossier.ProcedureName,
                r.Dossier.Applicant.FullName, r.CurrentUnitCode, r.Dossier.Channel.ToString().ToLowerInvariant(), r.Dossier.ReceivedOn,
                r.Dossier.AppointmentDate, DeadlineLabel(r.Dossier, today, calendar),
                r.Dossier.Status == DossierStatus.AwaitingReception ? r.Dossier.AckDeadlineUtc : null))],
            page, PageSize, Math.Min(total, countCap))
        {
            TotalCapped = total > countCap,
        };
    }

    private sealed record RowData(Dossier Dossier, string CurrentUnitCode);

    /// <summary>
    /// The caller's scope one side at a time, with the unit and procedure filters: per side, the path is a condition on the
    /// entry of the (Status, AppointmentDate, paths) index, so only the rows shown are fetched. On SQLite the path is written
    /// so that (Status, path, Id) cannot serve it ("|| ''"): its planner would seek a province's range there and sort it.
    /// </summary>
    private static IQueryable<Dossier>[] Sides(AppDbContext db, ClaimsPrincipal user, ListFilter f)
    {
        var scope = user.ScopePath();
        var end = DossierSearch.PrefixEnd(scope);
        var dossiers = db.Dossiers.AsNoTracking();
        IQueryable<Dossier>[] sides = db.Database.IsNpgsql()
            ?
            [
                dossiers.Where(d => d.ReceivingUnitPath.CompareTo(scope) >= 0 && d.ReceivingUnitPath.CompareTo(end) < 0),
                dossiers.Where(d => d.CurrentUnitPath.CompareTo(scope) >= 0 && d.CurrentUnitPath.CompareTo(end) < 0),
            ]
            :
            [
                dossiers.Where(d => (d.ReceivingUnitPath + "").CompareTo(scope) >= 0 && (d.ReceivingUnitPath + "").CompareTo(end) < 0),
                dossiers.Where(d => (d.CurrentUnitPath + "").CompareTo(scope) >= 0 && (d.CurrentUnitPath + "").CompareTo(end) < 0),
            ];
        for (var i = 0; i < sides.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(f.Unit))
            {
                sides[i] = sides[i].Where(d => d.CurrentUnit!.Code == f.Unit || d.ReceivingUnit!.Code == f.Unit);
            }

            if (!string.IsNullOrWhiteSpace(f.Procedure))
            {
                sides[i] = sides[i].Where(d => d.ProcedureCode == f.Procedure);
            }
        }

        return sides;
    }

    /// <summary>
    /// The rows of a page in (AppointmentDate, Id) order, from one bounded read per status and query (a dossier found by two
    /// is kept once); nulls where the database puts them.
    /// </summary>
    private static async Task<List<RowData>> SoonestFirstAsync(
        AppDbContext db, IQueryable<Dossier>[] queries, IEnumerable<DossierStatus> statuses, int skip, bool nullsFirst, CancellationToken ct)
    {
        // The keys first (from the index entry on SQLite), then the page's rows by id: only 50 dossiers are materialized.
        var keys = new List<(long Id, DateOnly? Due)>();
        foreach (var s in statuses)
        {
            foreach (var q in queries)
            {
                var read = await q.Where(d => d.Status == s).OrderBy(d => d.AppointmentDate).ThenBy(d => d.Id)
                    .Select(d => new { d.Id, d.AppointmentDate }).Take(skip + PageSize).ToListAsync(ct);
                keys.AddRange(read.Select(k => (k.Id, k.AppointmentDate)));
            }
        }

        var ids = keys.Distinct().OrderBy(k => k.Due is null == nullsFirst ? 0 : 1).ThenBy(k => k.Due).ThenBy(k => k.Id)
            .Skip(skip).Take(PageSize).Select(k => k.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Dossiers.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new RowData(d, d.CurrentUnit!.Code)).ToListAsync(ct);
        return [.. rows.OrderBy(r => ids.IndexOf(r.Dossier.Id))];
    }

    private static Task<List<RowData>> Rows(IQueryable<Dossier> ordered, int skip, int take, CancellationToken ct) =>
        ordered.Skip(skip).Take(take).Select(d => new RowData(d, d.CurrentUnit!.Code)).ToListAsync(ct);

    // Everything a tracking answer needs in one command: one round trip on PostgreSQL (Npgsql sends the statements as one
    // batch), one command on SQLite, instead of five EF queries. The same SQL text runs on both providers.
    private const string TrackSql = """
        SELECT d."Status", COALESCE(d."ProcedureName", (SELECT p."Name" FROM "Procedures" AS p WHERE p."Id" = d."ProcedureId")), cu."Name", d."ReceivedOn", d."AppointmentDate", d."DueDateEstimated", d."ApplicantName",
               d."ApplicantIdNumber", d."ApplicantPhone", d."LegalWorkingDays", d."FinishedOn", ru."Id", ru."Code", ru."Name", ru."Path",
               (SELECT MAX(c."Id") FROM "CalendarChanges" AS c)
        FROM "Dossiers" AS d JOIN "Units" AS cu ON cu."Id" = d."CurrentUnitId" LEFT JOIN "Units" AS ru ON ru."Id" = d."ReceivingUnitId"
        WHERE d."Code" = @code;
        SELECT p."From", p."To" FROM "DossierPauses" AS p JOIN "Dossiers" AS d ON d."Id" = p."DossierId"
        WHERE d."Code" = @code AND p."To" IS NOT NULL ORDER BY p."From", p."Id";
        SELECT s."Order", s."Name", u."Name", s."DueDate", s."CompletedAtUtc"
        FROM "DossierSteps" AS s JOIN "Dossiers" AS d ON d."Id" = s."DossierId" LEFT JOIN "Units" AS u ON u."Id" = s."UnitId"
        WHERE d."Code" = @code ORDER BY s."Order", s."Id";
        SELECT e."AtUtc", e."Action", e."StateAfter" FROM "DossierEvents" AS e JOIN "Dossiers" AS d ON d."Id" = e."DossierId"
        WHERE d."Code" = @code ORDER BY e."Sequence";
        """;

    private sealed record PlanRow(int Order, string Name, string UnitName, DateOnly? DueDate, bool Completed);

    public static async Task<TrackingDto?> TrackAsync(AppDbContext db, CalendarService calendars, string code, string? verifier, CancellationToken ct, bool verified = false)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = TrackSql;
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "code";
            parameter.Value = code;
            cmd.Parameters.Add(parameter);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            // One answer for "no such code" and "wrong verifier", so that codes cannot be probed.
            if (!await r.ReadAsync(ct) || (!verified && !Verifies(Text(r, 7), Text(r, 8), verifier)))
            {
                return null;
            }

            var status = Enum.Parse<DossierStatus>(r.GetString(0));
            var (procedureName, currentUnitName, applicantName) = (r.GetString(1), r.GetString(2), r.GetString(6));
            var (receivedOn, appointment, estimated) = (r.GetFieldValue<DateOnly>(3), Date(r, 4), r.GetBoolean(5));
            var (legalWorkingDays, finishedOn) = (r.GetInt32(9), Date(r, 10));
            var unit = r.IsDBNull(11) ? null : new OrgUnit { Id = r.GetInt32(11), Code = r.GetString(12), Name = r.GetString(13), Path = r.GetString(14) };
            var calendarVersion = r.IsDBNull(15) ? 0 : r.GetInt64(15);

            await r.NextResultAsync(ct);
            var pauses = new List<Pause>();
            while (await r.ReadAsync(ct))
            {
                pauses.Add(new Pause(r.GetFieldValue<DateOnly>(0), r.GetFieldValue<DateOnly>(1)));
            }

            await r.NextResultAsync(ct);
            var steps = new List<PlanRow>();
            while (await r.ReadAsync(ct))
            {
                steps.Add(new PlanRow(r.GetInt32(0), r.GetString(1), Text(r, 2) ?? "", Date(r, 3), !r.IsDBNull(4)));
            }

            await r.NextResultAsync(ct);
            var events = new List<TrackingStep>();
            while (await r.ReadAsync(ct))
            {
                events.Add(new TrackingStep(DateTime.SpecifyKind(r.GetDateTime(0), DateTimeKind.Utc), ActionLabel(r.GetString(1)), Enum.Parse<DossierStatus>(r.GetString(2)).Label()));
            }

            await r.DisposeAsync();
            var calendar = await calendars.ForUnitAsync(unit, calendarVersion, ct);
            string[] explanation = appointment is null ? [] : [.. calendar.Explain(receivedOn, legalWorkingDays, [.. pauses]).Lines.Select(l => l.Text)];
            return new TrackingDto(
                code, status.ToString(), status.Label(), procedureName, currentUnitName, receivedOn, appointment, estimated,
                explanation, Masking.Name(applicantName), [.. events])
            {
                Plan = PublicPlan(steps, status, finishedOn),
            };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string? Text(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? Date(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);

    /// <summary>Steps done, the one in hand (the first open step while the dossier is being processed) and those to come.</summary>
    private static TrackingPlanStep[] PublicPlan(List<PlanRow> steps, DossierStatus status, DateOnly? finishedOn)
    {
        var finished = finishedOn is not null || !status.IsPending();
        var processing = !finished && status != DossierStatus.AwaitingReception;
        var current = processing ? steps.FindIndex(s => !s.Completed) : -1;
        return [.. steps.Select((s, i) => new TrackingPlanStep(
            s.Order, s.Name, s.UnitName, s.DueDate,
            finished || s.Completed ? "Đã xong" : i == current ? "Đang thực hiện" : "Chưa đến bước này"))];
    }

    internal static bool Verifies(Dossier d, string? verifier) => Verifies(d.Applicant.IdNumber, d.Applicant.Phone, verifier);

    internal static bool Verifies(string? idNumber, string? phone, string? verifier) =>
        verifier is { Length: 4 } v && v.All(char.IsAsciiDigit)
        && ((idNumber?.EndsWith(v, StringComparison.Ordinal) ?? false) || (phone?.EndsWith(v, StringComparison.Ordinal) ?? false));

    public static string ActionLabel(string action) =>
        DossierActions.TryParse(action, out var a) ? a.Label() : action switch
        {
            "receive" => "Tiếp nhận tại bộ phận một cửa",
            "receive-postal" => "Tiếp nhận qua bưu chính",
            "submit" => "Nộp trực tuyến",
            "recompute-due-date" => "Tính lại hạn theo lịch làm việc",
            ActOnDossier.UndoRefusalAction => "Hoàn tác từ chối",
            "sign-result" => "Ký số kết quả điện tử",
            "request-postal-return" => "Yêu cầu trả kết quả qua bưu chính",
            "rate" => "Đánh giá mức độ hài lòng",
            "complaint" => "Phản ánh về hồ sơ",
            _ => action,
        };
}
