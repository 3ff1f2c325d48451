namespace MotCua.Domain.Identifiers;

/// <summary>Structure check of the 12-digit personal identification number (số định danh cá nhân / CCCD).</summary>
public static class PersonalId
{
    /// <summary>Returns null when valid, otherwise a Vietnamese reason.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Chưa nhập số định danh cá nhân.";
        }

        if (value.Length != 12 || !value.All(char.IsAsciiDigit))
        {
            return "Số định danh cá nhân phải gồm đúng 12 chữ số.";
        }

        var province = int.Parse(value.AsSpan(0, 3));
        if (province is < 1 or > 96)
        {
            return "Ba chữ số đầu (mã tỉnh nơi đăng ký khai sinh) phải từ 001 đến 096.";
        }

        return null;
    }

    public static bool IsValid(string? value) => Validate(value) is null;

    /// <summary>Century and sex encoded in the fourth digit: 0/1 = 1900s, 2/3 = 2000s, 4/5 = 2100s…; even = male.</summary>
    public static (int BirthYear, bool Male)? Decode(string value)
    {
        if (!IsValid(value))
        {
            return null;
        }

        var code = value[3] - '0';
        var century = 1900 + (code / 2 * 100);
        var year = century + int.Parse(value.AsSpan(4, 2));
        return (year, code % 2 == 0);
    }
}
