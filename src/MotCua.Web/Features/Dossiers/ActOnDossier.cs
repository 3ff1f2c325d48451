using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

public sealed record ActionRequest(
    string? Action, string? Note = null, string? ToUnitCode = null, DateOnly? NewDueDate = null, string? ResultFileId = null,
    string? TrackingNumber = null, string? ReturnChannel = null, int? Version = null, string? ReasonCode = null, string? Medium = null);

/// <summary>
/// Told of every workflow action before it is saved, the way the calendar tells of its changes: what it adds to
/// the context commits in the action's transaction. The portal keeps the applicant's personal store with it.
/// </summary>
public interface IDossierActionHandler
{
    Task OnActionAsync(AppDbContext db, Dossier dossier, string action, DateTime nowUtc, CancellationToken ct);
}

/// <summary>One workflow action on one dossier: the transition table decides, then state, history and clock change in one transaction.</summary>
public sealed class ActOnDossier(
    AppDbContext db, CalendarService calendars, TimeProvider time, IStringLocalizer<SharedResource> t, IConfiguration config, IFileStore files,
    IEnumerable<IDossierActionHandler> handlers, IEnumerable<IFileReadGrant> grants, IEnumerable<IResultSigner> signers)
{
    public abstract record Outcome;

    public sealed record Done(Dossier Dossier, DossierEvent Event) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record Forbidden(string Message) : Outcome;

    /// <summary>The action does not fit the current state, or someone else acted first: 409 with the current state.</summary>
    public sealed record Conflict(string Message, DossierStatus Status, int Version) : Outcome;

    public Task<Outcome> HandleAsync(string code, ActionRequest body, ClaimsPrincipal user, CancellationToken ct) =>
        HandleAsync(code, body, Actor.From(user), user, null, ct);

    /// <summary>
    /// The system acting (payment gateway, online result delivery): no account scope applies; <paramref name="beforeSave"/>
    /// changes the dossier or adds rows that must commit in the same transaction as the action.
    /// </summary>
    public Task<Outcome> HandleAsSystemAsync(string code, ActionRequest body, Action<Dossier>? beforeSave, CancellationToken ct) =>
        HandleAsync(code, body, Actor.System, null, beforeSave, ct);

    private async Task<Outcome> HandleAsync(string code, ActionRequest body, Actor? actor, ClaimsPrincipal? user, Action<Dossier>? beforeSave, CancellationToken ct)
    {
        var dossier = await db.Dossiers
            .Include(d => d.Pauses).Include(d => d.Steps).Include(d => d.ReceivingUnit).Include(d => d.CurrentUnit)
            .AsSplitQuery()
            .SingleOrDefaultAsync(d => d.Code == code, ct);
        if (dossier is null || actor is null || (user is not null && !CanAct(user, actor, dossier)))
        {
            return new NotFound();
        }

        if (body.Action == UndoRefusalAction)
        {
            return await UndoRefusalAsync(dossier, actor, body, ct);
        }

        if (!DossierActions.TryParse(body.Action, out var action))
        {
            return new Invalid("action", t["Thao tác '{0}' không tồn tại. Các thao tác: {1}", body.Action ?? "", string.Join(", ", DossierActions.All.Select(a => a.ToKebab()))]);
        }

        if (body.Note is { Length: > 4000 })
        {
            return new Invalid("note", t["Ghi chú tối đa 4000 ký tự."]);
        }

        if (body.Version is { } expected && expected != dossier.Version)
        {
            return new Conflict(t["Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại."], dossier.Status, dossier.Version);
        }

        if (!Routing.TryParse(body.Medium, out var medium))
        {
            return new Invalid("medium", t["Hình thức chuyển '{0}' không hợp lệ: chọn 'electronic' (điện tử) hoặc 'paper' (giấy).", body.Medium!]);
        }

        if (body.Medium is not null && action != DossierAction.Forward)
        {
            return new Invalid("medium", t["Hình thức chuyển chỉ dùng cho thao tác chuyển xử lý."]);
        }

        var today = VietnamTime.Today(time);
        OrgUnit? target = null;
        if (action == DossierAction.Forward && !string.IsNullOrWhiteSpace(body.ToUnitCode))
        {
            target = await db.Units.SingleOrDefaultAsync(u => u.Code == body.ToUnitCode, ct);
            if (target is null || !target.IsValidOn(today))
            {
                return new Invalid("toUnitCode", t["Không tìm thấy đơn vị nhận '{0}'.", body.ToUnitCode]);
            }
        }

        var supplementsHere = await db.DossierEvents.CountAsync(
            e => e.DossierId == dossier.Id && e.Action == "request-supplement" && e.UnitCode == dossier.CurrentUnit!.Code, ct);
        var decision = Workflow.Decide(dossier.Status, action, actor.Role, new TransitionContext
        {
            Note = body.Note,
            TargetUnitCode = body.ToUnitCode,
            ResultFileId = body.ResultFileId,
            ReasonCode = body.ReasonCode,
            SupplementRequestsAtThisUnit = supplementsHere,
            PausedFrom = dossier.PausedFrom,
            Today = today,
            DueDate = dossier.AppointmentDate,
            NewDueDate = body.NewDueDate,
        });
        if (!decision.IsAllowed)
        {
            var reason = t[decision.ReasonTemplate!, [.. decision.ReasonArgs]];
            return decision.Denial switch
            {
                DenialKind.State => new Conflict(reason, dossier.Status, dossier.Version),
                DenialKind.Role => new Forbidden(reason),
                _ => new Invalid(decision.Field ?? "action", reason),
            };
        }

        // Only a unit that can take the procedure, the same list the dossier page offers (issue 21.3); after the state check.
        if (target is not null && !(await ForwardTargets.ForAsync(db, dossier, today, ct)).Any(u => u.Id == target.Id))
        {
            return new Invalid("toUnitCode", t["{0} không giải quyết thủ tục {1}: chọn đơn vị có thẩm quyền hoặc đơn vị thực hiện một bước xử lý của hồ sơ.", target.Name, dossier.ProcedureCode]);
        }

        var note = body.Note;
        string? reasonCode = null;
        if (Workflow.RequiresReasonCode(action))
        {
            var reason = await db.DecisionReasons.AsNoTracking().SingleOrDefaultAsync(r => r.Code == body.ReasonCode!.Trim(), ct);
            if (reason is null || !reason.Active || !reason.AppliesTo(action))
            {
                return new Invalid("reasonCode", t["Lý do '{0}' không có trong danh mục lý do của thao tác này.", body.ReasonCode!]);
            }

            reasonCode = reason.Code;
            note = $"{reason.Text}. {body.Note!.Trim()}";
        }

        // The result is an uploaded PDF the officer may read (issue 20 item 1), never a typed file code.
        UploadedFile? resultUpload = null;
        if (action == DossierAction.RecordResult || action == DossierAction.ReturnResult && !string.IsNullOrWhiteSpace(body.ResultFileId))
        {
            resultUpload = user is null ? null : await ResultFiles.ReadablePdfAsync(db, grants, body.ResultFileId!, user, ct);
            if (resultUpload is null)
            {
                return new Invalid("resultFileId", t["Không tìm thấy tệp kết quả PDF '{0}' mà bạn được phép dùng. Tải tệp PDF kết quả lên (POST /api/v1/files) rồi gửi mã tệp.", body.ResultFileId!.Trim()]);
            }
        }

        if (action == DossierAction.ReturnResult && resultUpload is null && await ResultFileProblemAsync(dossier, ct) is { } missingFile)
        {
            return missingFile;
        }

        var calendar = await calendars.ForUnitAsync(dossier.ReceivingUnit, ct);
        var before = dossier.Status;
        var dueBefore = dossier.AppointmentDate;
        var now = time.GetUtcNow().UtcDateTime;
        var fromUnit = dossier.CurrentUnit!.Code;
        dossier.Status = decision.Next;
        List<string> attachments = [];
        switch (action)
        {
            case DossierAction.Accept:
                dossier.ReceivedAtUtc = now;
                dossier.ReceivedOn = today;
                ReceiveDossier.SetDueDate(dossier, calendar);
                break;
            case DossierAction.Forward:
                dossier.RoutedElectronically = Routing.After(dossier.RoutedElectronically, target!.Id != dossier.CurrentUnitId, medium);
                dossier.CurrentUnitId = target.Id;
                dossier.CurrentUnitPath = target.Path;
                AdvanceStep(dossier, target.Id, now);
                break;
            case DossierAction.RequestSupplement:
                dossier.SupplementRequests++;
                break;
            case DossierAction.Approve or DossierAction.Refuse or DossierAction.Stop or DossierAction.Withdraw:
                dossier.FinishedOn = today;
                dossier.FinishedAtUtc = now;
                dossier.FinishKind = action switch { DossierAction.Approve => "approved", DossierAction.Refuse => "refused", DossierAction.Stop => "stopped", _ => "withdrawn" };
                break;
            case DossierAction.RecordResult:
                dossier.ResultCount++;
                dossier.ResultCode = DossierCode.TryParse(dossier.Code, out var c) ? c.ResultCode(dossier.ResultCount) : $"{dossier.Code}-KQ{dossier.ResultCount}";
                dossier.ResultFileId = resultUpload!.Id;
                attachments.Add(resultUpload.Id);
                break;
            case DossierAction.ReturnResult:
                if (resultUpload is not null)
                {
                    dossier.ResultFileId = resultUpload.Id;
                    attachments.Add(resultUpload.Id);
                }

                dossier.ReturnChannel = body.ReturnChannel ?? (string.IsNullOrWhiteSpace(body.TrackingNumber) ? "desk" : "post");
                dossier.ReturnedOn = today;
                if (!string.IsNullOrWhiteSpace(body.TrackingNumber))
                {
                    dossier.PostalTrackingNumber = body.TrackingNumber.Trim();
                }

                break;
            case DossierAction.Apologize:
                dossier.ApologyDueDate = body.NewDueDate;
                dossier.AppointmentDate = body.NewDueDate;
                break;
        }

        if (before == DossierStatus.AwaitingReception && dossier.AcknowledgedAtUtc is null && Acknowledgement.Acknowledges(action))
        {
            dossier.AcknowledgedAtUtc = now;
        }

        if (decision.CountsAsLate)
        {
            dossier.CountedLate = true;
        }

        if (decision.PausesClock)
        {
            dossier.PausedFrom = decision.PausedFrom;
            dossier.Pauses.Add(new DossierPause { Reason = action.ToKebab(), From = today });
        }
        else if (decision.ResumesClock)
        {
            dossier.PausedFrom = null;
            foreach (var open in dossier.Pauses.Where(p => p.To is null))
            {
                open.To = today;
            }

            ReceiveDossier.SetDueDate(dossier, calendar);
        }

        string? signedFileId = null;
        if (resultUpload is not null)
        {
            foreach (var signer in signers)
            {
                var signing = await signer.SignAsync(db, dossier, resultUpload, actor.Id, now, ct);
                if (signing.Problem is { } problem)
                {
                    return new Invalid("resultFileId", problem);
                }

                signedFileId ??= signing.SignedFileId;
            }
        }

        beforeSave?.Invoke(dossier);
        dossier.Version++;
        var e = DossierHistory.Append(db, dossier, actor, now, new(
            action.ToKebab(), before, note, attachments, dueBefore, fromUnit, target?.Code, reasonCode,
            action == DossierAction.Forward ? Routing.Name(medium) : null));
        if (signedFileId is not null)
        {
            // The dossier's result is the signed copy: downloads, the applicant's store and the tracking paths serve it.
            dossier.ResultFileId = signedFileId;
            dossier.ElectronicResult = true;
            DossierHistory.Append(db, dossier, Actor.System, now, new("sign-result", dossier.Status, t["Kết quả điện tử {0} đã được ký số.", dossier.ResultCode ?? ""], [signedFileId]));
        }

        DossierNotifications.Enqueue(db, dossier, action.ToKebab(), now, note);
        foreach (var handler in handlers)
        {
            await handler.OnActionAsync(db, dossier, action.ToKebab(), now, ct);
        }
        return await SaveAsync(dossier, e, ct);
    }

    /// <summary>The pseudo-action that takes back one's own refusal within <c>Dossiers:UndoMinutes</c>.</summary>
    public const string UndoRefusalAction = "undo-refusal";

    public TimeSpan UndoWindow => TimeSpan.FromMinutes(config.GetValue("Dossiers:UndoMinutes", 10));

    private async Task<Outcome> UndoRefusalAsync(Dossier dossier, Actor actor, ActionRequest body, CancellationToken ct)
    {
        if (body.Version is { } expected && expected != dossier.Version)
        {
            return new Conflict(t["Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại."], dossier.Status, dossier.Version);
        }

        var last = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == dossier.Id).OrderByDescending(e => e.Sequence)
            .Select(e => (LastEvent?)new LastEvent(e.Action, e.ActorId, e.AtUtc, e.StateBefore)).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var decision = RefusalUndo.Decide(dossier.Status, last, actor.Id, now, UndoWindow);
        if (!decision.IsAllowed)
        {
            var reason = t[decision.ReasonTemplate!, [.. decision.ReasonArgs]];
            return decision.Denial switch
            {
                DenialKind.State => new Conflict(reason, dossier.Status, dossier.Version),
                DenialKind.Role => new Forbidden(reason),
                _ => new Invalid(decision.Field ?? "action", reason),
            };
        }

        var before = dossier.Status;
        dossier.Status = decision.Next;
        dossier.FinishedOn = null;
        dossier.FinishedAtUtc = null;
        dossier.FinishKind = null;
        dossier.Version++;
        var note = string.IsNullOrWhiteSpace(body.Note) ? t["Hoàn tác thao tác từ chối."].Value : body.Note.Trim();
        var e = DossierHistory.Append(db, dossier, actor, now, new(UndoRefusalAction, before, note, DueBefore: dossier.AppointmentDate, UnitCode: dossier.CurrentUnit!.Code));
        return await SaveAsync(dossier, e, ct);
    }

    /// <summary>A procedure whose result is electronic returns it only with the stored result file.</summary>
    /// <remarks>Rows recorded before issue 20 may hold a content hash (still read) or a typed file code (needs an upload now).</remarks>
    private async Task<Outcome?> ResultFileProblemAsync(Dossier dossier, CancellationToken ct)
    {
        var kind = await db.Procedures.Where(p => p.Id == dossier.ProcedureId).Select(p => p.ResultKind).SingleOrDefaultAsync(ct);
        if (kind != Procedures.ResultKind.Electronic)
        {
            return null;
        }

        var sha = await ResultFiles.ShaOfAsync(db, dossier.ResultFileId, ct);
        await using var stream = sha is null ? null : files.Open(sha);
        if (stream is null)
        {
            return new Invalid("resultFileId", t["Thủ tục có kết quả điện tử: phải đính kèm tệp kết quả trước khi trả kết quả."]);
        }

        dossier.ElectronicResult = true;
        return null;
    }

    private async Task<Outcome> SaveAsync(Dossier dossier, DossierEvent e, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            var code = dossier.Code;
            db.ChangeTracker.Clear();
            var current = await db.Dossiers.AsNoTracking().SingleAsync(d => d.Code == code, ct);
            return new Conflict(t["Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại."], current.Status, current.Version);
        }

        return new Done(dossier, e);
    }

    /// <summary>Staff act inside their subtree (where the dossier was received or where it is now); applicants on their own dossiers.</summary>
    internal static bool CanAct(ClaimsPrincipal user, Actor actor, Dossier dossier) =>
        actor.Role == ActorRole.Applicant
            ? dossier.ApplicantUserId == actor.Id
            : user.CanSee(dossier.CurrentUnitPath) || user.CanSee(dossier.ReceivingUnitPath);

    private static void AdvanceStep(Dossier dossier, int unitId, DateTime now)
    {
        foreach (var done in dossier.Steps.Where(s => s.StartedAtUtc is not null && s.CompletedAtUtc is null))
        {
            done.CompletedAtUtc = now;
        }

        var next = dossier.Steps.OrderBy(s => s.Order).FirstOrDefault(s => s.StartedAtUtc is null && s.UnitId == unitId)
            ?? dossier.Steps.OrderBy(s => s.Order).FirstOrDefault(s => s.StartedAtUtc is null);
        if (next is not null)
        {
            next.StartedAtUtc = now;
        }
    }
}
