using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>One entry of the configurable list of reasons for send-back, refusal and stop; the officer adds free text.</summary>
public sealed class DecisionReason
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }

    /// <summary>Comma-separated kebab-case actions the reason applies to (refuse,stop,send-back).</summary>
    public required string Actions { get; set; }

    public bool Active { get; set; } = true;
    public int Order { get; set; }

    public bool AppliesTo(DossierAction action) => Actions.Split(',', StringSplitOptions.TrimEntries).Contains(action.ToKebab());

    internal static void Configure(ModelBuilder b) => b.Entity<DecisionReason>(e =>
    {
        e.ToTable("DecisionReasons");
        e.Property(x => x.Code).HasMaxLength(40);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Text).HasMaxLength(500);
        e.Property(x => x.Actions).HasMaxLength(100);
        // A starting list so that decisions are possible on a fresh database; administrators edit it on /Dossiers/Admin/Reasons.
        e.HasData(Defaults.Select((r, i) => new DecisionReason { Id = i + 1, Code = r.Code, Text = r.Text, Actions = r.Actions, Order = (i + 1) * 10 }));
    });

    internal static readonly (string Code, string Text, string Actions)[] Defaults =
    [
        ("KHONG-THAM-QUYEN", "Không thuộc thẩm quyền giải quyết của cơ quan", "refuse"),
        ("GIAY-TO-KHONG-HOP-LE", "Giấy tờ trong hồ sơ không hợp lệ hoặc không đúng quy định", "refuse,send-back"),
        ("GIAY-TO-GIA-MAO", "Giấy tờ giả mạo, tẩy xóa, sửa chữa", "refuse,stop"),
        ("KHONG-DU-DIEU-KIEN", "Không đủ điều kiện theo quy định của pháp luật", "refuse"),
        ("KHONG-BO-SUNG", "Quá thời hạn mà người nộp không bổ sung, hoàn thiện hồ sơ", "refuse,stop"),
        ("DANG-TRANH-CHAP", "Đối tượng của thủ tục đang có tranh chấp, khiếu nại", "stop"),
        ("CO-QUAN-YEU-CAU-DUNG", "Theo yêu cầu của cơ quan có thẩm quyền", "stop"),
        ("SAI-NOI-DUNG", "Nội dung thẩm định hoặc dự thảo kết quả chưa đúng", "send-back"),
        ("THIEU-Y-KIEN-PHOI-HOP", "Thiếu ý kiến của cơ quan phối hợp", "send-back"),
        ("KHAC", "Lý do khác (ghi rõ trong nội dung)", "refuse,stop,send-back"),
    ];
}

/// <summary>Reads the reason list for pages and the API.</summary>
public static class DecisionReasons
{
    public sealed record ReasonDto(string Code, string Text, string[] Actions, bool Active);

    public static async Task<DecisionReason[]> ForAsync(AppDbContext db, DossierAction action, CancellationToken ct)
    {
        var all = await db.DecisionReasons.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Order).ThenBy(r => r.Code).ToListAsync(ct);
        return [.. all.Where(r => r.AppliesTo(action))];
    }

    public static ReasonDto ToDto(DecisionReason r) => new(r.Code, r.Text, r.Actions.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), r.Active);
}
