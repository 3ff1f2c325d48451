using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Tracking;

/// <summary>Failed public tracking attempts per dossier code: 4 digits are guessable, so guesses are limited.</summary>
public sealed class TrackingAttempt
{
    public required string Code { get; set; }
    public int Failures { get; set; }
    public DateTime WindowStartUtc { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<TrackingAttempt>(e =>
    {
        e.ToTable("TrackingAttempts");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(64);
    });
}
