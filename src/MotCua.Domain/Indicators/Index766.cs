namespace MotCua.Domain.Indicators;

/// <summary>Whether MotCua holds what a criterion of the national index counts.</summary>
public enum Index766Data
{
    /// <summary>Counted from MotCua's own dossiers, catalogue or feedback, as the formula says.</summary>
    Measured,

    /// <summary>Counted from MotCua's data, but a part of the formula has no data here (the note says which).</summary>
    Partial,

    /// <summary>The formula counts records that live only on the national portal or database: scored 0, as for missing data.</summary>
    None,
}

/// <summary>How a criterion turns its ratio into points.</summary>
public enum Index766Rule
{
    /// <summary>points = max × ratio.</summary>
    Proportional,

    /// <summary>points = min(max, max × ratio / threshold): full points from the threshold on.</summary>
    FullAt,

    /// <summary>No data in MotCua: 0 points.</summary>
    NotMeasured,
}

/// <summary>One complaint or suggestion (phản ánh, kiến nghị) as criteria 5.2 and 5.3 count it.</summary>
public sealed record FeedbackFacts(DateOnly ReceivedOn, DateOnly? ClosedOn, bool Late, DateOnly ResolveBy, DateOnly? InfoRequestedOn);

/// <summary>Everything the index of one unit subtree and one period is computed from; the web layer gathers it.</summary>
public sealed record Index766Input
{
    /// <summary>The dossier counts of the period (ADR 0009): on time, online, fees paid online, digitized, reused, e-results, satisfaction.</summary>
    public required IndicatorCounts Counts { get; init; }

    /// <summary>Procedures the subtree's units are competent for at the period end.</summary>
    public int Procedures { get; init; }

    /// <summary>Of those, offered online (partly or fully).</summary>
    public int OnlineProcedures { get; init; }

    /// <summary>Of the online procedures, those with at least one dossier received online in the period.</summary>
    public int OnlineProceduresUsed { get; init; }

    /// <summary>Procedures with a fee or charge.</summary>
    public int FeeProcedures { get; init; }

    /// <summary>Of those, with at least one dossier paid online in the period.</summary>
    public int FeeProceduresPaidOnline { get; init; }

    /// <summary>Procedures with at least one dossier received in the period from an identified applicant (<see cref="IndicatorCounts.Identified"/>).</summary>
    public int ProceduresWithIdentified { get; init; }

    /// <summary>Complaints and suggestions received in the period.</summary>
    public long Feedback { get; init; }

    /// <summary>Of those, handled within their deadlines (or still within them at the period end).</summary>
    public long FeedbackOnTime { get; init; }
}

/// <summary>One criterion's measure and score. <see cref="Value"/> is the ratio, null when not measured or the denominator is 0.</summary>
public sealed record Criterion766(
    string Code, string Name, string Basis, double Max, Index766Data Data, Index766Rule Rule, double? Threshold,
    long? Numerator, long? Denominator, double? Value, double Points, IReadOnlyList<string> Notes);

public sealed record Group766(string Code, string Name, double Max, double Points, IReadOnlyList<Criterion766> Criteria);

/// <summary>The index of one unit and period: five groups, 100 points at most; <see cref="MeasurableMax"/> is what MotCua's data can reach.</summary>
public sealed record Index766Result(IReadOnlyList<Group766> Groups, double Total, double Max, double MeasurableMax);

/// <summary>
/// Decision 766/QĐ-TTg (23/6/2022), "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp
/// trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử": Điều 1 approves the index,
/// whose Phụ lục lists five groups (18 + 20 + 22 + 22 + 18 = 100). The criterion codes, numerators, denominators and
/// thresholds are those of the Văn phòng Chính phủ formula description ("Mô tả công thức tính chỉ số 766") and the maxima
/// those the national portal publishes; docs/index766.md and ADR 0023 give the sources criterion by criterion.
/// </summary>
public static class Index766
{
    public const double Maximum = 100;

    /// <summary>The decision's Phụ lục, group by group, as the portal weighs it.</summary>
    private const string Annex = "QĐ 766/QĐ-TTg, Điều 1 và Phụ lục";

