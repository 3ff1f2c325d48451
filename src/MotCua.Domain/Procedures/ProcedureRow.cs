using System.Globalization;

namespace MotCua.Domain.Procedures;

/// <summary>One validated row of the catalogue CSV (code,name,field,level,days,fee_vnd,online,documents,source).</summary>
public sealed record ProcedureRow(
    string Code, string Name, string Field, string[] Levels, int? Days, long? FeeVnd, string? Online,
    IReadOnlyList<ParsedDocument> Documents, string? Source, string SourceHash)
{
    public static readonly string[] Columns = ["code", "name", "field", "level", "days", "fee_vnd", "online", "documents", "source"];

    /// <summary>A row error as a Vietnamese message template and its arguments, so the caller can localise it.</summary>
    public sealed record Error(string Template, object[] Args);

    public static ProcedureRow? Parse(string[] cells, out Error? error)
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
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', canonical))));
        return new ProcedureRow(c[0], c[1], c[2], levels, days, fee, c[6].Length == 0 ? null : c[6],
            documents, c[8].Length == 0 ? null : c[8], hash);
    }
}
