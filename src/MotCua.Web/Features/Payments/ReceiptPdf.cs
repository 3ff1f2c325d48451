using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Forms;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Payments;

/// <summary>The e-receipt (biên lai điện tử) of a paid attempt, laid out like the legal forms (header, QR code).</summary>
public static class ReceiptPdf
{
    public static async Task<byte[]> RenderAsync(AppDbContext db, Payment payment, CancellationToken ct)
    {
        var dossier = await db.Dossiers.AsNoTracking().Include(d => d.ReceivingUnit).SingleAsync(d => d.Id == payment.DossierId, ct);
        var paidAt = payment.CompletedAtUtc ?? payment.CreatedAtUtc;
        var header = await DossierForms.HeaderAsync(db, dossier.ReceivingUnit!, VietnamTime.LocalDate(paidAt), ct);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var local = TimeZoneInfo.ConvertTimeFromUtc(paidAt, VietnamTime.Zone);
        var layout = new FormLayout(header, "BL", $"Số: {payment.ReceiptNo}", "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ", $"Mã hồ sơ: {dossier.Code}",
        [
            Para.Field("Người nộp tiền", dossier.Applicant.FullName),
            Para.Field("Địa chỉ", dossier.Applicant.Address),
            Para.Field("Nội dung thu", $"Phí, lệ phí giải quyết thủ tục {dossier.ProcedureName} (mã thủ tục {dossier.ProcedureCode})"),
            Para.Field("Số tiền", payment.AmountVnd.ToString("N0", vi) + " đồng"),
            Para.Field("Bằng chữ", MoneyWords.InWords(payment.AmountVnd)),
            Para.Field("Hình thức thanh toán", $"Trực tuyến qua cổng thanh toán ({payment.Gateway})"),
            Para.Field("Mã giao dịch tại cổng thanh toán", payment.GatewayTransactionNo),
            Para.Field("Ngân hàng", payment.BankCode),
            Para.Field("Mã tham chiếu", payment.Reference),
            Para.Field("Thời điểm thanh toán", FormText.Time(local)),
            Para.Of("Biên lai mẫu của bản trình diễn (demo): chưa phải hóa đơn, biên lai điện tử đăng ký với cơ quan thuế.", italic: true),
            new Signatures([new Signature("ĐƠN VỊ THU", "(Biên lai điện tử, không cần chữ ký tay)", dossier.ReceivingUnit!.Name)]),
        ]);
        var qr = string.Create(CultureInfo.InvariantCulture, $"BL:{payment.ReceiptNo};MC:{dossier.Code};TT:{dossier.ProcedureCode};ST:{payment.AmountVnd}");
        return FormPdf.Render(layout, qr, $"Biên lai {payment.ReceiptNo}");
    }
}