    public static Index766Result Score(Index766Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = input.Counts;
        Group766[] groups =
        [
            Group("1", "Công khai, minh bạch", 18,
            [
                // Phụ lục nhóm 1, VPCP 1.1: publication decision ≥ 5 working days before the legal basis takes effect (national TTHC database).
                None("1.1", "Thủ tục hành chính được công bố đúng hạn", 1, 6,
                    "Đo trên Cơ sở dữ liệu quốc gia về TTHC (ngày quyết định công bố so với ngày văn bản có hiệu lực); MotCua không lưu dữ liệu này."),
                // Phụ lục nhóm 1, VPCP 1.2: made public on the national TTHC database within 5 working days of the decision.
                None("1.2", "Thủ tục hành chính được cập nhật, công khai đúng hạn", 1, 4,
                    "Đo trên Cơ sở dữ liệu quốc gia về TTHC (ngày công khai); MotCua không lưu dữ liệu này."),
                // Phụ lục nhóm 1, VPCP 1.3: every element of NĐ 63/2010 Điều 8 khoản 2 public on the national TTHC database.
                None("1.3", "Thủ tục hành chính công khai đầy đủ nội dung", 1, 2,
                    "Đo trên nội dung công khai tại Cơ sở dữ liệu quốc gia về TTHC, không phải danh mục của MotCua."),
                // Phụ lục nhóm 1, VPCP 1.4: dossiers synced to the national portal / dossiers received, 6 × ratio; nothing synced ⇒ 0.
                Proportional("1.4", "Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia", 1, 6, c.NationalSynced, c.Received,
                    "Hồ sơ được tính là đã đồng bộ khi Cổng Dịch vụ công quốc gia đã nhận trạng thái hiện tại của hồ sơ (ADR 0008, issue 22)."),
            ]),
            Group("2", "Tiến độ, kết quả giải quyết", 20,
            [
                // Phụ lục nhóm 2, VPCP 2.1: (finished on time + in process within the deadline) / (finished + in process), 20 × ratio.
                Proportional("2.1", "Hồ sơ xử lý trước hạn, đúng hạn", 2, 20, c.OnTime, c.Population),
            ]),
            Group("3", "Cung cấp dịch vụ trực tuyến", 22,
            [
                // Phụ lục nhóm 4 (trực tuyến), VPCP 3.1: procedures offered online / procedures of the unit; full at 80 %.
                FullAt("3.1", "Thủ tục hành chính cung cấp dịch vụ công trực tuyến", 4, 2, 0.80, input.OnlineProcedures, input.Procedures),
                // Phụ lục nhóm 4, VPCP 3.2: online services with at least one online dossier in the period / online services.
                Proportional("3.2", "Dịch vụ công trực tuyến có phát sinh hồ sơ", 4, 4, input.OnlineProceduresUsed, input.OnlineProcedures),
                // Phụ lục nhóm 4, VPCP 3.3: dossiers received online / received; full at 50 %.
                FullAt("3.3", "Hồ sơ nộp trực tuyến", 4, 6, 0.50, c.ReceivedOnline, c.Received,
                    "Công thức VPCP còn nhân với tỷ lệ đồng bộ (1.4); Cổng quốc gia tính không nhân (đối chiếu số liệu công bố), MotCua tính như Cổng."),
                // Phụ lục nhóm 4, VPCP 3.6: dossiers paid online / dossiers of procedures with a fee, 6 × ratio.
                Proportional("3.6", "Hồ sơ thanh toán trực tuyến", 4, 6, c.FeeBearingPaidOnline, c.FeeBearing),
                // Phụ lục nhóm 4, VPCP 3.5 (payment part): fee-bearing procedures with at least one online payment; full at 80 %.
                FullAt("3.5b", "Thủ tục có phí, lệ phí phát sinh giao dịch thanh toán trực tuyến", 4, 2, 0.80, input.FeeProceduresPaidOnline, input.FeeProcedures),
                // Phụ lục nhóm 4, VPCP 3.5: fee-bearing procedures whose fee data is integrated on the national portal.
                None("3.5", "Thủ tục có phí, lệ phí được tích hợp thanh toán trên Cổng Dịch vụ công quốc gia", 4, 2,
                    "Đo trên dữ liệu phí, lệ phí đồng bộ lên Cổng Dịch vụ công quốc gia; MotCua không đồng bộ."),
            ]),
            Group("4", "Số hóa hồ sơ", 22,
            [
                // Phụ lục nhóm 3 (số hóa), VPCP 4.1: dossiers with an electronic result / dossiers decided, 6 × ratio.
                Proportional("4.1", "Hồ sơ cấp kết quả điện tử", 3, 6, c.ElectronicResult, c.Finished),
                // Phụ lục nhóm 3, VPCP 4.2: digitized dossiers / received; full at 80 % (VPCP), the portal scores it pro rata.
                FullAt("4.2", "Hồ sơ số hóa", 3, 4, 0.80, c.Digitized, c.Received),
                // Phụ lục nhóm 3 (bảng 2025–2026): communes offering electronically certified copies.
                None("4.2b", "Chứng thực bản sao điện tử từ bản chính", 3, 2,
                    "MotCua không lưu việc cung cấp chứng thực điện tử; Cổng quốc gia hiện để trống tử số, mẫu số."),
                // Phụ lục nhóm 3, VPCP 4.3: dossiers reusing digitized data / received; full at 80 %.
                FullAt("4.3", "Hồ sơ tái sử dụng dữ liệu số hóa", 3, 2, 0.80, c.Reused, c.Received),
                // Phụ lục nhóm 3, VPCP 4.4: components taken from the citizen's store on the national portal (DuocLayTuKhoDMQG).
                None("4.4", "Hồ sơ số hóa kết nối kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia", 3, 4,
                    "Kho dữ liệu cá nhân của MotCua không phải kho trên Cổng quốc gia; MotCua không có dữ liệu kết nối."),
                // Phụ lục nhóm 3, VPCP 4.5: dossiers from a VNeID-identified account or checked against the chip ID / dossiers, 2 × ratio.
                Proportional("4.5b", "Hồ sơ sử dụng dữ liệu dân cư (định danh điện tử)", 3, 2, c.Identified, c.Received),
                // Phụ lục nhóm 3, VPCP 4.5: procedures with such dossiers / procedures for citizens, 2 × ratio.
                Proportional("4.5a", "Thủ tục hành chính kết nối, chia sẻ dữ liệu dân cư", 3, 2, input.ProceduresWithIdentified, input.Procedures,
                    "Danh mục của MotCua không ghi đối tượng thực hiện; mẫu số là mọi thủ tục của đơn vị.", Index766Data.Partial),
            ]),
            Group("5", "Mức độ hài lòng", 18,
            [
                // Phụ lục nhóm 5, VPCP 5.2: complaints and suggestions handled on time / received; none received ⇒ full 6.
                Feedback("5.2", "Phản ánh, kiến nghị được xử lý đúng hạn", input.FeedbackOnTime, input.Feedback, null, Index766Data.Measured),
                // Phụ lục nhóm 5, VPCP 5.3: (PAKN − disliked − repeated − overdue) / PAKN; none received ⇒ full 6.
                Feedback("5.3", "Mức độ hài lòng trong xử lý phản ánh, kiến nghị", input.FeedbackOnTime, input.Feedback,
                    "MotCua chưa ghi việc người dân không hài lòng với câu trả lời hay gửi lại cùng nội dung; chỉ trừ phản ánh quá hạn.",
                    Index766Data.Partial),
                // Phụ lục nhóm 5, VPCP 5.4: 100 % − (late share + share with a complaint or a dissatisfied rating); full at 90 %.
                Satisfaction(c),
            ]),
        ];

        var total = Round(groups.Sum(g => g.Points));
        var measurable = groups.SelectMany(g => g.Criteria).Where(x => x.Data != Index766Data.None).Sum(x => x.Max);
        return new(groups, total, Maximum, measurable);
    }

