using System.Text.Json;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// A stand-in for the national portal's dossier services, for development and tests (issue 22 item 6): it validates each
/// body as docs/integrations.md describes it and answers as the portal does — <c>error_code</c> "0", "-3" for an add of a
/// dossier it holds, "-4" for an update of one it does not, "-1" with the reason for a body it refuses. It keeps what it was
/// sent in memory. A repeated progress item (same dossier, time, content and status) replaces the earlier one.
/// Used by the <c>fake-dvcqg</c> command and, in process, by the integration tests: one implementation for both.
/// </summary>
public sealed class FakeDvcqgPortal
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonElement> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonElement>> _progress = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, DvcqgReply Reply)> _scripted = new();
    private readonly List<FakeDvcqgRequest> _requests = [];
    private int _count;

    /// <summary>The token a caller must send as a bearer token; null accepts any caller.</summary>
    public string? AccessToken { get; init; }

    /// <summary>Failure injection: every Nth request gets a 503 (0 = never).</summary>
    public int FailEveryNth { get; init; }

    public IReadOnlyList<FakeDvcqgRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The dossier as the portal holds it now, or null.</summary>
    public JsonElement? Dossier(string code)
    {
        lock (_gate)
        {
            return _dossiers.TryGetValue(code, out var d) ? d : null;
        }
    }

    public IReadOnlyList<JsonElement> Progress(string code)
    {
        lock (_gate)
        {
            return _progress.TryGetValue(code, out var p) ? [.. p] : [];
        }
    }

    public IReadOnlyList<string> Codes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dossiers.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The next <paramref name="times"/> requests get this answer instead of being processed (an outage, a portal error).</summary>
    public void ReplyNext(int times, int status, string errorCode, string message)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _scripted.Enqueue((status, new DvcqgReply(errorCode, message)));
            }
        }
    }

    /// <summary>Handles one POST: the HTTP status and the JSON answer.</summary>
    public (int Status, DvcqgReply Reply) Handle(string body, string? authorization)
    {
        lock (_gate)
        {
            var (status, reply) = Process(body, authorization);
            _requests.Add(new FakeDvcqgRequest(ServiceOf(body), body, reply.ErrorCode));
            return (status, reply);
        }
    }

    private (int Status, DvcqgReply Reply) Process(string body, string? authorization)
    {
        _count++;
        if (_scripted.TryDequeue(out var scripted))
        {
            return scripted;
        }

        if (FailEveryNth > 0 && _count % FailEveryNth == 0)
        {
            return (StatusCodes.Status503ServiceUnavailable, new DvcqgReply("-500", "Hệ thống đang bận, vui lòng thử lại sau."));
        }

        if (AccessToken is not null && authorization != "Bearer " + AccessToken)
        {
            return (StatusCodes.Status401Unauthorized, new DvcqgReply(Dvcqg.Unauthorized, "Access token không hợp lệ."));
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Refuse("Nội dung không phải JSON.");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "service") is not { } service)
            {
                return Refuse("Thiếu 'service'.");
            }

            if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0)
            {
                return Refuse("'data' phải là mảng có ít nhất một phần tử.");
            }

            var errors = new List<string>();
            switch (service)
            {
                case Dvcqg.SyncDossier:
                    var updating = Text(root, "isUpdating");
                    if (updating is not ("True" or "False"))
                    {
                        return Refuse("'isUpdating' phải là \"True\" hoặc \"False\".");
                    }

                    var i = 0;
                    foreach (var item in data.EnumerateArray())
                    {
                        ValidateDossier(item, $"data[{i++}]", errors);
                    }

                    if (errors.Count > 0)
                    {
                        return Refuse(string.Join(" ", errors));
                    }

                    foreach (var item in data.EnumerateArray())
                    {
                        var code = Text(item, "MaHoSo")!;
                        var exists = _dossiers.ContainsKey(code);
                        if (updating == "False" && exists)
                        {
                            return (StatusCodes.Status200OK, new DvcqgReply(Dvcqg.AlreadyExists, $"Hồ sơ {code} đã tồn tại."));
                        }

                        if (updating == "True" && !exists)
                        {
                            return (StatusCodes.Status200OK, new DvcqgReply(Dvcqg.NotFound, $"Không tìm thấy hồ sơ {code}."));
                        }
                    }

                    foreach (var item in data.EnumerateArray())
                    {
                        _dossiers[Text(item, "MaHoSo")!] = item.Clone();
                    }

                    return (StatusCodes.Status200OK, new DvcqgReply(Dvcqg.Ok, "Thành công"));

                case Dvcqg.SyncProgress:
                    var j = 0;
                    foreach (var item in data.EnumerateArray())
                    {
                        ValidateProgress(item, $"data[{j++}]", errors);
                    }

                    if (errors.Count > 0)
                    {
                        return Refuse(string.Join(" ", errors));
                    }

                    foreach (var item in data.EnumerateArray())
                    {
                        if (!_dossiers.ContainsKey(Text(item, "MaHoSo")!))
                        {
                            return (StatusCodes.Status200OK, new DvcqgReply(Dvcqg.NotFound, $"Không tìm thấy hồ sơ {Text(item, "MaHoSo")}."));
                        }
                    }

                    foreach (var item in data.EnumerateArray())
                    {
                        var list = _progress.TryGetValue(Text(item, "MaHoSo")!, out var l) ? l : _progress[Text(item, "MaHoSo")!] = [];
                        var key = ProgressKey(item);
                        list.RemoveAll(p => ProgressKey(p) == key);
                        list.Add(item.Clone());
                    }

                    return (StatusCodes.Status200OK, new DvcqgReply(Dvcqg.Ok, "Thành công"));

                default:
                    return Refuse($"Dịch vụ '{service}' không được hỗ trợ.");
            }
        }
    }

    private static (int, DvcqgReply) Refuse(string message) => (StatusCodes.Status200OK, new DvcqgReply(Dvcqg.Invalid, message));

    private static string ProgressKey(JsonElement p) =>
        string.Join('|', Text(p, "ThoiDiemXuLy"), Text(p, "NoiDungXuLy"), Text(p, "TrangThai"));

    private static string? ServiceOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? Text(doc.RootElement, "service") : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The rules the portal's dossier object follows (docs/integrations.md); each broken rule is one message.</summary>
    public static void ValidateDossier(JsonElement d, string at, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (d.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: phải là đối tượng.");
            return;
        }

        foreach (var field in new[] { "MaHoSo", "MaTTHC", "TenTTHC", "ChuHoSo", "TrichYeuHoSo", "DonViXuLy" })
        {
            Required(d, field, at, errors);
        }

        Code(d, "KenhThucHien", ["1", "2", "3"], at, errors);
        Code(d, "LoaiDoiTuong", ["1", "2", "3", "4"], at, errors);
        Code(d, "HinhThuc", ["0", "1"], at, errors);
        Code(d, "HoSoCoThanhPhanSoHoa", ["0", "1"], at, errors);
        Code(d, "TaiKhoanDuocXacThucVoiVNeID", ["0", "1"], at, errors);
        Code(d, "DuocThanhToanTrucTuyen", ["1", "2", "3"], at, errors);
        var status = Code(d, "TrangThaiHoSo", [.. Enumerable.Range(1, 10).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))], at, errors);
        if (Text(d, "TrichYeuHoSo") is { Length: > 1000 })
        {
            errors.Add($"{at}.TrichYeuHoSo: tối đa 1000 ký tự.");
        }

        if (Text(d, "SoGiayToChuHoSo") is { } id && !(id.Length is >= 9 and <= 14 && id.All(c => char.IsAsciiDigit(c) || c == '-')))
        {
            errors.Add($"{at}.SoGiayToChuHoSo: số giấy tờ không hợp lệ.");
        }

        foreach (var field in new[] { "NgayNopHoSo", "NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy" })
        {
            OptionalDate(d, field, at, errors);
        }

        if (status is not null and not "1" && Text(d, "NgayTiepNhan") is null)
        {
            errors.Add($"{at}.NgayTiepNhan: bắt buộc khi hồ sơ đã qua bước đăng ký.");
        }

        if (status is "9" or "10" && Text(d, "NgayKetThucXuLy") is null)
        {
            errors.Add($"{at}.NgayKetThucXuLy: bắt buộc khi hồ sơ đã xử lý xong.");
        }

        if (status is "10" && Text(d, "NgayTra") is null)
        {
            errors.Add($"{at}.NgayTra: bắt buộc khi hồ sơ đã trả kết quả.");
        }

        Items(d, "TaiLieuNop", at, errors, (x, p) =>
        {
            Required(x, "TepDinhKemId", p, errors);
            Required(x, "TenTepDinhKem", p, errors);
            Code(x, "IsDeleted", ["0", "1"], p, errors);
            Code(x, "DuocSoHoa", ["0", "1"], p, errors);
            Code(x, "DuocTaiSuDung", ["0", "1"], p, errors);
            Code(x, "DuocLayTuKhoDMQG", ["0", "1"], p, errors);
            Link(x, "DuongDanTaiTepTin", p, errors);
        });
        Items(d, "DanhSachLePhi", at, errors, (x, p) =>
        {
            Required(x, "TenPhiLePhi", p, errors);
            if (!x.TryGetProperty("Gia", out var gia) || gia.ValueKind != JsonValueKind.Number || gia.GetInt64() < 0)
            {
                errors.Add($"{p}.Gia: số tiền (đồng) không âm.");
            }
        });
        Items(d, "DanhSachHoSoBoSung", at, errors, (x, p) =>
        {
            Required(x, "HoSoBoSungId", p, errors);
            Required(x, "NoiDungBoSung", p, errors);
            OptionalDate(x, "NgayBoSung", p, errors);
            Required(x, "NgayBoSung", p, errors);
            OptionalDate(x, "NgayTiepNhanBoSung", p, errors);
        });
        Items(d, "DanhSachGiayToKetQua", at, errors, (x, p) =>
        {
            Required(x, "TenGiayTo", p, errors);
            Required(x, "GiayToId", p, errors);
            Link(x, "DuongDanTepTinKetQua", p, errors);
        });
    }

    public static void ValidateProgress(JsonElement p, string at, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (p.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{at}: phải là đối tượng.");
            return;
        }

        foreach (var field in new[] { "MaHoSo", "NguoiXuLy", "ChucDanh", "PhongBanXuLy", "NoiDungXuLy", "ThoiDiemXuLy", "NgayBatDau" })
        {
            Required(p, field, at, errors);
        }

        Code(p, "TrangThai", [.. Enumerable.Range(1, 10).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))], at, errors);
        foreach (var field in new[] { "ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh" })
        {
            OptionalDate(p, field, at, errors);
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static void Required(JsonElement e, string name, string at, List<string> errors)
    {
        if (Text(e, name) is null)
        {
            errors.Add($"{at}.{name}: bắt buộc (chuỗi).");
        }
    }

    private static string? Code(JsonElement e, string name, string[] allowed, string at, List<string> errors)
    {
        var value = Text(e, name);
        if (value is null || !allowed.Contains(value))
        {
            errors.Add($"{at}.{name}: phải là một trong {string.Join(", ", allowed)}.");
            return null;
        }

        return value;
    }

    private static void OptionalDate(JsonElement e, string name, string at, List<string> errors)
    {
        if (e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null && !(v.ValueKind == JsonValueKind.String && Dvcqg.IsDate(v.GetString())))
        {
            errors.Add($"{at}.{name}: ngày dạng yyyyMMddHHmmss.");
        }
    }

    private static void Link(JsonElement e, string name, string at, List<string> errors)
    {
        if (Text(e, name) is { } link && !(Uri.TryCreate(link, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"{at}.{name}: đường dẫn tuyệt đối http(s) để Cổng tải tệp.");
        }
    }

    private static void Items(JsonElement d, string name, string at, List<string> errors, Action<JsonElement, string> check)
    {
        if (!d.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            errors.Add($"{at}.{name}: phải là mảng.");
            return;
        }

        var i = 0;
        foreach (var x in list.EnumerateArray())
        {
            check(x, $"{at}.{name}[{i++}]");
        }
    }

    /// <summary>What a developer sees of a held dossier: the owner's ID masked (it is never shown or logged in full).</summary>
    public object Summary(string code)
    {
        lock (_gate)
        {
            var d = _dossiers[code];
            return new
            {
                MaHoSo = code,
                MaTTHC = Text(d, "MaTTHC"),
                TrangThaiHoSo = Text(d, "TrangThaiHoSo"),
                ChuHoSo = Masking.Name(Text(d, "ChuHoSo")),
                SoGiayToChuHoSo = Masking.IdNumber(Text(d, "SoGiayToChuHoSo")),
                TienDo = _progress.TryGetValue(code, out var p) ? p.Count : 0,
            };
        }
    }
}

public sealed record FakeDvcqgRequest(string? Service, string Body, string ErrorCode);
