using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MotCua.Domain.Dossiers;

/// <summary>A dossier code <c>{unitCode}-{yymmdd}-{NNNN}</c>, e.g. <c>H15.50.05.13-261008-0975</c>; the sequence widens past 9999.</summary>
public readonly record struct DossierCode
{
    /// <summary>The receiving unit's identifier (letters, digits and dots).</summary>
    public string UnitCode { get; }

    /// <summary>The local receipt date (years 2000–2099).</summary>
    public DateOnly ReceivedOn { get; }

    /// <summary>The sequence within the unit and day, from 1.</summary>
    public int Sequence { get; }

    /// <summary>Creates a code; throws on an invalid unit code, a date outside 2000–2099 or a sequence below 1.</summary>
    public DossierCode(string unitCode, DateOnly receivedOn, int sequence)
    {
        if (!IsValidUnitCode(unitCode))
        {
            throw new ArgumentException("Unit code must be letters, digits and dots.", nameof(unitCode));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(receivedOn.Year, 2000, nameof(receivedOn));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(receivedOn.Year, 2099, nameof(receivedOn));
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        UnitCode = unitCode;
        ReceivedOn = receivedOn;
        Sequence = sequence;
    }

    /// <summary>The canonical text.</summary>
    public override string ToString() =>
        UnitCode is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{UnitCode}-{ReceivedOn:yyMMdd}-{Sequence:D4}");

    /// <summary>Formats a code; throws like the constructor on invalid parts.</summary>
    public static string Format(string unitCode, DateOnly receivedOn, int sequence) =>
        new DossierCode(unitCode, receivedOn, sequence).ToString();

    /// <summary>The result code <c>{code}-KQ{n}</c> of the n-th result (from 1).</summary>
    public string ResultCode(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return string.Create(CultureInfo.InvariantCulture, $"{this}-KQ{n}");
    }

    /// <summary>Parses the canonical form only (no extra zero padding beyond four digits, no spaces); false otherwise.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DossierCode code)
    {
        code = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var lastDash = text.LastIndexOf('-');
        if (lastDash < 8)
        {
            return false;
        }

        var dateDash = text.LastIndexOf('-', lastDash - 1);
        if (dateDash < 1 || lastDash - dateDash != 7)
        {
            return false;
        }

        var unit = text[..dateDash];
        var date = text.AsSpan(dateDash + 1, 6);
        var seq = text.AsSpan(lastDash + 1);
        if (!IsValidUnitCode(unit) || !AllDigits(date) || !AllDigits(seq) || seq.Length < 4 || seq.Length > 10)
        {
            return false;
        }

        if (seq.Length > 4 && seq[0] == '0')
        {
            return false;
        }

        if (!int.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1
            || !DateOnly.TryParseExact(date, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var receivedOn))
        {
            return false;
        }

        code = new DossierCode(unit, new DateOnly(2000 + (receivedOn.Year % 100), receivedOn.Month, receivedOn.Day), sequence);
        return true;
    }

    /// <summary>Null when <paramref name="text"/> is a valid dossier code, otherwise a Vietnamese reason.</summary>
    public static string? Validate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "Chưa nhập mã hồ sơ."
        : TryParse(text, out _) ? null
        : "Mã hồ sơ không đúng dạng {mã đơn vị}-{yymmdd}-{số thứ tự}, ví dụ H15.50.05.13-261008-0975.";

    /// <summary>Parses a result code <c>{code}-KQ{n}</c>.</summary>
    public static bool TryParseResultCode([NotNullWhen(true)] string? text, out DossierCode code, out int n)
    {
        code = default;
        n = 0;
        if (text is null)
        {
            return false;
        }

        var at = text.LastIndexOf("-KQ", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var number = text.AsSpan(at + 3);
        if (number.Length is 0 or > 4 || number[0] == '0' || !AllDigits(number) || !TryParse(text[..at], out code))
        {
            code = default;
            return false;
        }

        n = int.Parse(number, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>True for a non-empty unit identifier of ASCII letters, digits and inner dots (QĐ 20/2020 style, e.g. 000.00.00.H56).</summary>
    public static bool IsValidUnitCode(string? unitCode)
    {
        if (string.IsNullOrEmpty(unitCode) || unitCode.Length > 64 || unitCode[0] == '.' || unitCode[^1] == '.')
        {
            return false;
        }

        foreach (var c in unitCode)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '.')
            {
                return false;
            }
        }

        return !unitCode.Contains("..", StringComparison.Ordinal);
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
