using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;

namespace MotCua.Web.Features.Alarms;

/// <summary>
/// A dossier waiting longer than its budget for one expected action. (DossierId, Kind, SinceUtc) is unique, so a job run
/// repeated after a crash raises nothing twice; the alarm closes when the dossier moves on.
/// </summary>
public sealed class Alarm
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public required string DossierCode { get; set; }
    public AlarmKind Kind { get; set; }
    public required string NextAction { get; set; }
    public DateTime SinceUtc { get; set; }
    public DateTime DueUtc { get; set; }
    public DateTime RaisedAtUtc { get; set; }

    /// <summary>The unit expected to act.</summary>
    public int UnitId { get; set; }

    public required string UnitPath { get; set; }

    /// <summary>0 at the responsible unit, +1 for each escalation up the unit tree.</summary>
    public int Level { get; set; }

    /// <summary>The unit the alarm is with now (the responsible unit or an ancestor after escalation).</summary>
    public int NotifiedUnitId { get; set; }

    public required string NotifiedUnitPath { get; set; }
    public DateTime LevelSinceUtc { get; set; }

    /// <summary>When the alarm goes one level up; null at the top of the tree.</summary>
    public DateTime? NextEscalationUtc { get; set; }

    public DateTime? ResolvedAtUtc { get; set; }

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<Alarm>(e =>
        {
            e.ToTable("Alarms");
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.NextAction).HasMaxLength(300);
            e.Property(x => x.UnitPath).HasMaxLength(400);
            e.Property(x => x.NotifiedUnitPath).HasMaxLength(400);
            e.HasIndex(x => new { x.DossierId, x.Kind, x.SinceUtc }).IsUnique();
            e.HasIndex(x => new { x.ResolvedAtUtc, x.NotifiedUnitPath });
        });
    }
}
