using System.Globalization;

namespace MotCua.Domain.Procedures;

/// <summary>One fee of a procedure as the national database lists it; a null amount is set by the provincial council.</summary>
public sealed record ParsedFee(string Name, long? Amount);

/// <summary>
/// One validated row of the catalogue (CSV code,name,field,level,days,fee_vnd,online,documents,source; or a national JSON /
/// Excel record through <see cref="NationalCatalogueRow"/>, which also carries the agency, legal basis, sequence and fee list).
/// </summary>
public sealed record ProcedureRow(
    string Code, string Name, string Field, string[] Levels, int? Days, long? FeeVnd, string? Online,
    IReadOnlyList<ParsedDocument> Documents, string? Source, string SourceHash,
    string? Agency = null, string? LegalBasis = null, string? Sequence = null, IReadOnlyList<ParsedFee>? FeeItems = null)
{
    public const int MaxAgency = 1000;
    public const int MaxLegalBasis = 4000;
    public const int MaxSequence = 20000;

    public static readonly string[] Columns = ["code", "name", "field", "level", "days", "fee_vnd", "online", "documents", "source"];

    /// <summary>A row error as a Vietnamese message template and its arguments, so the caller can localise it.</summary>
    public sealed record Error(string Template, object[] Args);

    public static ProcedureRow? Parse(string[] cells, out Error? error) => Parse(cells, null, null, null, null, out error);

    /// <summary>
    /// The CSV cells plus the national fields the CSV lacks. The hash covers the extras only when one is given, so a CSV row
    /// keeps the hash it had before they existed and a re-import stays a no-op.
    /// </summary>
    public static ProcedureRow? Parse(
        string[] cells, string? agency, string? legalBasis, string? sequence, IReadOnlyList<ParsedFee>? feeItems, out Error? error)
    {
        error = null;
        if (cells.Length != Columns.Length)
        {
            error = new("Dòng có {0} cột, cần {1} cột.", [cells.Length, Columns.Length]);
            return null;
        }

        var c = cells.Select(x => x.Trim()).ToArray();
        if (c[0].Length == 0)
        {
            error = new("Thiếu mã thủ tục.", []);
            return null;
        }

        if (c[0].Length > 40)
        {
            error = new("Mã thủ tục '{0}' dài quá 40 ký tự.", [c[0]]);
            return null;
        }

        if (c[1].Length == 0)
        {
            error = new("Thiếu tên thủ tục.", []);
            return null;
        }

        // The columns' sizes: a longer cell is refused here rather than failing the whole import in the database.
        foreach (var (i, max, label) in new[] { (1, 1000, "Tên thủ tục"), (2, 200, "Lĩnh vực"), (3, 200, "Cấp thực hiện"), (8, 2000, "Nguồn") })
        {
            if (c[i].Length > max)
            {
                error = new("{0} dài quá {1} ký tự.", [label, max]);
                return null;
            }
        }

        int? days = null;
        if (c[4].Length > 0)
        {
            if (!int.TryParse(c[4], NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d > 3650)
            {
                error = new("Thời hạn giải quyết '{0}' không phải số ngày hợp lệ.", [c[4]]);
                return null;
            }

            days = d;
        }

        long? fee = null;
        if (c[5].Length > 0)
        {
            if (!long.TryParse(c[5], NumberStyles.None, CultureInfo.InvariantCulture, out var f))
            {
                error = new("Lệ phí '{0}' không phải số đồng hợp lệ.", [c[5]]);
                return null;
            }

            fee = f;
        }

        var levels = c[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var documents = DocumentList.Parse(c[7]);
        // Hash the parsed content, not the raw text, so that an exported file (documents re-formatted) imports back as unchanged.
        string[] canonical = [c[0], c[1], c[2], string.Join(';', levels), c[4], c[5], c[6], DocumentList.Format(documents), c[8]];
        agency = Blank(agency);
        legalBasis = Blank(legalBasis);
        sequence = Blank(sequence);
        foreach (var (text, max, label) in new[] { (agency, MaxAgency, "Cơ quan thực hiện"), (legalBasis, MaxLegalBasis, "Căn cứ pháp lý"), (sequence, MaxSequence, "Trình tự thực hiện") })
        {
            if (text?.Length > max)
            {
                error = new("{0} dài quá {1} ký tự.", [label, max]);
                return null;
            }
        }

        if (feeItems?.FirstOrDefault(f => f.Name.Length is 0 or > 200 || f.Amount is < 0) is { } badFee)
        {
            error = new("Lệ phí '{0}' không phải số đồng hợp lệ.", [badFee.Name]);
            return null;
        }
        if (agency is not null || legalBasis is not null || sequence is not null || feeItems is not null)
        {
            canonical = [.. canonical, agency ?? "", legalBasis ?? "", sequence ?? "",
                feeItems is null ? "" : string.Join(';', feeItems.Select(f => f.Name + "=" + f.Amount?.ToString(CultureInfo.InvariantCulture)))];
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', canonical))));
        return new ProcedureRow(c[0], c[1], c[2], levels, days, fee, c[6].Length == 0 ? null : c[6],
            documents, c[8].Length == 0 ? null : c[8], hash, agency, legalBasis, sequence, feeItems);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
