namespace MotCua.Domain.Identifiers;

/// <summary>Vietnamese tax code (mã số thuế): 10 digits with a check digit, or a branch "NNNNNNNNNN-NNN".</summary>
public static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>Returns null when valid, otherwise a Vietnamese reason.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Chưa nhập mã số thuế.";
        }

        var main = value;
        if (value.Length == 14)
        {
            if (value[10] != '-' || !value.AsSpan(11).ToString().All(char.IsAsciiDigit) || value.EndsWith("000", StringComparison.Ordinal))
            {
                return "Mã số thuế chi nhánh phải có dạng NNNNNNNNNN-NNN (NNN khác 000).";
            }

            main = value[..10];
        }

        if (main.Length != 10 || !main.All(char.IsAsciiDigit))
        {
            return "Mã số thuế phải gồm 10 chữ số (hoặc 13 chữ số cho chi nhánh).";
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (main[i] - '0') * Weights[i];
        }

        var check = 10 - (sum % 11);
        return check is >= 10 || main[9] - '0' != check ? "Mã số thuế không đúng chữ số kiểm tra." : null;
    }

    public static bool IsValid(string? value) => Validate(value) is null;
}
