using System.Globalization;

namespace MotCua.Domain.Dossiers;

/// <summary>The applicant as a correction compares it: field by field, blanks as null.</summary>
public sealed record ApplicantFacts(string FullName, string? IdNumber, string? TaxCode, DateOnly? BirthDate, string? Phone, string? Email, string? Address);

/// <summary>One corrected field with its value before and after (full values: staff only; <see cref="Correction.MaskedLine"/> for anything public).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// Correcting a received dossier (issue 20, item 7): the desk fixes the applicant's data or the components with a reason;
/// form 01 is reissued as a new version and the history keeps both. The appointment date is never touched.
/// </summary>
public static class Correction
{
    public const string Action = "correct";
    public const string Documents = "documents";

    /// <summary>The Vietnamese names of the fields, in form order (API names as keys).</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Fields =
    [
        ("fullName", "Họ và tên"),
        ("idNumber", "Số định danh cá nhân"),
        ("taxCode", "Mã số thuế"),
        ("birthDate", "Ngày sinh"),
        ("phone", "Số điện thoại"),
        ("email", "Thư điện tử"),
        ("address", "Địa chỉ"),
        (Documents, "Thành phần hồ sơ"),
    ];

    public static string Label(string field) => Fields.FirstOrDefault(f => f.Field == field).Label ?? field;

    /// <summary>Only a received dossier still being processed: not one waiting for the desk's acceptance, not one decided or closed.</summary>
    public static bool Allowed(DossierStatus status) => status != DossierStatus.AwaitingReception && status.IsPending();

    /// <summary>The applicant's fields that differ, in form order.</summary>
    public static IReadOnlyList<FieldChange> Diff(ApplicantFacts before, ApplicantFacts after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        List<FieldChange> changes = [];
        void Compare(string field, string? b, string? a)
        {
            if (!string.Equals(b, a, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, b, a));
            }
        }

        Compare("fullName", before.FullName, after.FullName);
        Compare("idNumber", before.IdNumber, after.IdNumber);
        Compare("taxCode", before.TaxCode, after.TaxCode);
        Compare("birthDate", Date(before.BirthDate), Date(after.BirthDate));
        Compare("phone", before.Phone, after.Phone);
        Compare("email", before.Email, after.Email);
        Compare("address", before.Address, after.Address);
        return changes;
    }

    /// <summary>A value as the history shows it: personal data masked (names by initials, numbers by their last four digits).</summary>
    public static string Mask(string field, string? value) => value is null ? "(trống)" : field switch
    {
        "fullName" => Masking.Name(value),
        "idNumber" or "taxCode" => Masking.IdNumber(value),
        "phone" => Masking.Phone(value),
        "email" => Masking.Email(value),
        "address" => Masking.Address(value),
        "birthDate" => "**/**/" + value[..Math.Min(4, value.Length)],
        _ => value,
    };

    /// <summary>"Số điện thoại: ******5678 → ******4321": what the hashed history note records, with nothing readable to a stranger.</summary>
    public static string MaskedLine(FieldChange c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return $"{Label(c.Field)}: {Mask(c.Field, c.Before)} → {Mask(c.Field, c.After)}";
    }

    /// <summary>The history note of a correction: the reason first, then each change masked.</summary>
    public static string Note(string reason, IReadOnlyList<FieldChange> changes, int formVersion)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return string.Create(CultureInfo.InvariantCulture,
            $"Lý do: {reason.Trim()}. Điều chỉnh: {string.Join("; ", changes.Select(MaskedLine))}. Cấp lại mẫu 01, bản số {formVersion}.");
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