    /// <summary>max × ratio; 0 on an empty denominator (VPCP: "0 hoặc N/A").</summary>
    public static double ProportionalPoints(double max, long numerator, long denominator) =>
        denominator <= 0 ? 0 : Round(Math.Clamp(max * numerator / denominator, 0, max));

    /// <summary>min(max, max × ratio / threshold); 0 on an empty denominator.</summary>
    public static double FullAtPoints(double max, double threshold, long numerator, long denominator) =>
        denominator <= 0 ? 0 : FullAtPoints(max, threshold, (double)numerator / denominator);

    public static double FullAtPoints(double max, double threshold, double ratio) =>
        Round(Math.Clamp(max * ratio / threshold, 0, max));

    /// <summary>A complaint or suggestion is on time at <paramref name="end"/>: closed by then without a late step, or still open within its resolve-by date.</summary>
    public static bool FeedbackOnTime(FeedbackFacts f, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (f.ClosedOn is { } closed && closed <= end)
        {
            return !f.Late;
        }

        // Open at the end: a late information request before the end already broke a deadline.
        var lateBeforeEnd = f.Late && f.InfoRequestedOn is { } asked && asked <= end;
        return !lateBeforeEnd && end <= f.ResolveBy;
    }

    /// <summary>Points are shown with two decimals, as the portal publishes them.</summary>
    public static double Round(double x) => Math.Round(x, 2, MidpointRounding.AwayFromZero);

