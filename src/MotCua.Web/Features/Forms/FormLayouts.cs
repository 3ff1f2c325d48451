namespace MotCua.Web.Features.Forms;

internal abstract record Block;

/// <summary>A paragraph of runs; bold runs carry the filled-in values.</summary>
internal sealed record Para(IReadOnlyList<Run> Runs, bool Center = false) : Block
{
    public static Para Of(string text, bool bold = false, bool italic = false, bool center = false) => new([new Run(text, bold, italic)], center);

    public static Para Field(string label, string? value) => new([new Run(label + ": "), new Run(value ?? "", Bold: true)]);
}

internal sealed record Run(string Text, bool Bold = false, bool Italic = false);

internal sealed record Table(string[] Headers, double[] Widths, IReadOnlyList<string[]> Rows) : Block;

internal sealed record Signature(string Title, string Hint, string Name);

internal sealed record Signatures(IReadOnlyList<Signature> Items) : Block;

/// <summary>One form as a title and a list of blocks: the only layout both the PDF and the HTML renderer follow.</summary>
internal sealed record FormLayout(
    FormHeader Header, string FormNumber, string? DocumentNumber, string Title, string? Subtitle, IReadOnlyList<Block> Blocks, bool Landscape = false);

internal static class FormLayouts
{
    public static readonly string[] TrackingBookHeaders =
        ["STT", "Mã hồ sơ", "Thủ tục hành chính", "Người nộp", "Ngày nhận", "Ngày hẹn trả", "Ngày giải quyết xong", "Ngày trả kết quả", "Đơn vị giải quyết", "Kết quả"];

    public static string Number(IPrintableForm form) => form switch
    {
        ReceiptForm => "01",
        SupplementRequestForm => "02",
        RefusalForm => "03",
        ApologyForm => "04",
        StopNoticeForm => "05",
        ProcessControlSheet => "06",
        TrackingBook => "07",
        _ => throw new ArgumentException($"Unknown form {form.GetType().Name}.", nameof(form)),
    };

    public static FormLayout For(IPrintableForm form) => form switch
    {
        ReceiptForm f => Receipt(f),
        SupplementRequestForm f => Supplement(f),
        RefusalForm f => Refusal(f),
        ApologyForm f => Apology(f),
        StopNoticeForm f => Stop(f),
        ProcessControlSheet f => Control(f),
        TrackingBook f => Book(f),
        _ => throw new ArgumentException($"Unknown form {form.GetType().Name}.", nameof(form)),
    };

    static Para[] ApplicantFields(Applicant a) =>
    [
        Para.Field("Ông/Bà", a.FullName),
        Para.Field("Địa chỉ", a.Address),
        new([new Run("Số điện thoại: "), new Run(a.Phone ?? "", Bold: true), new Run("; Email: "), new Run(a.Email ?? "", Bold: true)]),
    ];

    static Signatures Sign(string title, string name, string hint = "(Ký và ghi rõ họ tên)") => new([new Signature(title, hint, name)]);

    static IEnumerable<Block> Numbered(IEnumerable<string> items) => items.Select((s, i) => Para.Of($"{i + 1}. {s}"));

    static FormLayout Receipt(ReceiptForm f) => new(f.Header, "01", f.Version > 1 ? $"Bản số: {f.Version}" : null, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", $"Mã hồ sơ: {f.Dossier.DossierCode}",
    [
        .. f.Version > 1 ? [Para.Of($"Cấp lại do điều chỉnh thông tin hồ sơ; thay thế giấy tiếp nhận bản số {f.Version - 1}. Thời hạn trả kết quả không thay đổi.")] : Array.Empty<Block>(),
        Para.Of($"{f.ReceivingUnitName} tiếp nhận hồ sơ của:"),
        .. ApplicantFields(f.Applicant),
        Para.Field("Nội dung yêu cầu giải quyết", $"{f.Dossier.ProcedureName} (mã thủ tục {f.Dossier.ProcedureCode})"),
        Para.Of("Thành phần hồ sơ nộp gồm:"),
        new Table(["STT", "Tên giấy tờ", "Hình thức (bản chính, bản sao chứng thực, bản photo)", "Số lượng"], [0.07, 0.55, 0.26, 0.12],
            [.. f.Documents.Select((d, i) => new[] { (i + 1).ToString(), d.Name, FormText.Kind(d.Kind), d.Count.ToString() })]),
        Para.Field("Thời gian giải quyết hồ sơ theo quy định", $"{f.LegalWorkingDays} ngày làm việc"),
        Para.Field("Thời gian nhận hồ sơ", FormText.Time(f.ReceivedAt)),
        Para.Field("Thời gian trả kết quả giải quyết hồ sơ", $"ngày {FormText.Date(f.AppointmentDate)}"),
        Para.Field("Nơi trả kết quả", f.ResultReturnPlace),
        Para.Field("Vào Sổ theo dõi hồ sơ", $"Quyển số {f.TrackingBookVolume}, số thứ tự {f.TrackingBookNumber}"),
        new Signatures([
            new Signature("NGƯỜI NỘP HỒ SƠ", "(Ký và ghi rõ họ tên)", f.Applicant.FullName),
            new Signature("NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", f.ReceivingOfficer)]),
    ]);

