using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;
using MotCua.Domain.Procedures;

namespace MotCua.Web.Features.Procedures;

/// <summary>
/// Reads the national procedure database's JSON and Excel exports into <see cref="NationalCatalogueRow"/>s. JSON: an array of
/// records (or an object whose <c>data</c> or <c>thu_tuc</c> is that array) keyed as <see cref="NationalCatalogueRow.JsonKeys"/>;
/// lists (documents, fees, legal basis, sequence) may be strings or arrays. Excel: the first sheet, a header row labelled as
/// <see cref="NationalCatalogueRow.ExcelHeaders"/> (any order, diacritics and case ignored, other columns ignored).
/// </summary>
public static class CatalogueFiles
{
    public sealed record Rejection(int Line, string Template, object[] Args);

    /// <summary>The records with their number (JSON: position from 1; Excel: sheet row), or why the file is unusable.</summary>
    public sealed record Read(IReadOnlyList<(int Line, NationalCatalogueRow Record)> Records, Rejection? Rejected = null);

    public const int MaxRecords = 20_000;

    public static async Task<Read> ReadJsonAsync(Stream stream, CancellationToken ct)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 16 }, ct);
        }
        catch (JsonException ex)
        {
            return Reject(1, "Tệp JSON không đọc được: {0}", ex.Message);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                root = root.TryGetProperty("data", out var d) ? d : root.TryGetProperty("thu_tuc", out var t) ? t : default;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                return Reject(1, "Tệp JSON phải là một mảng thủ tục (hoặc có mảng \"data\").");
            }

            var records = new List<(int, NationalCatalogueRow)>();
            var n = 0;
            foreach (var item in root.EnumerateArray())
            {
                if (++n > MaxRecords)
                {
                    return Reject(n, "Tệp có quá {0} thủ tục.", MaxRecords);
                }

                if (item.ValueKind != JsonValueKind.Object)
                {
                    // Not an export at all (numbers, strings): the whole file is refused, as a CSV without its header is.
                    return Reject(n, "Phần tử thứ {0} của tệp JSON không phải là một thủ tục.", n);
                }

                string? S(string key) => item.TryGetProperty(key, out var v) ? Flatten(v, documents: key == "thanh_phan_ho_so") : null;
                IReadOnlyList<ParsedFee>? fees = item.TryGetProperty("phi_le_phi", out var f) && f.ValueKind == JsonValueKind.Array ? FeeList(f) : null;
                records.Add((n, new NationalCatalogueRow(
                    S("ma_thu_tuc"), S("ten_thu_tuc"), S("linh_vuc"), S("co_quan_thuc_hien"), S("cap_thuc_hien"), S("thoi_han_giai_quyet"),
                    fees is null ? S("phi_le_phi") : null, fees, S("thanh_phan_ho_so"), S("can_cu_phap_ly"), S("trinh_tu_thuc_hien"),
                    S("truc_tuyen"), S("nguon"))));
            }

            return new Read(records);
        }
    }

    /// <summary>A string, number or list as text: documents as "name [N bản chính]" joined by " | ", other lists by new lines.</summary>
    private static string? Flatten(JsonElement v, bool documents) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Array when documents => string.Join(DocumentList.Separator, v.EnumerateArray().Select(DocumentItem)),
        JsonValueKind.Array => string.Join('\n', v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object
            ? string.Join(" ", e.EnumerateObject().Select(p => Flatten(p.Value, false)).Where(x => !string.IsNullOrWhiteSpace(x)))
            : Flatten(e, false))),
        _ => null,
    };

    /// <summary>{"ten_giay_to": "…", "so_ban_chinh": 1} as the CSV writes a document.</summary>
    private static string DocumentItem(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return Flatten(e, false) ?? "";
        }

        var name = e.TryGetProperty("ten_giay_to", out var n) || e.TryGetProperty("ten", out n) ? Flatten(n, false) ?? "" : "";
        var originals = e.TryGetProperty("so_ban_chinh", out var c) && c.TryGetInt32(out var k) ? k : 0;
        return $"{name} [{originals.ToString(CultureInfo.InvariantCulture)} bản chính]";
    }

    /// <summary>[{"ten": "Lệ phí", "muc_thu": 8000}]; a null or missing amount is set by the provincial council.</summary>
    private static List<ParsedFee> FeeList(JsonElement array)
    {
        var fees = new List<ParsedFee>();
        foreach (var e in array.EnumerateArray())
        {
            var name = e.ValueKind == JsonValueKind.Object && (e.TryGetProperty("ten", out var n) || e.TryGetProperty("ten_phi", out n)) ? n.GetString() ?? "" : "Lệ phí";
            long? amount = null;
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("muc_thu", out var a))
            {
                // An amount that is not a number becomes -1: an invalid fee that the row check reports.
                amount = a.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.Number => a.TryGetInt64(out var x) ? x : -1,
                    JsonValueKind.String => NationalCatalogueRow.TryParseFee(a.GetString(), out var cell) ? cell.Length == 0 ? null : long.Parse(cell, CultureInfo.InvariantCulture) : -1,
                    _ => -1,
                };
            }

            fees.Add(new ParsedFee(name.Trim(), amount));
        }

        return fees;
    }

    public static Read ReadXlsx(Stream stream)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = [.. stream.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Take(MaxRecords + 2)];
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or System.Xml.XmlException or NotSupportedException)
        {
            return Reject(1, "Tệp Excel không đọc được: {0}", ex.Message);
        }

        if (rows.Count == 0)
        {
            return Reject(1, "Tệp Excel trống.");
        }

        // Header cells by column letter → index in ExcelHeaders.
        var folded = NationalCatalogueRow.ExcelHeaders.Select(TextFolding.Fold).ToArray();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (letter, value) in rows[0])
        {
            var index = Array.IndexOf(folded, TextFolding.Fold(Cell(value)));
            if (index >= 0)
            {
                columns.TryAdd(letter, index);
            }
        }

        if (!NationalCatalogueRow.RequiredColumns.All(columns.ContainsValue))
        {
            return Reject(1, "Dòng tiêu đề phải có các cột: {0}", string.Join(", ", NationalCatalogueRow.ExcelHeaders));
        }

        if (rows.Count > MaxRecords + 1)
        {
            return Reject(MaxRecords + 2, "Tệp có quá {0} thủ tục.", MaxRecords);
        }

        var records = new List<(int, NationalCatalogueRow)>();
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = new string?[NationalCatalogueRow.ExcelHeaders.Length];
            foreach (var (letter, value) in rows[r])
            {
                if (columns.TryGetValue(letter, out var index))
                {
                    cells[index] = Cell(value);
                }
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // One document a line in a cell, as the national export writes them, unless the cell uses the CSV's separator.
            var documents = cells[7] is { } d && !d.Contains('|', StringComparison.Ordinal)
                ? string.Join(DocumentList.Separator, d.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                : cells[7];
            records.Add((r + 1, new NationalCatalogueRow(
                cells[0], cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], null, documents, cells[8], cells[9], cells[10], cells[11])));
        }

        return new Read(records);
    }

    /// <summary>Numbers come back as doubles: written without a decimal part when whole.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        string s => s.Replace("\r\n", "\n", StringComparison.Ordinal),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static Read Reject(int line, string template, params object[] args) => new([], new Rejection(line, template, args));
}
