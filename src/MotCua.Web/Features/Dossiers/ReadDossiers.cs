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
    DossierDocumentDto[] Documents, DossierStepDto[] Steps, DossierPauseDto[] Pauses);

public sealed record DossierDocumentDto(string Name, string Kind, int Count, string? FileId, bool Reused);

public sealed record DossierStepDto(int Order, string Name, string UnitCode, string Role, int WorkingDays, DateOnly? DueDate, DateTime? StartedAt, DateTime? CompletedAt, string? Deadline);

public sealed record DossierPauseDto(string Reason, DateOnly From, DateOnly? To);

public sealed record EventDto(long Sequence, DateTime At, string Actor, string Action, string? StateBefore, string StateAfter, string? Note, DateOnly? DueDateBefore, DateOnly? DueDateAfter, string? UnitCode, string? ToUnitCode, string[] Attachments, string Hash, string? ReasonCode = null, string? ActorId = null);

public sealed record DossierRow(string Code, string Status, string StatusLabel, string ProcedureCode, string ProcedureName, string ApplicantName, string CurrentUnitCode, string Channel, DateOnly ReceivedOn, DateOnly? AppointmentDate, string? Deadline, DateTime? AckDeadlineUtc = null);

public sealed record Page<T>(T[] Items, int PageNumber, int PageSize, int Total);

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

    /// <summary>Staff see dossiers received in or currently at a unit of their subtree; applicants their own.</summary>
    public static IQueryable<Dossier> Visible(this IQueryable<Dossier> dossiers, ClaimsPrincipal user)
    {
        if (user.IsInRole(Accounts.Roles.Citizen))
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
            return dossiers.Where(d => d.ApplicantUserId == id);
        }

        var scope = user.ScopePath();
        return dossiers.Where(d => d.ReceivingUnitPath.StartsWith(scope) || d.CurrentUnitPath.StartsWith(scope));
    }

    public static DossierDto ToDto(Dossier d, Actor? actor, DateOnly today, WorkingCalendar calendar) => new(
        d.Code, d.Version, d.Status.ToString(), d.Status.Label(), d.ProcedureCode, d.ProcedureName, d.ProcedureId,
        d.ReceivingUnit!.Code, d.ReceivingUnit.Name, d.CurrentUnit!.Code, d.CurrentUnit.Name, d.Channel.ToString().ToLowerInvariant(),
        d.PostalTrackingNumber,
        new ApplicantInput(d.Applicant.FullName, d.Applicant.IdNumber, d.Applicant.TaxCode, d.Applicant.BirthDate, d.Applicant.Phone, d.Applicant.Email, d.Applicant.Address),
        d.ReceivedAtUtc, d.ReceivedOn, d.LegalWorkingDays, d.LegalDueDate, d.AppointmentDate, d.DueDateEstimated,
        DeadlineLabel(d, today, calendar), d.SupplementRequests, d.CountedLate, d.FinishedOn, d.ResultCode, d.ResultFileId,
        actor is null ? [] : [.. Workflow.AllowedActions(d.Status, actor.Role).Select(a => a.ToKebab())],
        [.. d.Documents.Select(x => new DossierDocumentDto(x.Name, x.Kind, x.Count, x.FileId, x.Reused))],
        [.. d.Steps.OrderBy(s => s.Order).Select(s => new DossierStepDto(
            s.Order, s.Name, s.Unit?.Code ?? "", s.Role, s.WorkingDays, s.DueDate, s.StartedAtUtc, s.CompletedAtUtc,
            s.CompletedAtUtc is null && s.DueDate is { } due && d.Status.IsPending() ? Deadlines.Evaluate(today, due, calendar.CountWorkingDays).Label : null))],
        [.. d.Pauses.OrderBy(p => p.From).Select(p => new DossierPauseDto(p.Reason, p.From, p.To))]);

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
        string.IsNullOrEmpty(e.Attachments) ? [] : e.Attachments.Split('\n'), e.Hash, e.ReasonCode, e.ActorId);

    public static Task<Dossier?> LoadAsync(AppDbContext db, string code, ClaimsPrincipal user, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().Visible(user)
            .Include(d => d.ReceivingUnit).Include(d => d.CurrentUnit)
            .Include(d => d.Documents).Include(d => d.Pauses).Include(d => d.Steps).ThenInclude(s => s.Unit)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Code == code, ct);

    public sealed record ListFilter(string? Status, string? Unit, string? Procedure, bool? Overdue, string? Q, int? Page);

    public static async Task<Page<DossierRow>> ListAsync(AppDbContext db, ClaimsPrincipal user, ListFilter f, DateOnly today, WorkingCalendar calendar, CancellationToken ct)
    {
        var q = db.Dossiers.AsNoTracking().Visible(user);
        if (!string.IsNullOrWhiteSpace(f.Status) && Enum.TryParse<DossierStatus>(f.Status.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var status))
        {
            q = q.Where(d => d.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(f.Unit))
        {
            q = q.Where(d => d.CurrentUnit!.Code == f.Unit || d.ReceivingUnit!.Code == f.Unit);
        }

        if (!string.IsNullOrWhiteSpace(f.Procedure))
        {
            q = q.Where(d => d.ProcedureCode == f.Procedure);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            q = q.Where(d => d.Code == f.Q || d.Code.StartsWith(f.Q));
        }

        if (f.Overdue == true)
        {
            DossierStatus[] open = [DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingApproval, DossierStatus.AwaitingReception];
            q = q.Where(d => open.Contains(d.Status) && d.AppointmentDate < today);
        }

        var page = Math.Clamp(f.Page ?? 1, 1, 100_000); // page × size must not overflow the OFFSET (PostgreSQL rejects a negative one)
        var total = await q.CountAsync(ct);
        // Plain (AppointmentDate, Id) so the index gives the order and LIMIT stops early; intake always sets the appointment.
        var rows = await q.OrderBy(d => d.AppointmentDate).ThenBy(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new { Dossier = d, CurrentUnitCode = d.CurrentUnit!.Code })
            .ToListAsync(ct);
        return new Page<DossierRow>(
            [.. rows.Select(r => new DossierRow(
                r.Dossier.Code, r.Dossier.Status.ToString(), r.Dossier.Status.Label(), r.Dossier.ProcedureCode, r.Dossier.ProcedureName,
                r.Dossier.Applicant.FullName, r.CurrentUnitCode, r.Dossier.Channel.ToString().ToLowerInvariant(), r.Dossier.ReceivedOn,
                r.Dossier.AppointmentDate, DeadlineLabel(r.Dossier, today, calendar),
                r.Dossier.Status == DossierStatus.AwaitingReception ? r.Dossier.AckDeadlineUtc : null))],
            page, PageSize, total);
    }

    public static async Task<TrackingDto?> TrackAsync(AppDbContext db, CalendarService calendars, string code, string? verifier, CancellationToken ct, bool verified = false)
    {
        var d = await db.Dossiers.AsNoTracking().Include(x => x.CurrentUnit).Include(x => x.ReceivingUnit).Include(x => x.Pauses)
            .Include(x => x.Steps).ThenInclude(s => s.Unit)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Code == code, ct);
        // One answer for "no such code" and "wrong verifier", so that codes cannot be probed.
        if (d is null || (!verified && !Verifies(d, verifier)))
        {
            return null;
        }

        var calendar = await calendars.ForUnitAsync(d.ReceivingUnit, ct);
        Pause[] pauses = [.. d.Pauses.Where(p => p.To is not null).OrderBy(p => p.From).Select(p => new Pause(p.From, p.To!.Value))];
        string[] explanation = d.AppointmentDate is null ? [] : [.. calendar.Explain(d.ReceivedOn, d.LegalWorkingDays, pauses).Lines.Select(l => l.Text)];
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Sequence)
            .Select(e => new { e.AtUtc, e.Action, e.StateAfter }).ToListAsync(ct);
        return new TrackingDto(
            d.Code, d.Status.ToString(), d.Status.Label(), d.ProcedureName, d.CurrentUnit!.Name, d.ReceivedOn, d.AppointmentDate, d.DueDateEstimated,
            explanation, Masking.Name(d.Applicant.FullName),
            [.. events.Select(e => new TrackingStep(e.AtUtc, ActionLabel(e.Action), e.StateAfter.Label()))])
        {
            Plan = PublicPlan(d),
        };
    }

    /// <summary>Steps done, the one in hand (the first open step while the dossier is being processed) and those to come.</summary>
    private static TrackingPlanStep[] PublicPlan(Dossier d)
    {
        var steps = d.Steps.OrderBy(s => s.Order).ToList();
        var finished = d.FinishedOn is not null || !d.Status.IsPending();
        var processing = !finished && d.Status != DossierStatus.AwaitingReception;
        var current = processing ? steps.FirstOrDefault(s => s.CompletedAtUtc is null) : null;
        return [.. steps.Select(s => new TrackingPlanStep(
            s.Order, s.Name, s.Unit?.Name ?? "", s.DueDate,
            finished || s.CompletedAtUtc is not null ? "Đã xong" : s == current ? "Đang thực hiện" : "Chưa đến bước này"))];
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
