using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Forms;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;
using FormApplicant = MotCua.Web.Features.Forms.Applicant;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The tracking page's link for a dossier, printed as form 01's QR; the tracking feature makes it (a token under its key).</summary>
public interface ITrackingLinks
{
    /// <summary>An absolute link: a scanned QR has no page to be relative to.</summary>
    string LinkFor(HttpRequest request, string code);
}

/// <summary>Fills the legal forms 01–07 from a dossier and its history, and serves them as PDF and printable HTML.</summary>
public static class DossierForms
{
    public static readonly string[] Numbers = ["01", "02", "03", "04", "05", "06"];

    public static string Title(string form) => form switch
    {
        "01" => "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
        "02" => "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
        "03" => "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
        "04" => "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
        "05" => "Thông báo dừng giải quyết hồ sơ",
        "06" => "Phiếu kiểm soát quá trình giải quyết hồ sơ",
        _ => form,
    };

    public static void MapDossierFormsApi(this RouteGroupBuilder dossiers, IEndpointRouteBuilder app)
    {
        dossiers.MapGet("/{code}/forms/{form}", Render).Doc("getDossierForm", "Tải biểu mẫu của hồ sơ (PDF)", "Renders a dossier's form (receipt 01, supplement request 02, …) as PDF.").ProducesFile("application/pdf");
        app.MapGet("/api/v1/reports/tracking-book", RenderTrackingBook).Doc("getTrackingBook", "Sổ theo dõi hồ sơ (Excel)", "The dossier tracking book of a unit and period as an Excel file.").ProducesFile("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").WithTags("Dossiers").RequireAuthorization(Accounts.AccountsSetup.StaffPolicy);
    }

    /// <summary>GET …/forms/01.pdf or …/forms/01.html; 404 when the dossier has no event the form records (e.g. 03 before a refusal).</summary>
    private static async Task<Results<FileContentHttpResult, ContentHttpResult, NotFound>> Render(
        string code, string form, int? version, AppDbContext db, ClaimsPrincipal user, TimeProvider time, ITrackingLinks links, HttpContext http,
        Files.IFileStore files, CancellationToken ct)
    {
        var number = Path.GetFileNameWithoutExtension(form);
        var extension = Path.GetExtension(form);
        var d = await ReadDossiers.LoadAsync(db, code, user, ct);
        var trackingUrl = d is null ? null : links.LinkFor(http.Request, d.Code);
        int? receiptVersion = null;
        if (d is not null && version is { } v && number == "01")
        {
            // An earlier version of form 01 (issue 20.7): the snapshot its correction kept; the current version is the dossier itself.
            var current = await db.DossierEvents.CountAsync(e => e.DossierId == d.Id && e.Action == Correction.Action, ct) + 1;
            if (v < current && await CorrectDossier.EarlierVersionAsync(db, files, d.Id, v, ct) is { } snapshot)
            {
                d = AsOf(d, snapshot);
                receiptVersion = snapshot.FormVersion;
            }
            else if (v != current)
            {
                return TypedResults.NotFound();
            }
        }

        if (d is null || extension is not (".pdf" or ".html") || await BuildAsync(db, d, number, VietnamTime.Today(time), ct, trackingUrl, receiptVersion) is not { } printable)
        {
            return TypedResults.NotFound();
        }

        await Security.Audit.PersonalDataViewedAsync(http, time, user, d.Code, "form " + form);
        return extension == ".pdf"
            ? TypedResults.File(FormPdf.Render(printable), "application/pdf", $"{d.Code}-mau-{number}.pdf")
            : TypedResults.Content(FormHtml.Render(printable), "text/html; charset=utf-8");
    }

    /// <summary>A detached copy of the dossier with the applicant and components of an earlier form 01.</summary>
    private static Dossier AsOf(Dossier d, ReceiptSnapshot s) => new()
    {
        Id = d.Id,
        Code = d.Code,
        ProcedureCode = d.ProcedureCode,
        ProcedureName = d.ProcedureName,
        ReceivingUnit = d.ReceivingUnit,
        ReceivingUnitPath = d.ReceivingUnitPath,
        CurrentUnitPath = d.CurrentUnitPath,
        ReceivedAtUtc = d.ReceivedAtUtc,
        ReceivedOn = d.ReceivedOn,
        LegalWorkingDays = d.LegalWorkingDays,
        AppointmentDate = d.AppointmentDate,
        Applicant = new Applicant
        {
            FullName = s.Applicant.FullName ?? "",
            IdNumber = s.Applicant.IdNumber,
            TaxCode = s.Applicant.TaxCode,
            BirthDate = s.Applicant.BirthDate,
            Phone = s.Applicant.Phone,
            Email = s.Applicant.Email,
            Address = s.Applicant.Address,
        },
        Documents = [.. s.Documents.Select(x => new DossierDocument { Name = x.Name ?? "", Kind = x.Kind ?? "copy", Count = x.Count ?? 1 })],
    };

