using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Notifications;

namespace MotCua.Web.Features.Assisted;

/// <summary>
/// An online submission a desk officer prepares for a citizen who is present; it becomes a dossier (online, assisted)
/// only when the citizen types the one-time code sent to their phone (<see cref="OneTimeCodes"/>: only its salted hash is stored).
/// </summary>
public sealed class AssistedSubmission
{
    public long Id { get; set; }
    public required string OfficerId { get; set; }
    public required string RequestJson { get; set; }
    public required string Phone { get; set; }
    public Guid CodeId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? DossierCode { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<AssistedSubmission>(e =>
    {
        e.ToTable("AssistedSubmissions");
        e.Property(x => x.OfficerId).HasMaxLength(64);
        e.Property(x => x.RequestJson).HasMaxLength(200_000);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.DossierCode).HasMaxLength(64);
    });
}
