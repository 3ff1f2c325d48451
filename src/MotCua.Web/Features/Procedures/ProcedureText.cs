using System.Globalization;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Procedures;

/// <summary>Vietnamese display names (localised by the pages' resource lookup on these keys).</summary>
public static class ProcedureText
{
    public static string Online(OnlineMode mode) => mode switch
    {
        OnlineMode.Full => "Toàn trình",
        OnlineMode.Partial => "Một phần",
        _ => "Không",
    };

    public static string Fee(FeeKind kind) => kind switch
    {
        FeeKind.Fixed => "Mức cố định",
        FeeKind.PerPage => "Theo trang",
        FeeKind.PerCopy => "Theo bản",
        _ => "Do HĐND tỉnh quy định",
    };

    public static string Document(DocumentKind kind) => kind switch
    {
        DocumentKind.Original => "Bản chính",
        DocumentKind.CertifiedCopy => "Bản sao có chứng thực",
        _ => "Bản sao",
    };

    public static string Role(StepRole role) => role switch
    {
        StepRole.Desk => "Bộ phận một cửa",
        StepRole.Specialist => "Chuyên viên",
        _ => "Lãnh đạo",
    };

    public static string Result(ResultKind kind) => kind switch
    {
        ResultKind.Paper => "Bản giấy",
        ResultKind.Electronic => "Bản điện tử",
        _ => "Bản giấy và bản điện tử",
    };

    public static string Unit(UnitKind kind) => UnitTree.KindName(kind);

    public static string Money(long amount) => amount.ToString("#,0", CultureInfo.GetCultureInfo("vi-VN")) + " đ";
}
