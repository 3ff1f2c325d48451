using Microsoft.EntityFrameworkCore;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>A demo scheme in the manner of the provincial PAR INDEX; the criteria and points are invented for the demo.</summary>
public static class ScoringSeed
{
    public static async Task SeedAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (await db.ScoringSchemes.AnyAsync(ct))
        {
            return;
        }

        var scheme = new ScoringScheme { Year = 2024, Name = "Bộ tiêu chí đánh giá kết quả CCHC năm 2024 (demo, không phải bộ tiêu chí chính thức)" };
        (string Code, string? Parent, string Title, decimal Max, bool Evidence)[] rows =
        [
            ("1", null, "Công tác chỉ đạo, điều hành CCHC", 20, false),
            ("1.1", "1", "Ban hành kế hoạch CCHC năm đúng hạn", 5, true),
            ("1.2", "1", "Báo cáo CCHC định kỳ đầy đủ, đúng hạn", 5, true),
            ("1.3", "1", "Tự kiểm tra CCHC, kỷ luật, kỷ cương hành chính", 5, true),
            ("1.4", "1", "Tuyên truyền CCHC", 5, false),
            ("2", null, "Cải cách thủ tục hành chính", 40, false),
            ("2.1", "2", "Công khai thủ tục hành chính đầy đủ, đúng quy định", 10, true),
            ("2.2", "2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 20, false),
            ("2.3", "2", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", 10, false),
            ("3", null, "Chính quyền điện tử, chính quyền số", 20, false),
            ("3.1", "3", "Xử lý văn bản, hồ sơ công việc trên môi trường mạng", 20, false),
            ("4", null, "Sự hài lòng của người dân, tổ chức", 20, false),
            ("4.1", "4", "Kết quả đo lường sự hài lòng", 20, true),
        ];
        var byCode = new Dictionary<string, ScoringCriterion>();
        var order = 0;
        foreach (var (code, parent, title, max, evidence) in rows)
        {
            var c = new ScoringCriterion { Code = code, Title = title, MaxPoints = max, EvidenceRequired = evidence, SortOrder = ++order };
            byCode[code] = c;
            scheme.Criteria.Add(c);
        }

        db.ScoringSchemes.Add(scheme);
        await db.SaveChangesAsync(ct);
        foreach (var (code, parent, _, _, _) in rows.Where(r => r.Parent is not null))
        {
            byCode[code].ParentId = byCode[parent!].Id;
        }

        await db.SaveChangesAsync(ct);
    }
}