    public static async Task<IPrintableForm?> BuildAsync(AppDbContext db, Dossier d, string number, DateOnly today, CancellationToken ct, string? trackingUrl = null, int? receiptVersion = null)
    {
        var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var header = await HeaderAsync(db, d.ReceivingUnit!, today, ct);
        var reference = new DossierRef(d.Code, d.ProcedureCode, d.ProcedureName);
        var applicant = new FormApplicant(d.Applicant.FullName, d.Applicant.Address ?? "", d.Applicant.Phone, d.Applicant.Email);
        var received = Local(d.ReceivedAtUtc);
        var first = events.FirstOrDefault();
        var last = (string action) => events.LastOrDefault(e => e.Action == action);
        var sequence = DossierCode.TryParse(d.Code, out var parsed) ? parsed.Sequence : 0;
        return number switch
        {
            "01" when d.AppointmentDate is { } due => new ReceiptForm(
                header, reference, d.ReceivingUnit!.Name, applicant,
                [.. d.Documents.Select(x => new SubmittedDocument(x.Name, Kind(x.Kind), x.Count))],
                d.LegalWorkingDays, received, due, d.ReceivingUnit.Name,
                d.ReceivedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), sequence, first?.ActorName ?? "", trackingUrl,
                receiptVersion ?? events.Count(e => e.Action == Correction.Action) + 1),
            "02" when last("request-supplement") is { } e => new SupplementRequestForm(
                header with { Date = VietnamTime.LocalDate(e.AtUtc) }, $"{e.Sequence}/PYCBS", reference, applicant, received,
                [e.Note ?? ""], e.Note ?? "", e.ActorName),
            "03" when last("refuse") is { } e => new RefusalForm(
                header with { Date = VietnamTime.LocalDate(e.AtUtc) }, $"{e.Sequence}/PTC", reference, applicant, [e.Note ?? ""], e.ActorName),
            "04" when last("apologize") is { } e => new ApologyForm(
                header with { Date = VietnamTime.LocalDate(e.AtUtc) }, $"{e.Sequence}/PXL", reference, applicant, d.ReceivedOn,
                e.DueDateBefore ?? d.LegalDueDate ?? d.ReceivedOn, e.Note ?? "", e.DueDateAfter ?? d.AppointmentDate ?? d.ReceivedOn,
                d.Channel == Channel.Online ? DeliveryChannel.Email : DeliveryChannel.InPerson, e.ActorName),
            "05" when last("stop") is { } e => new StopNoticeForm(
                header with { Date = VietnamTime.LocalDate(e.AtUtc) }, $"{e.Sequence}/TBDXL", reference, applicant, d.ReceivedOn, e.Note ?? "", e.ActorName),
            "06" when d.AppointmentDate is { } due => new ProcessControlSheet(header, reference, applicant, received, due, Handovers(events, d)),
            _ => null,
        };
    }

    /// <summary>Form 06: one row per handover (intake, each forward, the decision, the return), judged against the appointment.</summary>
    private static List<HandoverRow> Handovers(List<DossierEvent> events, Dossier d)
    {
        string[] handovers = ["receive", "receive-postal", "accept", "forward", "submit-for-approval", "send-back", "approve", "refuse", "stop", "record-result", "return-result"];
        var rows = new List<HandoverRow>();
        string? previousActor = null;
        foreach (var e in events.Where(e => handovers.Contains(e.Action)))
        {
            var on = VietnamTime.LocalDate(e.AtUtc);
            StepResult? result = d.AppointmentDate is { } due ? on < due ? StepResult.Early : on == due ? StepResult.OnTime : StepResult.Late : null;
            rows.Add(new HandoverRow(e.ToUnitCode ?? e.UnitCode ?? "", Local(e.AtUtc), Local(e.AtUtc), previousActor ?? e.ActorName, e.ActorName, result, e.Note));
            previousActor = e.ActorName;
        }

        return rows;
    }

    internal static async Task<FormHeader> HeaderAsync(AppDbContext db, OrgUnit unit, DateOnly today, CancellationToken ct)
    {
        var parent = unit.ParentId is { } pid ? await db.Units.AsNoTracking().SingleAsync(u => u.Id == pid, ct) : null;
        var district = unit.Kind == UnitKind.District ? unit : parent?.Kind == UnitKind.District ? parent : null;
        var place = (district ?? unit).Name.Replace("Huyện ", "", StringComparison.Ordinal).Replace("Xã ", "", StringComparison.Ordinal).Replace("Tỉnh ", "", StringComparison.Ordinal);
        return new FormHeader(Authority(parent), Authority(unit), place, today);
    }

    /// <summary>"Xã Phước Bình" is issued by "Ủy ban nhân dân xã Phước Bình"; offices and desks keep their own names.</summary>
    private static string Authority(OrgUnit? unit) => unit switch
    {
        null => "",
        { Kind: UnitKind.Province or UnitKind.District or UnitKind.Commune } => "Ủy ban nhân dân " + char.ToLowerInvariant(unit.Name[0]) + unit.Name[1..],
        _ => unit.Name,
    };

    private static Forms.DocumentKind Kind(string kind) => kind switch
    {
        "original" => Forms.DocumentKind.Original,
        "certified-copy" or "certifiedcopy" => Forms.DocumentKind.CertifiedCopy,
        _ => Forms.DocumentKind.Photocopy,
    };

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone);

    /// <summary>Form 07, the tracking book: every dossier received by a unit of the caller's subtree in [from, to], as Excel, PDF or HTML.</summary>
    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ValidationProblem>> RenderTrackingBook(
        string? unit, DateOnly? from, DateOnly? to, string? procedure, string? format, AppDbContext db, ClaimsPrincipal user, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var start = from ?? new DateOnly(today.Year, today.Month, 1);
        var end = to ?? today;
        if (end < start || end.DayNumber - start.DayNumber > 366)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = [t["Khoảng thời gian phải từ 1 ngày đến 1 năm, ngày kết thúc không trước ngày bắt đầu."]] });
        }

        var scopeUnit = await db.Units.AsNoTracking().InScopeOf(user)
            .Where(u => unit == null ? u.Path == user.ScopePath() || u.Id == user.UnitId() : u.Code == unit)
            .OrderBy(u => u.Path.Length).FirstOrDefaultAsync(ct);
        if (scopeUnit is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unit"] = [t["Không tìm thấy đơn vị '{0}' trong phạm vi của bạn.", unit ?? ""]] });
        }

        // The subtree's unit paths (a dossier keeps its unit's path, and a unit's path never changes), each an equality on the
        // (ReceivingUnitPath, ReceivedOn) index then the period: a prefix range would leave SQLite reading the whole province's period.
        var path = scopeUnit.Path;
        var pathEnd = DossierSearch.PrefixEnd(path);
        var paths = await db.Units.AsNoTracking().Where(u => u.Path.CompareTo(path) >= 0 && u.Path.CompareTo(pathEnd) < 0).Select(u => u.Path).ToListAsync(ct);
        var rows = await db.Dossiers.AsNoTracking()
            .Where(d => paths.Contains(d.ReceivingUnitPath) && d.ReceivedOn >= start && d.ReceivedOn <= end && (procedure == null || d.ProcedureCode == procedure))
            .OrderBy(d => d.ReceivedOn).ThenBy(d => d.Code)
            .Select(d => new { d.Code, d.ProcedureCode, ProcedureName = d.OwnProcedureName ?? db.Procedures.Where(p => p.Id == d.ProcedureId).Select(p => p.Name).FirstOrDefault(), d.Applicant.FullName, d.ReceivedOn, d.LegalDueDate, d.AppointmentDate, d.FinishedOn, d.Status, d.UpdatedAtUtc, Receiving = d.ReceivingUnit!.Code, Current = d.CurrentUnit!.Code })
            .Take(50_000).ToListAsync(ct);
        var book = new TrackingBook(
            await HeaderAsync(db, scopeUnit, today, ct), scopeUnit.Code, start, end, MaskApplicants: false,
            [.. rows.Select(r => new TrackingBookRow(
                r.Code, r.ProcedureCode, r.ProcedureName ?? "", r.FullName, r.ReceivedOn, r.LegalDueDate ?? r.AppointmentDate ?? r.ReceivedOn, r.FinishedOn,
                r.Status == DossierStatus.Returned ? VietnamTime.LocalDate(r.UpdatedAtUtc) : null,
                r.Receiving == r.Current ? r.Receiving : $"{r.Receiving} → {r.Current}",
                r.Status.Label()))]);
        return format switch
        {
            "pdf" => TypedResults.File(FormPdf.Render(book), "application/pdf", $"so-theo-doi-{scopeUnit.Code}-{start:yyyyMMdd}-{end:yyyyMMdd}.pdf"),
            "html" => TypedResults.Content(FormHtml.Render(book), "text/html; charset=utf-8"),
            _ => TypedResults.File(TrackingBookExcel.Write(book), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"so-theo-doi-{scopeUnit.Code}-{start:yyyyMMdd}-{end:yyyyMMdd}.xlsx"),
        };
    }
}
