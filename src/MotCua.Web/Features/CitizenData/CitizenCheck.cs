using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.CitizenData;

/// <summary>
/// One check against the population database, with the applicant's consent to it (NĐ 13/2023 on personal data: the
/// purpose, the time, who asked). Kept append-only: the record of the consent for the dossier or the account.
/// </summary>
public sealed class CitizenCheck
{
    public Guid Id { get; set; }
    public required string IdNumber { get; set; }

    /// <summary><c>desk</c> (intake at the one-stop desk) or <c>sign-up</c> (a citizen account).</summary>
    public required string Purpose { get; set; }

    /// <summary>match, mismatch, not-found or unavailable (<see cref="RegistryAnswer"/>).</summary>
    public required string Result { get; set; }

    /// <summary>The fields that differ, joined by ';' (fullName, birthDate).</summary>
    public string? Mismatches { get; set; }

    public required string Provider { get; set; }

    /// <summary>When the applicant agreed to the lookup: a check is never made without it.</summary>
    public DateTime ConsentAtUtc { get; set; }

    public DateTime CheckedAtUtc { get; set; }

    /// <summary>The officer at the desk, or the account name being signed up.</summary>
    public required string CheckedBy { get; set; }

    /// <summary>Unit path of the desk officer (null for sign-up): a check is used only inside the unit that made it.</summary>
    public string? UnitPath { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<CitizenCheck>(e =>
    {
        e.ToTable("CitizenChecks");
        e.Property(x => x.IdNumber).HasMaxLength(12);
        e.Property(x => x.Purpose).HasMaxLength(16);
        e.Property(x => x.Result).HasMaxLength(16);
        e.Property(x => x.Mismatches).HasMaxLength(100);
        e.Property(x => x.Provider).HasMaxLength(16);
        e.Property(x => x.CheckedBy).HasMaxLength(256);
        e.Property(x => x.UnitPath).HasMaxLength(400);
        e.HasIndex(x => new { x.IdNumber, x.CheckedAtUtc });
    });
}
