using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

public sealed class DetailsModel(AppDbContext db, CalendarService calendars, ActOnDossier act, CorrectDossier correct, TimeProvider time, Files.SaveUpload uploads) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public bool Received { get; set; }
    public DossierDto? Dossier { get; private set; }
    public EventDto[] History { get; private set; } = [];
    public DossierAction[] Allowed { get; private set; } = [];

    /// <summary>The next legal step when it is this user's to take (issue 21.3): shown first, with the page's one primary button.</summary>
    public DossierAction? Primary { get; private set; }

    /// <summary>The other allowed actions, behind "Thao tác khác".</summary>
    public DossierAction[] Secondary { get; private set; } = [];

    /// <summary>The next step of the ordinary path when it is someone else's, and who takes it.</summary>
    public DossierAction? NextAction { get; private set; }

    public ActorRole[] NextActors { get; private set; } = [];

    /// <summary>The action whose post failed, so its form is shown open with the error.</summary>
    public string? FailedAction { get; private set; }
    public string[] Explanation { get; private set; } = [];
    /// <summary>The units the forward action accepts (<see cref="ForwardTargets"/>), none preselected.</summary>
    public UnitDto[] Units { get; private set; } = [];
    public string? Error { get; private set; }
    public List<string> Forms { get; } = [];

    /// <summary>The desk of the receiving unit may correct the dossier while it is not decided (issue 20.7).</summary>
    public bool CanCorrect { get; private set; }

    /// <summary>The current version of form 01: 1 + the corrections made.</summary>
    public int ReceiptVersion { get; private set; } = 1;

    public Dictionary<string, string[]> CorrectionErrors { get; private set; } = [];

    /// <summary>Reasons from the configured list per action that needs one (send-back, refuse, stop).</summary>
    public Dictionary<DossierAction, DecisionReason[]> Reasons { get; } = [];

    /// <summary>Until when the current user may take back the refusal they just made; null when not theirs or too late.</summary>
    public DateTime? UndoUntilUtc { get; private set; }

    public string ActionLabel(string action) => ReadDossiers.ActionLabel(action);

    public string ChannelLabel => Dossier?.Channel switch { "online" => "Trực tuyến", "postal" => "Bưu chính", _ => "Trực tiếp" };

    public string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The status tag's class (docs/design.md): the word is always shown, the colour only reinforces it.</summary>
    public static string StatusCss(DossierStatus status) => status switch
    {
        DossierStatus.AwaitingSupplement or DossierStatus.AwaitingFee => "warn",
        DossierStatus.Approved or DossierStatus.ResultReady or DossierStatus.Returned => "ok",
        DossierStatus.Refused or DossierStatus.Stopped => "late",
        DossierStatus.Withdrawn => "",
        _ => "info",
    };

    /// <summary>Refusing, stopping and withdrawing end the dossier: their buttons are styled as warnings.</summary>
    public static bool IsWarning(DossierAction action) => action is DossierAction.Refuse or DossierAction.Stop or DossierAction.Withdraw;

    /// <summary>One sentence above the primary button saying what the step is.</summary>
    public static string PrimaryHint(DossierAction action) => action switch
    {
        DossierAction.Accept => "Kiểm tra hồ sơ nộp trực tuyến hoặc qua bưu chính rồi tiếp nhận.",
        DossierAction.Forward => "Chuyển hồ sơ cho đơn vị giải quyết thủ tục.",
        DossierAction.SubmitForApproval => "Thẩm định xong: trình lãnh đạo phê duyệt.",
        DossierAction.ReceiveSupplement => "Khi người nộp đã bổ sung giấy tờ, ghi nhận để tiếp tục tính thời hạn.",
        DossierAction.ConfirmFee => "Khi người nộp đã nộp phí, lệ phí, xác nhận để tiếp tục tính thời hạn.",
        DossierAction.Approve => "Xem xét kết quả chuyên viên trình và phê duyệt.",
        DossierAction.RecordResult => "Tải lên tệp PDF kết quả đã ký để cấp mã kết quả.",
        DossierAction.ReturnResult => "Trả kết quả cho người nộp và ghi nhận.",
        _ => action.Label(),
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        await Security.Audit.PersonalDataViewedAsync(HttpContext, time, User, Dossier!.Code, "/Dossiers/Details");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(
        string actionName, string? note, string? toUnitCode, DateOnly? newDueDate, IFormFile? resultFile, string? trackingNumber, int? version, string? reasonCode, string? medium,
        CancellationToken ct)
    {
        // The result is recorded by uploading its PDF (issue 20 item 1): the upload's id goes to the action.
        string? resultFileId = null;
        if (resultFile is { Length: > 0 })
        {
            switch (await uploads.CheckAndStoreAsync(resultFile, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", ct))
            {
                case Files.SaveUpload.Saved(var saved):
                    await db.SaveChangesAsync(ct);
                    resultFileId = saved.Id;
                    break;
                case Files.SaveUpload.Rejected(var message, _):
                    Error = message;
                    db.ChangeTracker.Clear();
                    return await LoadAsync(ct) ? Page() : NotFound();
            }
        }

        FailedAction = actionName;
        var outcome = await act.HandleAsync(Code ?? "", new ActionRequest(actionName, note, toUnitCode, newDueDate, resultFileId, trackingNumber, null, version, reasonCode, medium), User, ct);
        switch (outcome)
        {
            case ActOnDossier.Done:
                return Redirect($"/Dossiers/Details?code={Uri.EscapeDataString(Code!)}");
            case ActOnDossier.NotFound:
                return NotFound();
            case ActOnDossier.Invalid(_, var message):
                Error = message;
                break;
            case ActOnDossier.Forbidden(var message):
                Error = message;
                break;
            case ActOnDossier.Conflict(var message, _, _):
                Error = message;
                break;
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCorrectAsync(
        string? reason, string? fullName, string? idNumber, string? taxCode, DateOnly? birthDate, string? phone, string? email, string? address, int? version,
        CancellationToken ct)
    {
        var body = new CorrectionRequest(reason, new ApplicantInput(fullName ?? "", idNumber ?? "", taxCode ?? "", birthDate, phone ?? "", email ?? "", address ?? ""), null, version);
        switch (await correct.HandleAsync(Code ?? "", body, User, ct))
        {
            case CorrectDossier.Corrected:
                return Redirect($"/Dossiers/Details?code={Uri.EscapeDataString(Code!)}");
            case CorrectDossier.NotFound:
                return NotFound();
            case CorrectDossier.Invalid(var errors):
                CorrectionErrors = errors;
                Error = string.Join(" ", errors.Values.SelectMany(v => v));
                break;
            case CorrectDossier.Forbidden(var message):
                Error = message;
                break;
            case CorrectDossier.Conflict(var message):
                Error = message;
                break;
        }

        db.ChangeTracker.Clear();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var d = await ReadDossiers.LoadAsync(db, Code ?? "", User, ct);
        if (d is null)
        {
            return false;
        }

        var calendar = await calendars.ForUnitAsync(d.ReceivingUnit, ct);
        var actor = Actor.From(User);
        Dossier = ReadDossiers.ToDto(d, actor, VietnamTime.Today(time), calendar);
        Allowed = actor is null ? [] : [.. Workflow.AllowedActions(d.Status, actor.Role)];
        Primary = actor is null ? null : NextStep.Primary(d.Status, actor.Role);
        Secondary = [.. Allowed.Where(a => a != Primary)];
        NextAction = NextStep.Of(d.Status);
        NextActors = [.. NextStep.Actors(d.Status)];
        History = [.. (await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Sequence).ToListAsync(ct)).Select(ReadDossiers.ToDto)];
        // Only the forms the history supports: 02 after a supplement request, 03 after a refusal, and so on.
        string[] evidence = ["", "request-supplement", "refuse", "apologize", "stop", ""];
        Forms.AddRange(DossierForms.Numbers.Where((n, i) => evidence[i] == "" || History.Any(e => e.Action == evidence[i])));
        ReceiptVersion = History.Count(e => e.Action == Correction.Action) + 1;
        CanCorrect = actor?.Role == ActorRole.Desk && User.CanSee(d.ReceivingUnitPath) && Correction.Allowed(d.Status);
        // An imported dossier carries its due date but not the working days it came from (0): nothing to explain, and
        // the calendar refuses 0 days (issue 25.3 found every imported dossier's page answering 500).
        if (d.AppointmentDate is not null && d.LegalWorkingDays > 0)
        {
            Pause[] pauses = [.. d.Pauses.Where(p => p.To is not null).OrderBy(p => p.From).Select(p => new Pause(p.From, p.To!.Value))];
            Explanation = [.. calendar.Explain(d.ReceivedOn, d.LegalWorkingDays, pauses).Lines.Select(l => l.Text)];
        }

        foreach (var action in Allowed.Where(Workflow.RequiresReasonCode))
        {
            Reasons[action] = await DecisionReasons.ForAsync(db, action, ct);
        }

        if (d.Status == DossierStatus.Refused && actor is not null && History.Length > 0 && History[^1].Action == "refuse" && History[^1].ActorId == actor.Id)
        {
            var until = History[^1].At + act.UndoWindow;
            UndoUntilUtc = until >= time.GetUtcNow().UtcDateTime ? until : null;
        }

        if (Allowed.Contains(DossierAction.Forward))
        {
            Units = [.. (await ForwardTargets.ForAsync(db, d, VietnamTime.Today(time), ct)).Select(UnitTree.ToDto)];
        }

        return true;
    }
}
