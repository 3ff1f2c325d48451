namespace MotCua.Web.Features.Forms;

/// <summary>A printable form of TT 03/2025 (numbers 01–07); rendered by <see cref="FormPdf"/> and <see cref="FormHtml"/>.</summary>
public interface IPrintableForm
{
    FormHeader Header { get; }
}

/// <summary>The heading every administrative paper carries (ND 30/2020 layout); unit names are printed in capitals there.</summary>
/// <param name="ParentUnitName">e.g. "Ủy ban nhân dân huyện Bác Ái", printed "ỦY BAN NHÂN DÂN HUYỆN BÁC ÁI".</param>
/// <param name="IssuingUnitName">e.g. "Bộ phận Một cửa huyện Bác Ái"; also used as is inside sentences.</param>
/// <param name="Place">The place name of the date line, e.g. "Bác Ái".</param>
/// <param name="Date">The local date of the paper.</param>
public sealed record FormHeader(string ParentUnitName, string IssuingUnitName, string Place, DateOnly Date);

public sealed record Applicant(string FullName, string Address, string? Phone = null, string? Email = null);

/// <summary>What identifies the dossier on every form of a single dossier, and goes into its QR code.</summary>
public sealed record DossierRef(string DossierCode, string ProcedureCode, string ProcedureName);

public enum DocumentKind { Original, CertifiedCopy, Photocopy }

public sealed record SubmittedDocument(string Name, DocumentKind Kind, int Count);

/// <summary>Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả; its QR carries <paramref name="TrackingUrl"/> when given.</summary>
public sealed record ReceiptForm(
    FormHeader Header,
    DossierRef Dossier,
    string ReceivingUnitName,
    Applicant Applicant,
    IReadOnlyList<SubmittedDocument> Documents,
    int LegalWorkingDays,
    DateTime ReceivedAt,
    DateOnly AppointmentDate,
    string ResultReturnPlace,
    string TrackingBookVolume,
    int TrackingBookNumber,
    string ReceivingOfficer,
    string? TrackingUrl = null,
    int Version = 1) : IPrintableForm;

/// <summary>Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.</summary>
public sealed record SupplementRequestForm(
    FormHeader Header,
    string Number,
    DossierRef Dossier,
    Applicant Applicant,
    DateTime ReceivedAt,
    IReadOnlyList<string> DocumentsToAdd,
    string Reason,
    string Officer) : IPrintableForm;

/// <summary>Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ.</summary>
public sealed record RefusalForm(
    FormHeader Header,
    string Number,
    DossierRef Dossier,
    Applicant Applicant,
    IReadOnlyList<string> Reasons,
    string Officer) : IPrintableForm;

public enum DeliveryChannel { InPerson, Email, Sms }

/// <summary>Form 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả.</summary>
public sealed record ApologyForm(
    FormHeader Header,
    string Number,
    DossierRef Dossier,
    Applicant Applicant,
    DateOnly ReceivedOn,
    DateOnly OriginalAppointment,
    string Reason,
    DateOnly NewAppointment,
    DeliveryChannel Delivery,
    string Signer) : IPrintableForm;

/// <summary>Form 05: Thông báo dừng giải quyết hồ sơ.</summary>
public sealed record StopNoticeForm(
    FormHeader Header,
    string Number,
    DossierRef Dossier,
    Applicant Applicant,
    DateOnly ReceivedOn,
    string Reason,
    string Signer) : IPrintableForm;

public enum StepResult { Early, OnTime, Late }

public sealed record HandoverRow(
    string Unit,
    DateTime HandedOverAt,
    DateTime? ReceivedAt,
    string Giver,
    string Receiver,
    StepResult? Result,
    string? Note);

/// <summary>Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ.</summary>
public sealed record ProcessControlSheet(
    FormHeader Header,
    DossierRef Dossier,
    Applicant Applicant,
    DateTime ReceivedAt,
    DateOnly AppointmentDate,
    IReadOnlyList<HandoverRow> Rows) : IPrintableForm;

public sealed record TrackingBookRow(
    string DossierCode,
    string ProcedureCode,
    string ProcedureName,
    string ApplicantName,
    DateOnly ReceivedOn,
    DateOnly DueDate,
    DateOnly? FinishedOn,
    DateOnly? ReturnedOn,
    string Units,
    string Outcome);

/// <summary>Form 07: Sổ theo dõi hồ sơ, for one unit and period; rows arrive already filtered by the caller's query.</summary>
/// <param name="Header">The heading of the book's unit.</param>
/// <param name="UnitCode">The unit whose book this is; goes into the QR code.</param>
/// <param name="From">First local date of the period.</param>
/// <param name="To">Last local date of the period.</param>
/// <param name="MaskApplicants">Print applicant names as initials (for books shown outside the desk).</param>
/// <param name="Rows">One row per dossier, in book order.</param>
public sealed record TrackingBook(
    FormHeader Header,
    string UnitCode,
    DateOnly From,
    DateOnly To,
    bool MaskApplicants,
    IReadOnlyList<TrackingBookRow> Rows) : IPrintableForm
{
    public string ApplicantOf(TrackingBookRow row) => MaskApplicants ? FormText.MaskName(row.ApplicantName) : row.ApplicantName;

    /// <summary>The same book narrowed to rows matching every given criterion.</summary>
    public TrackingBook Where(string? procedureCode = null, string? outcome = null, bool? finished = null) => this with
    {
        Rows = [.. Rows.Where(r =>
            (procedureCode is null || r.ProcedureCode == procedureCode)
            && (outcome is null || r.Outcome == outcome)
            && (finished is null || r.FinishedOn.HasValue == finished))],
    };
}

/// <summary>A statistical report rendered by <see cref="FormPdf.RenderReport"/>: header, title, then one table per heading.</summary>
public sealed record Report(FormHeader Header, string Title, string? Subtitle, IReadOnlyList<ReportTable> Tables, bool Landscape = true);

/// <summary>One titled table of a <see cref="Report"/>; the widths are relative.</summary>
public sealed record ReportTable(string Heading, string[] Headers, double[] Widths, IReadOnlyList<string[]> Rows);
