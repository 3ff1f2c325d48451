using System.Globalization;
using System.Text;

namespace MotCua.Domain.Calendar;

public sealed record CalendarCsvRow(int Line, CalendarEntry Entry);

public sealed record CalendarCsvError(int Line, string Message);

/// <summary>Reads the "date,name,kind,source" format of holidays-vn.csv (RFC 4180 quoting), keeping each bad row's line number.</summary>
public static class CalendarCsv
{
    public const string Header = "date,name,kind,source";

    public static (List<CalendarCsvRow> Rows, List<CalendarCsvError> Errors) Parse(TextReader reader)
    {
        var rows = new List<CalendarCsvRow>();
        var errors = new List<CalendarCsvError>();
        var lineNo = 0;
        string? line;
        var headerSeen = false;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var startLine = lineNo;
            // A quoted field may span lines: keep reading until the quotes balance.
            while (line.Count(c => c == '"') % 2 == 1 && reader.ReadLine() is { } more)
            {
                lineNo++;
                line += "\n" + more;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = Split(line);
            if (!headerSeen)
            {
                headerSeen = true;
                if (fields.Count > 0 && fields[0].Trim().TrimStart('\uFEFF').Equals("date", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
            }

            if (fields.Count < 3)
            {
                errors.Add(new(startLine, "Dòng cần ít nhất 3 cột: date,name,kind[,source]."));
                continue;
            }

            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new(startLine, $"Ngày '{fields[0].Trim()}' không đúng định dạng YYYY-MM-DD."));
                continue;
            }

            if (!WorkingCalendar.IsSupported(date))
            {
                errors.Add(new(startLine, $"Ngày {WorkingCalendar.Format(date)} nằm ngoài khoảng {WorkingCalendar.MinYear}–{WorkingCalendar.MaxYear}."));
                continue;
            }

            var name = fields[1].Trim();
            if (name.Length is 0 or > 300)
            {
                errors.Add(new(startLine, "Tên ngày là bắt buộc, tối đa 300 ký tự."));
                continue;
            }

            if (ParseKind(fields[2]) is not { } kind)
            {
                errors.Add(new(startLine, $"Loại '{fields[2].Trim()}' không hợp lệ (holiday hoặc makeup_workday)."));
                continue;
            }

            var source = fields.Count > 3 ? string.Join(",", fields.Skip(3)).Trim() : null;
            rows.Add(new(startLine, new CalendarEntry(date, kind, name, string.IsNullOrEmpty(source) ? null : source)));
        }

        return (rows, errors);
    }

    public static CalendarDayKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "holiday" => CalendarDayKind.Holiday,
        "makeup_workday" or "makeup-workday" => CalendarDayKind.MakeupWorkday,
        _ => null,
    };

    public static string KindCode(CalendarDayKind kind) => kind == CalendarDayKind.Holiday ? "holiday" : "makeup_workday";

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
