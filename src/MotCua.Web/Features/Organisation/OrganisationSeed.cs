using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Organisation;

/// <summary>Demo organisation: Bác Ái before 1/7/2025 (official GSO codes) and the reported two-tier structure after it.</summary>
public static class OrganisationSeed
{
    public static readonly DateOnly Reform2025 = new(2025, 7, 1);
    private static readonly DateOnly LastDistrictDay = new(2025, 6, 30);
    private static readonly DateOnly Epoch = new(2008, 1, 1);

    private sealed record Office(string Code, string Name, UnitKind Kind);

    // Office and desk codes are demo values: the QĐ 20/2020 identifiers of Bác Ái's offices were not available.
    private static readonly Office[] DistrictOffices =
    [
        new("584.VP", "Văn phòng HĐND & UBND huyện", UnitKind.Office),
        new("584.NV", "Phòng Nội vụ", UnitKind.Office),
        new("584.TP", "Phòng Tư pháp", UnitKind.Office),
        new("584.TCKH", "Phòng Tài chính – Kế hoạch", UnitKind.Office),
        new("584.VHTT", "Phòng Văn hóa – Thông tin", UnitKind.Office),
        new("584.GDDT", "Phòng Giáo dục và Đào tạo", UnitKind.Office),
        new("584.TNMT", "Phòng Tài nguyên và Môi trường", UnitKind.Office),
        new("584.MC", "Bộ phận Một cửa huyện Bác Ái", UnitKind.Desk),
    ];

    // Reported (press, 2025) merger of the nine communes into three; neither the grouping nor the new codes were confirmed.
    private static readonly (string Code, string Name, string[] From)[] MergedCommunes =
    [
        ("56.BACAI", "Xã Bác Ái", ["22801", "22804", "22795"]),
        ("56.BACAIDONG", "Xã Bác Ái Đông", ["22798", "22792", "22807"]),
        ("56.BACAITAY", "Xã Bác Ái Tây", ["22783", "22786", "22789"]),
    ];

    public static async Task SeedAsync(AppDbContext db, string dataFolder, CancellationToken ct = default)
    {
        if (await db.Units.AnyAsync(ct))
        {
            return;
        }

        using var reader = new StreamReader(Path.Combine(dataFolder, "admin-units-bac-ai.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        var byCode = new Dictionary<string, OrgUnit>();
        foreach (var row in csv.GetRecords<AdminUnitRow>())
        {
            var parent = string.IsNullOrEmpty(row.parent_code) ? null : byCode[row.parent_code];
            var unit = new OrgUnit
            {
                Code = row.code,
                Name = row.name,
                Kind = row.type switch { "tinh" => UnitKind.Province, "huyen" => UnitKind.District, _ => UnitKind.Commune },
                Parent = parent,
                Path = OrgUnit.ChildPath(parent?.Path, row.code),
                ValidFrom = Epoch,
                ValidTo = LastDistrictDay,
                Note = "Mã đơn vị hành chính theo danh mục của Tổng cục Thống kê (trước 1/7/2025).",
            };
            byCode[row.code] = unit;
            db.Units.Add(unit);
        }

        var district = byCode["584"];
        foreach (var office in DistrictOffices)
        {
            db.Units.Add(new OrgUnit
            {
                Code = office.Code,
                Name = office.Name,
                Kind = office.Kind,
                Parent = district,
                Path = OrgUnit.ChildPath(district.Path, office.Code),
                ValidFrom = Epoch,
                ValidTo = LastDistrictDay,
                Note = "Mã đơn vị là giá trị demo.",
            });
        }

        var khanhHoa = new OrgUnit
        {
            Code = "56",
            Name = "Tỉnh Khánh Hòa",
            Kind = UnitKind.Province,
            Path = "56/",
            ValidFrom = Epoch,
            Note = "Từ 1/7/2025 tỉnh Ninh Thuận hợp nhất vào tỉnh Khánh Hòa (theo báo chí, chưa đối chiếu văn bản).",
            Confirmed = false,
        };
        db.Units.Add(khanhHoa);
        byCode["58"].Successor = khanhHoa;

        foreach (var (code, name, from) in MergedCommunes)
        {
            var commune = new OrgUnit
            {
                Code = code,
                Name = name,
                Kind = UnitKind.Commune,
                Parent = khanhHoa,
                Path = OrgUnit.ChildPath(khanhHoa.Path, code),
                ValidFrom = Reform2025,
                Confirmed = false,
                Note = "Đã báo cáo, chưa xác nhận: sáp nhập từ " + string.Join(", ", from.Select(c => byCode[c].Name)) + "; mã đơn vị tạm.",
            };
            db.Units.Add(commune);
            foreach (var old in from)
            {
                byCode[old].Successor = commune;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record AdminUnitRow(string code, string name, string type, string parent_code);
}
