namespace MotCua.Domain.Procedures;

/// <summary>
/// A life event (sự kiện cuộc sống): the situation a citizen starts from, as the national public-service portal groups
/// its services. A procedure belongs to it by its field, by a phrase of its folded name (whole words) or by its code.
/// Rows are dated: a regrouping closes a row (<see cref="ValidTo"/>) and adds a new one, so a past day keeps its grouping.
/// </summary>
public sealed record LifeEvent(
    string Key, string Name, string Hint, DateOnly ValidFrom, DateOnly? ValidTo,
    string[] Fields, string[] Phrases, string[] Codes)
{
    public bool InForceOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    /// <summary>Whether the procedure (code, folded name and field as in the search index) belongs to this event.</summary>
    public bool Covers(SearchEntry procedure)
    {
        if (Array.IndexOf(Codes, procedure.Code) >= 0 || Array.IndexOf(Fields, procedure.FoldedField) >= 0)
        {
            return true;
        }

        foreach (var phrase in Phrases)
        {
            if (procedure.PaddedName.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The life-event table for the citizen's portal (issue 21.4), modelled on the national portal's grouping by life
/// event and limited to what a commune serves. Phrases and fields are folded (<see cref="TextFolding"/>); a procedure
/// may belong to several events (birth registration with permanent residence is both "Khai sinh" and "Cư trú").
/// </summary>
public static class LifeEvents
{
    /// <summary>The first rows run from the national public-service portal's launch (9/12/2019); no earlier grouping is modelled.</summary>
    public static readonly DateOnly TableStart = new(2019, 12, 9);

    public static readonly IReadOnlyList<LifeEvent> All =
    [
        new("khai-sinh", "Khai sinh", "Đăng ký khai sinh, đăng ký lại, bản sao giấy khai sinh, thẻ bảo hiểm y tế cho trẻ em", TableStart, null,
            [], ["khai sinh"], []),
        new("ket-hon", "Kết hôn", "Đăng ký kết hôn, xác nhận tình trạng hôn nhân, ghi chú kết hôn và ly hôn", TableStart, null,
            [], ["ket hon", "tinh trang hon nhan", "ly hon"], []),
        new("gia-dinh", "Nhận cha, mẹ, con – con nuôi – giám hộ", "Nhận cha, mẹ, con; nuôi con nuôi; giám hộ và giám sát việc giám hộ", TableStart, null,
            ["nuoi con nuoi"], ["nhan cha", "con nuoi", "giam ho"], []),
        new("khai-tu", "Khai tử – thừa kế", "Đăng ký khai tử, di chúc, từ chối hoặc phân chia di sản", TableStart, null,
            [], ["khai tu", "di chuc", "di san", "mai tang"], []),
        new("cu-tru", "Cư trú", "Đăng ký thường trú, tạm trú, khai báo tạm vắng", TableStart, null,
            ["cu tru"], ["dang ky thuong tru", "xoa dang ky thuong tru", "dang ky tam tru", "tam vang"], []),
        new("dat-dai-nha-o", "Đất đai – nhà ở", "Giao dịch về quyền sử dụng đất, nhà ở", TableStart, null,
            ["dat dai", "nha o"], ["quyen su dung dat", "nha o", "dat dai"], []),
        new("kinh-doanh", "Kinh doanh", "Hộ kinh doanh, hợp tác xã", TableStart, null,
            ["thanh lap va hoat dong cua ho kinh doanh", "thanh lap va hoat dong doanh nghiep"], ["kinh doanh", "hop tac xa"], []),
        new("bao-tro-xa-hoi", "Người có công, bảo trợ xã hội", "Hộ nghèo, hộ cận nghèo, trợ cấp, người có công", TableStart, null,
            ["giam ngheo", "bao tro xa hoi", "nguoi co cong"], ["ho ngheo", "can ngheo", "thoat ngheo", "thu nhap thap", "muc song trung binh", "tro cap", "nguoi co cong"], []),
        new("giay-to", "Giấy tờ, chứng thực", "Sao y, chứng thực chữ ký và giao dịch, trích lục, xác nhận và cải chính hộ tịch", TableStart, null,
            ["chung thuc"], ["ban sao", "trich luc", "chung thuc", "xac nhan thong tin ho tich", "cai chinh", "xac dinh lai dan toc"], []),
        new("khieu-nai-boi-thuong", "Khiếu nại, bồi thường", "Bồi thường nhà nước, khiếu nại, tố cáo", TableStart, null,
            ["boi thuong nha nuoc", "khieu nai", "to cao"], ["boi thuong", "khieu nai", "to cao"], []),
    ];

    public static IReadOnlyList<LifeEvent> On(DateOnly day) => [.. All.Where(e => e.InForceOn(day))];

    /// <summary>The events in force on <paramref name="day"/> that <paramref name="procedure"/> belongs to, in table order.</summary>
    public static IReadOnlyList<LifeEvent> Of(SearchEntry procedure, DateOnly day) =>
        [.. All.Where(e => e.InForceOn(day) && e.Covers(procedure))];
}