    static FormLayout Supplement(SupplementRequestForm f) => new(f.Header, "02", $"Số: {f.Number}", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", $"Mã hồ sơ: {f.Dossier.DossierCode}",
    [
        Para.Of($"Ngày {FormText.Date(DateOnly.FromDateTime(f.ReceivedAt))}, {f.Header.IssuingUnitName} tiếp nhận hồ sơ của:"),
        .. ApplicantFields(f.Applicant),
        Para.Field("Nội dung yêu cầu giải quyết", f.Dossier.ProcedureName),
        Para.Of("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
        .. Numbered(f.DocumentsToAdd),
        Para.Field("Lý do", f.Reason),
        Para.Of("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với người hướng dẫn để được hướng dẫn.", italic: true),
        Sign("NGƯỜI HƯỚNG DẪN", f.Officer),
    ]);

    static FormLayout Refusal(RefusalForm f) => new(f.Header, "03", $"Số: {f.Number}", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {f.Dossier.DossierCode}",
    [
        Para.Of($"{f.Header.IssuingUnitName} tiếp nhận hồ sơ đề nghị {f.Dossier.ProcedureName} (mã thủ tục {f.Dossier.ProcedureCode}) của:"),
        .. ApplicantFields(f.Applicant),
        Para.Of("Qua nghiên cứu, đối chiếu với quy định, hồ sơ không đủ điều kiện tiếp nhận, giải quyết vì những lý do sau:"),
        .. Numbered(f.Reasons),
        Para.Of("Xin thông báo cho Ông/Bà được biết và thực hiện."),
        Sign("NGƯỜI TIẾP NHẬN HỒ SƠ", f.Officer),
    ]);

    static FormLayout Apology(ApologyForm f) => new(f.Header, "04", $"Số: {f.Number}", "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", $"Mã hồ sơ: {f.Dossier.DossierCode}",
    [
        Para.Field("Kính gửi Ông/Bà", f.Applicant.FullName),
        Para.Of($"Ngày {FormText.Date(f.ReceivedOn)}, {f.Header.IssuingUnitName} tiếp nhận hồ sơ đề nghị {f.Dossier.ProcedureName} của Ông/Bà; thời hạn trả kết quả hẹn ngày {FormText.Date(f.OriginalAppointment)}."),
        Para.Field("Tuy nhiên đến nay chưa trả kết quả đúng hạn. Lý do", f.Reason),
        new Para([new Run("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. Chúng tôi thành thật xin lỗi và hẹn lại ngày trả kết quả vào "),
            new Run($"ngày {FormText.Date(f.NewAppointment)}", Bold: true), new Run(".")]),
        Para.Field("Hình thức gửi phiếu", FormText.Channel(f.Delivery)),
        Para.Of("Mong nhận được sự thông cảm của Ông/Bà."),
        Sign("THỦ TRƯỞNG CƠ QUAN", f.Signer, "(Ký, ghi rõ họ tên và đóng dấu)"),
    ]);

    static FormLayout Stop(StopNoticeForm f) => new(f.Header, "05", $"Số: {f.Number}", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {f.Dossier.DossierCode}",
    [
        Para.Field("Kính gửi Ông/Bà", f.Applicant.FullName),
        Para.Field("Địa chỉ", f.Applicant.Address),
        Para.Of($"Ngày {FormText.Date(f.ReceivedOn)}, {f.Header.IssuingUnitName} tiếp nhận hồ sơ đề nghị {f.Dossier.ProcedureName} (mã thủ tục {f.Dossier.ProcedureCode}) của Ông/Bà."),
        Para.Field("Hồ sơ được dừng giải quyết. Lý do", f.Reason),
        Para.Of("Xin thông báo để Ông/Bà được biết."),
        Sign("THỦ TRƯỞNG CƠ QUAN", f.Signer, "(Ký, ghi rõ họ tên và đóng dấu)"),
    ]);

    static FormLayout Control(ProcessControlSheet f) => new(f.Header, "06", null, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", $"Mã hồ sơ: {f.Dossier.DossierCode}",
    [
        Para.Field("Cơ quan, tổ chức, cá nhân nộp hồ sơ", f.Applicant.FullName),
        Para.Field("Thủ tục hành chính", $"{f.Dossier.ProcedureName} (mã {f.Dossier.ProcedureCode})"),
        Para.Field("Thời gian nhận hồ sơ", FormText.Time(f.ReceivedAt)),
        Para.Field("Thời gian hẹn trả kết quả", $"ngày {FormText.Date(f.AppointmentDate)}"),
        new Table(["STT", "Cơ quan, đơn vị", "Thời gian giao", "Thời gian nhận", "Người giao", "Người nhận", "Kết quả (trước hạn / đúng hạn / quá hạn)", "Ghi chú"],
            [0.05, 0.2, 0.11, 0.11, 0.13, 0.13, 0.12, 0.15],
            [.. f.Rows.Select((r, i) => new[]
            {
                (i + 1).ToString(), r.Unit, FormText.ShortTime(r.HandedOverAt), FormText.ShortTime(r.ReceivedAt),
                r.Giver, r.Receiver, FormText.Result(r.Result), r.Note ?? "",
            })]),
    ], Landscape: true);

    static FormLayout Book(TrackingBook f) => new(f.Header, "07", null, "SỔ THEO DÕI HỒ SƠ", $"Từ ngày {FormText.Date(f.From)} đến ngày {FormText.Date(f.To)}",
    [
        new Table(TrackingBookHeaders, [0.04, 0.17, 0.18, 0.12, 0.07, 0.07, 0.07, 0.07, 0.12, 0.09],
            [.. f.Rows.Select((r, i) => new[]
            {
                (i + 1).ToString(), r.DossierCode, $"{r.ProcedureName} ({r.ProcedureCode})", f.ApplicantOf(r), FormText.Date(r.ReceivedOn),
                FormText.Date(r.DueDate), FormText.Date(r.FinishedOn), FormText.Date(r.ReturnedOn), r.Units, r.Outcome,
            })]),
        Para.Of($"Tổng số: {f.Rows.Count} hồ sơ", italic: true),
    ], Landscape: true);
}
