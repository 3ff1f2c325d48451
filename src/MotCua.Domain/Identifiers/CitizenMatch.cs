using System.Globalization;
using System.Text;

namespace MotCua.Domain.Identifiers;

/// <summary>
/// The check the population database answers: do the name and date of birth given for a personal ID number match its record?
/// Names compare in Unicode NFC, case and spacing ignored, diacritics kept ("Lê" and "Lệ" are different people).
/// </summary>
public static class CitizenMatch
{
    public const string FullName = "fullName";
    public const string BirthDate = "birthDate";

    /// <summary>The fields that differ, by name (<see cref="FullName"/>, <see cref="BirthDate"/>); empty when everything matches.</summary>
    public static IReadOnlyList<string> Mismatches(string? givenName, DateOnly? givenBirth, string registeredName, DateOnly registeredBirth)
    {
        var fields = new List<string>();
        if (Canonical(givenName) != Canonical(registeredName))
        {
            fields.Add(FullName);
        }

        if (givenBirth != registeredBirth)
        {
            fields.Add(BirthDate);
        }

        return fields;
    }

    public static string Canonical(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var words = name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words).ToLower(CultureInfo.GetCultureInfo("vi-VN"));
    }
}
