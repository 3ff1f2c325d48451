using System.Globalization;
using System.Text.RegularExpressions;

namespace MotCua.Domain.Documents;

public enum DocumentDirection
{
    Incoming,
    Outgoing,
}

/// <summary>Mức độ khẩn (ND 30/2020 Điều 8; edXML Priority 0–3).</summary>
public enum Urgency
{
    Normal,
    Urgent,
    VeryUrgent,
    Flash,
}

/// <summary>Mức độ mật (Luật Bảo vệ bí mật nhà nước 2018).</summary>
public enum Secrecy
{
    Normal,
    Confidential,
    Secret,
    TopSecret,
}

/// <summary>Vai trò khi giao xử lý văn bản đến: chủ trì, phối hợp, để biết.</summary>
public enum HolderRole
{
    Lead,
    Coordinate,
    Info,
}

/// <summary>The numbering and header rules of ND 30/2020 for the registers (docs/documents.md).</summary>
public static partial class DocumentRules
{
    public const int SubjectMaxLength = 500;
    public const int MaxDeadlineWorkingDays = 60;

    /// <summary>The number series: incoming documents have one per unit and year; outgoing ones one per numbering book (sổ văn bản) per unit and year.</summary>
    public const string IncomingBook = "den";

    /// <summary>Outgoing documents without a secrecy level.</summary>
    public const string OutgoingBook = "di";

    /// <summary>Secret outgoing documents take their own series (ND 30/2020 Điều 15 khoản 1).</summary>
    public const string SecretOutgoingBook = "di-mat";

    public static string OutgoingBookFor(Secrecy secrecy) => secrecy == Secrecy.Normal ? OutgoingBook : SecretOutgoingBook;

    public static readonly IReadOnlyDictionary<string, Urgency> UrgencyCodes = new Dictionary<string, Urgency>(StringComparer.OrdinalIgnoreCase)
    {
        ["thuong"] = Urgency.Normal,
        ["khan"] = Urgency.Urgent,
        ["thuong-khan"] = Urgency.VeryUrgent,
        ["hoa-toc"] = Urgency.Flash,
    };

    public static readonly IReadOnlyDictionary<string, Secrecy> SecrecyCodes = new Dictionary<string, Secrecy>(StringComparer.OrdinalIgnoreCase)
    {
        ["thuong"] = Secrecy.Normal,
        ["mat"] = Secrecy.Confidential,
        ["toi-mat"] = Secrecy.Secret,
        ["tuyet-mat"] = Secrecy.TopSecret,
    };

    public static readonly IReadOnlyDictionary<string, HolderRole> RoleCodes = new Dictionary<string, HolderRole>(StringComparer.OrdinalIgnoreCase)
    {
        ["chu-tri"] = HolderRole.Lead,
        ["phoi-hop"] = HolderRole.Coordinate,
        ["de-biet"] = HolderRole.Info,
    };

    public static string Code(Urgency u) => UrgencyCodes.First(p => p.Value == u).Key;

    public static string Code(Secrecy s) => SecrecyCodes.First(p => p.Value == s).Key;

    public static string Code(HolderRole r) => RoleCodes.First(p => p.Value == r).Key;

    /// <summary>
    /// Số, ký hiệu of an outgoing document (ND 30/2020 Phụ lục I): "12/QĐ-UBND" — number, the kind's abbreviation, the issuing
    /// body's; for công văn (no kind abbreviation) the issuing body's and the drafting unit's: "12/UBND-VP".
    /// </summary>
    public static string Notation(int number, DocumentType type, string issuer, string? drafter)
    {
        ArgumentNullException.ThrowIfNull(type);
        var number2 = number.ToString("00", CultureInfo.InvariantCulture);
        if (type.Abbreviation.Length > 0)
        {
            return $"{number2}/{type.Abbreviation}-{issuer}";
        }

        return string.IsNullOrEmpty(drafter) ? $"{number2}/{issuer}" : $"{number2}/{issuer}-{drafter}";
    }

    /// <summary>An abbreviation of a body or unit as printed in a ký hiệu: upper-case letters (Đ included) and digits, 1–20 of them.</summary>
    public static bool IsAbbreviation(string? value) => value is not null && AbbreviationPattern().IsMatch(value);

    [GeneratedRegex(@"^[A-ZĐ0-9]{1,20}$")]
    private static partial Regex AbbreviationPattern();

    /// <summary>Overdue: a holder's deadline passed (strictly before today) and the holder has not closed.</summary>
    public static bool IsOverdue(DateOnly deadline, DateOnly today, bool closed) => !closed && deadline < today;
}
