using MotCua.Domain.Dossiers;
using MotCua.Domain.NationalPortal;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>What a dossier's bodies are built from, loaded by the sync (no database access here).</summary>
public sealed record NationalSource(
    Dossier Dossier,
    IReadOnlyList<DossierEvent> Events,
    IReadOnlyDictionary<string, string> UnitNames,
    string CurrentUnitName,
    string? Field,
    IReadOnlyDictionary<string, ActorRole> Roles,
    Func<string, string?> Link);

/// <summary>
/// Builds the national portal's dossier object and progress items from a dossier (docs/integrations.md). Personal data:
/// the owner's name and ID number (the fields require them), nothing else of the applicant — no address, phone, e-mail or
/// birth date, no free-text notes except the supplement request the applicant must answer; an applicant acting on their
/// own dossier is named by role, not by name.
/// </summary>
public static class NationalPayloads
{
    private const int MaxSummary = 1000;

    /// <summary>Actions that are not processing steps (ratings and complaints go to the feedback services, not the progress).</summary>
    private static readonly HashSet<string> NotProgress = new(StringComparer.Ordinal) { "rate", "complaint" };

    public static NationalDossier Dossier(NationalSource s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var d = s.Dossier;
        var code = NationalStatus.Of(d.Status);
        var events = s.Events;
        var returned = events.LastOrDefault(e => e.Action == "return-result")?.AtUtc;
        var decided = d.FinishedAtUtc ?? (d.FinishedOn is { } f ? f.ToDateTime(new TimeOnly(17, 0)).AddHours(-7) : null);
        return new NationalDossier
        {
            MaHoSo = d.Code,
            MaTTHC = d.ProcedureCode,
            TenTTHC = Cut(d.ProcedureName, 1000),
            TenLinhVuc = string.IsNullOrWhiteSpace(s.Field) ? null : s.Field,
            KenhThucHien = NationalStatus.ChannelCode(d.Channel == Channel.Online, d.Channel == Channel.Postal).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ChuHoSo = d.Applicant.FullName,
            SoGiayToChuHoSo = d.Applicant.IdNumber ?? d.Applicant.TaxCode,
            LoaiDoiTuong = NationalStatus.ApplicantType(d.Applicant.IdNumber, d.Applicant.TaxCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            TrichYeuHoSo = Cut(d.ProcedureName, MaxSummary),
            NgayNopHoSo = Dvcqg.Date(d.SubmittedAtUtc ?? d.ReceivedAtUtc),
            NgayTiepNhan = d.Status == DossierStatus.AwaitingReception ? null : Dvcqg.Date(d.ReceivedAtUtc),
            NgayHenTra = d.AppointmentDate is { } a ? Dvcqg.Date(a) : null,
            NgayKetThucXuLy = d.Status.IsFinished() && decided is { } end ? Dvcqg.Date(end) : null,
            NgayTra = d.Status == DossierStatus.Returned ? Dvcqg.Date(returned ?? d.UpdatedAtUtc) : null,
            TrangThaiHoSo = code.ToString(System.Globalization.CultureInfo.InvariantCulture),
            HinhThuc = d.ReturnChannel == "post" ? "1" : "0",
            DonViXuLy = s.CurrentUnitName,
            HoSoCoThanhPhanSoHoa = Dvcqg.Flag(d.Documents.Any(x => x.FileId is not null)),
            TaiKhoanDuocXacThucVoiVNeID = Dvcqg.Flag(d.ElectronicallyIdentified),
            // 2: paid online through the province's gateway (QĐ 766 reporting: 1 = through the national portal's); 3: not paid online.
            DuocThanhToanTrucTuyen = d.PaidOnline ? "2" : "3",
            TaiLieuNop = [.. d.Documents.Select(x => new NationalDocument(
                x.FileId ?? x.Reference, Cut(x.Name, 500), "0",
                x.Reference, x.FileId is { Length: 32 } id ? s.Link(id) : null,
                Dvcqg.Flag(x.FileId is not null), Dvcqg.Flag(x.Facts().ReusedFromStoredDocument), "0"))],
            DanhSachLePhi = d.FeeVnd > 0 ? [new NationalFee("Phí, lệ phí", "", d.PaidOnline ? "2" : "1", d.FeeVnd, "1")] : [],
            DanhSachHoSoBoSung = Supplements(d, events, s),
            DanhSachGiayToKetQua = d.ResultFileId is { Length: 32 } result
                ? [new NationalResult("Kết quả giải quyết thủ tục hành chính", "KQ", result, s.Link(result), d.ResultCode)]
                : [],
        };
    }

    /// <summary>One item a history event after <paramref name="after"/>, in order; ratings and complaints are not steps.</summary>
    public static IReadOnlyList<(long Sequence, NationalProgress Item)> Progress(NationalSource s, long after)
    {
        ArgumentNullException.ThrowIfNull(s);
        var d = s.Dossier;
        return [.. s.Events.Where(e => e.Sequence > after && !NotProgress.Contains(e.Action)).OrderBy(e => e.Sequence).Select(e =>
        {
            var role = s.Roles.TryGetValue(e.ActorId, out var r) ? r : e.ActorId == d.ApplicantUserId ? ActorRole.Applicant : ActorRole.System;
            var content = ReadDossiers.ActionLabel(e.Action);
            if (e.ToUnitCode is { } to && s.UnitNames.TryGetValue(to, out var toName))
            {
                content += " → " + toName;
            }

            return (e.Sequence, new NationalProgress
            {
                MaHoSo = d.Code,
                NguoiXuLy = role is ActorRole.Applicant or ActorRole.System ? role.Label() : Cut(e.ActorName, 200),
                ChucDanh = role.Label(),
                ThoiDiemXuLy = Dvcqg.Date(e.AtUtc),
                PhongBanXuLy = e.UnitCode is { } u && s.UnitNames.TryGetValue(u, out var name) ? name : s.CurrentUnitName,
                NoiDungXuLy = Cut(content, 1000),
                TrangThai = NationalStatus.Of(e.StateAfter).ToString(System.Globalization.CultureInfo.InvariantCulture),
                NgayBatDau = Dvcqg.Date(e.AtUtc),
                NgayKetThucTheoQuyDinh = (e.DueDateAfter ?? d.AppointmentDate) is { } due ? Dvcqg.Date(due) : null,
            });
        })];
    }

    private static List<NationalSupplement> Supplements(Dossier d, IReadOnlyList<DossierEvent> events, NationalSource s)
    {
        var list = new List<NationalSupplement>();
        var ordered = events.OrderBy(e => e.Sequence).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (e.Action != "request-supplement")
            {
                continue;
            }

            var answer = ordered.Skip(i + 1).FirstOrDefault(x => x.Action == "receive-supplement");
            var requester = s.Roles.TryGetValue(e.ActorId, out var r) && r is not ActorRole.Applicant ? e.ActorName : ActorRole.System.Label();
            list.Add(new NationalSupplement(
                $"{d.Code}-BS{e.Sequence}", Cut(requester, 200), Cut(string.IsNullOrWhiteSpace(e.Note) ? "Bổ sung, hoàn thiện hồ sơ" : e.Note.Trim(), 2000),
                Dvcqg.Date(e.AtUtc), answer is null ? "0" : "1", answer is null ? null : Dvcqg.Date(answer.AtUtc),
                (e.DueDateBefore ?? e.DueDateAfter) is { } before ? Dvcqg.Date(before) : null,
                answer?.DueDateAfter is { } after ? Dvcqg.Date(after) : null));
        }

        return list;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