    private static Group766 Group(string code, string name, double max, Criterion766[] criteria) =>
        new(code, name, max, Round(criteria.Sum(x => x.Points)), criteria);

    private static string Basis(int annexGroup, string code) => $"{Annex} (nhóm {annexGroup}); công thức VPCP mục {code}";

    private static Criterion766 None(string code, string name, int annexGroup, double max, string note) =>
        new(code, name, Basis(annexGroup, code), max, Index766Data.None, Index766Rule.NotMeasured, null, null, null, null, 0, [note]);

    private static Criterion766 Proportional(
        string code, string name, int annexGroup, double max, long numerator, long denominator, string? note = null, Index766Data data = Index766Data.Measured) =>
        new(code, name, Basis(annexGroup, code), max, data, Index766Rule.Proportional, null, numerator, denominator,
            IndicatorSet.Rate(numerator, denominator), ProportionalPoints(max, numerator, denominator), note is null ? [] : [note]);

    private static Criterion766 FullAt(string code, string name, int annexGroup, double max, double threshold, long numerator, long denominator, string? note = null) =>
        new(code, name, Basis(annexGroup, code), max, Index766Data.Measured, Index766Rule.FullAt, threshold, numerator, denominator,
            IndicatorSet.Rate(numerator, denominator), FullAtPoints(max, threshold, numerator, denominator), note is null ? [] : [note]);

    private static Criterion766 Feedback(string code, string name, long onTime, long received, string? note, Index766Data data)
    {
        // The portal gives a unit with no complaints or suggestions the full 6 (e.g. 0/0 → 6, docs/index766.md §4).
        var points = received == 0 ? 6 : ProportionalPoints(6, onTime, received);
        List<string> notes = [];
        if (received == 0)
        {
            notes.Add("Không có phản ánh, kiến nghị trong kỳ: đạt điểm tối đa như Cổng quốc gia tính.");
        }

        if (note is not null)
        {
            notes.Add(note);
        }

        return new(code, name, Basis(5, code), 6, data, Index766Rule.Proportional, null, onTime, received,
            IndicatorSet.Rate(onTime, received), points, notes);
    }

    private static Criterion766 Satisfaction(IndicatorCounts c)
    {
        // No dossier at all gives 0 (the portal's observed rule); the value is the national satisfaction rate of ADR 0009.
        var value = IndicatorSet.NationalSatisfaction(c);
        var points = value is { } v ? FullAtPoints(6, 0.90, v) : 0;
        return new("5.4", "Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính", Basis(5, "5.4"), 6, Index766Data.Measured, Index766Rule.FullAt, 0.90,
            null, null, value, points,
            ["100 % − (tỷ lệ hồ sơ trễ hạn + tỷ lệ hồ sơ có phản ánh hoặc đánh giá không hài lòng); không có hồ sơ thì 0 điểm."]);
    }
}
