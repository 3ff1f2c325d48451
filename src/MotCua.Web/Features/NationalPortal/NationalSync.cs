using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Dossiers;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// The sync state of one dossier with the national portal, and its lease: the outbox row of the national sync (ADR 0008,
/// amended for issue 22). One row a dossier, not one a change: the portal takes the dossier's current state, so changes
/// made while an attempt waits are coalesced into the next one. The dossier itself says whether a change waits
/// (<see cref="Dossier.NationalSynced"/> false), so that an intake or an action writes nothing here.
/// </summary>
public sealed class NationalSync
{
    public long DossierId { get; set; }
    public required string DossierCode { get; set; }

    /// <summary>The portal confirmed an add (DongBoHoSoMC, isUpdating False) or answered "already exists": later syncs are updates.</summary>
    public bool AddedAtPortal { get; set; }

    /// <summary>The last history event (sequence) whose progress item (CapNhatTienDoHoSoMC) the portal confirmed.</summary>
    public long ProgressSentThrough { get; set; }

    /// <summary>The dossier version the portal last confirmed.</summary>
    public int SyncedVersion { get; set; }

    /// <summary>Failed attempts since the last success; the backoff doubles with each.</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public DateTime? LastSyncedAtUtc { get; set; }

    /// <summary>The last failed attempt's reply or error (no personal data: the portal's error code and message); null after a success.</summary>
    public string? LastError { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<NationalSync>(e =>
    {
        e.ToTable("NationalSyncs");
        e.HasKey(x => x.DossierId);
        e.HasOne<Dossier>().WithOne().HasForeignKey<NationalSync>(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        e.Property(x => x.DossierCode).HasMaxLength(64);
        e.Property(x => x.LeaseOwner).HasMaxLength(100);
        e.Property(x => x.LastError).HasMaxLength(1000);
        // The failures page: rows with an error, oldest attempt first.
        e.HasIndex(x => x.LastAttemptAtUtc, "IX_NationalSyncs_Failed").HasFilter("\"LastError\" IS NOT NULL");
    });
}
