using System.Security.Cryptography;
using System.Text;
using MotCua.Domain.Procedures;

namespace MotCua.Domain.Portal;

/// <summary>
/// The kind of a document, so that a document accepted under one procedure's wording is recognised in another's:
/// known kinds by keywords, anything else by its folded name.
/// </summary>
public static class DocumentKinds
{
    public const string Identity = "giay-to-tuy-than";
    public const string BirthCertificate = "giay-khai-sinh";
    public const string MarriageCertificate = "giay-chung-nhan-ket-hon";
    public const string Residence = "giay-to-cu-tru";
    public const string DeathNotice = "giay-bao-tu";

    public static string Of(string name)
    {
        var f = TextFolding.Fold(name);
        // Order matters: a marriage certificate's text may mention identity papers, not the other way round.
        if (f.StartsWith("giay chung nhan ket hon", StringComparison.Ordinal) || f.StartsWith("ban sao giay chung nhan ket hon", StringComparison.Ordinal))
        {
            return MarriageCertificate;
        }

        if (f.StartsWith("giay khai sinh", StringComparison.Ordinal) || f.StartsWith("ban sao giay khai sinh", StringComparison.Ordinal) || f.StartsWith("ban chinh giay khai sinh", StringComparison.Ordinal))
        {
            return BirthCertificate;
        }

        if (f.StartsWith("giay bao tu", StringComparison.Ordinal))
        {
            return DeathNotice;
        }

        if (f.StartsWith("ho chieu", StringComparison.Ordinal) || f.StartsWith("the can cuoc", StringComparison.Ordinal) || f.StartsWith("can cuoc", StringComparison.Ordinal)
            || f.StartsWith("chung minh nhan dan", StringComparison.Ordinal) || f.StartsWith("giay to tuy than", StringComparison.Ordinal))
        {
            return Identity;
        }

        if (f.StartsWith("giay to co gia tri chung minh thong tin ve cu tru", StringComparison.Ordinal) || f.StartsWith("giay to chung minh noi cu tru", StringComparison.Ordinal))
        {
            return Residence;
        }

        // Unknown wording: the same text (diacritics and case aside) is the same kind.
        return "ten:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(f)))[..16];
    }

    public static string Label(string kind) => kind switch
    {
        Identity => "Giấy tờ tùy thân",
        BirthCertificate => "Giấy khai sinh",
        MarriageCertificate => "Giấy chứng nhận kết hôn",
        Residence => "Giấy tờ chứng minh cư trú",
        DeathNotice => "Giấy báo tử",
        _ when kind.StartsWith("ket-qua:", StringComparison.Ordinal) => "Kết quả giải quyết thủ tục",
        _ => "Giấy tờ khác",
    };

    /// <summary>The kind of a procedure's electronic result: a registration's certificate where known, else the procedure's own result.</summary>
    public static string Result(string procedureCode, string procedureName)
    {
        var f = TextFolding.Fold(procedureName);
        var registration = f.StartsWith("thu tuc dang ky ", StringComparison.Ordinal) || f.StartsWith("dang ky ", StringComparison.Ordinal);
        return registration && f.Contains("dang ky khai sinh", StringComparison.Ordinal) && !f.Contains("lai khai sinh", StringComparison.Ordinal) ? BirthCertificate
            : registration && f.Contains("dang ky ket hon", StringComparison.Ordinal) ? MarriageCertificate
            : "ket-qua:" + procedureCode;
    }
}
