using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Feedback;

public enum FeedbackKind
{
    /// <summary>Phản ánh: something went wrong (a complaint about how a dossier or a desk was handled).</summary>
    Complaint,

    /// <summary>Kiến nghị: a suggestion or request about rules and procedures.</summary>
    Suggestion,
}

public enum FeedbackStatus
{
    New,
    AwaitingInfo,
    Refused,
    Answered,
}

/// <summary>The applicant's satisfaction rating of one returned dossier: once per dossier.</summary>
public sealed class DossierRating
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public required string DossierCode { get; set; }

    /// <summary>The receiving unit's path, for the unit's satisfaction figures.</summary>
    public required string UnitPath { get; set; }

    public int Overall { get; set; }
    public int Time { get; set; }

    /// <summary>How many times the applicant had to come or get in touch.</summary>
    public int Contacts { get; set; }

    public int Attitude { get; set; }
    public int Transparency { get; set; }
    public string? Comment { get; set; }

    /// <summary>online or kiosk.</summary>
    public required string Channel { get; set; }

    public DateTime RatedAtUtc { get; set; }
}

/// <summary>A complaint or suggestion (phản ánh, kiến nghị) with its three deadlines on the working-day calendar.</summary>
public sealed class FeedbackItem
{
    public long Id { get; set; }
    public string Number { get; set; } = "";
    public FeedbackKind Kind { get; set; }
    public FeedbackStatus Status { get; set; }
    public required string Subject { get; set; }
    public required string Content { get; set; }
    public required string SenderName { get; set; }
    public string? SenderPhone { get; set; }
    public string? SenderEmail { get; set; }
    public string? SenderUserId { get; set; }
    public string? DossierCode { get; set; }

    /// <summary>The unit that must answer (the dossier's receiving unit, or the one the sender chose): staff see their subtree.</summary>
    public required string UnitPath { get; set; }

    public required string UnitName { get; set; }
    public DateTime ReceivedAtUtc { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public DateOnly RefuseBy { get; set; }
    public DateOnly AskMoreBy { get; set; }
    public DateOnly ResolveBy { get; set; }
    public string? InfoRequest { get; set; }
    public DateOnly? InfoRequestedOn { get; set; }
    public string? Answer { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string? AnsweredBy { get; set; }

    /// <summary>The step was taken after its deadline (refuse after 2, ask after 5, answer after 15 working days).</summary>
    public bool Late { get; set; }

    public bool Published { get; set; }

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<DossierRating>(e =>
        {
            e.ToTable("DossierRatings");
            e.HasIndex(x => x.DossierId).IsUnique();
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.UnitPath).HasMaxLength(400);
            e.Property(x => x.Comment).HasMaxLength(1000);
            e.Property(x => x.Channel).HasMaxLength(16);
            e.HasIndex(x => new { x.UnitPath, x.RatedAtUtc });
        });
        b.Entity<FeedbackItem>(e =>
        {
            e.ToTable("FeedbackItems");
            e.Property(x => x.Number).HasMaxLength(32);
            e.HasIndex(x => x.Number);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Content).HasMaxLength(4000);
            e.Property(x => x.SenderName).HasMaxLength(200);
            e.Property(x => x.SenderPhone).HasMaxLength(20);
            e.Property(x => x.SenderEmail).HasMaxLength(200);
            e.Property(x => x.SenderUserId).HasMaxLength(64);
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.UnitPath).HasMaxLength(400);
            e.Property(x => x.UnitName).HasMaxLength(300);
            e.Property(x => x.InfoRequest).HasMaxLength(4000);
            e.Property(x => x.Answer).HasMaxLength(8000);
            e.Property(x => x.AnsweredBy).HasMaxLength(200);
            e.HasIndex(x => new { x.UnitPath, x.Status });
            e.HasIndex(x => new { x.Published, x.ClosedOn });
        });
    }
}
