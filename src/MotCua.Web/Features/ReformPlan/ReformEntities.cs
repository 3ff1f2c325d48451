using Microsoft.EntityFrameworkCore;
using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>An administrative-reform plan of one unit for a period of years, under its parent unit's plan.</summary>
public sealed class Plan : IIndicatorReference
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? DecisionNumber { get; set; }
    public int IssuingUnitId { get; set; }
    public OrgUnit? IssuingUnit { get; set; }
    public int? ParentPlanId { get; set; }
    public Plan? ParentPlan { get; set; }
    public int PeriodFrom { get; set; }
    public int PeriodTo { get; set; }
    public string? Note { get; set; }
    public List<PlanTask> Tasks { get; set; } = [];
    public List<PlanTarget> Targets { get; set; } = [];
}

/// <summary>A numeric target of a plan; measured by a live indicator (<see cref="IndicatorKey"/>) or a figure entered with evidence.</summary>
public sealed class PlanTarget : IIndicatorReference
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Code { get; set; }
    public required string Text { get; set; }
    public decimal Value { get; set; }
    public required string Unit { get; set; }
    public TargetComparison Comparison { get; set; }
    public int Year { get; set; }
    public int? BaseYear { get; set; }

    /// <summary>"district" or "commune" when the printed target differs by level.</summary>
    public string? Scope { get; set; }

    public string? IndicatorKey { get; set; }
    public string? Note { get; set; }
    public List<TargetMeasurement> Measurements { get; set; } = [];
}

/// <summary>A figure entered by hand for a target, with its evidence file; append-only, the latest is the target's current value (ADR 0015).</summary>
public sealed class TargetMeasurement
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public required string EvidenceSha256 { get; set; }
    public required string EvidenceName { get; set; }
    public required string EnteredBy { get; set; }
    public DateTime EnteredAt { get; set; }
}

/// <summary>An appendix task, with the section and number exactly as printed.</summary>
public sealed class PlanTask
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string SectionCode { get; set; }
    public required string SectionTitle { get; set; }

    /// <summary>Order of the section and of the task inside the plan (the printed numbers have gaps).</summary>
    public int SortOrder { get; set; }

    public required string Number { get; set; }
    public required string Text { get; set; }
    public string? Product { get; set; }
    public required string Timing { get; set; }
    public required string LeadText { get; set; }
    public int? LeadUnitId { get; set; }
    public OrgUnit? LeadUnit { get; set; }
    public string? PartnersText { get; set; }
    public string? Remark { get; set; }
    public List<PlanTaskUnit> Units { get; set; } = [];
    public List<PlanTaskOccurrence> Occurrences { get; set; } = [];
}

public enum TaskUnitRole
{
    Lead,
    Partner,
}

public sealed class PlanTaskUnit
{
    public int TaskId { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public TaskUnitRole Role { get; set; }
}

public enum OccurrenceProgress
{
    NotStarted,
    InProgress,
    Done,
}

/// <summary>One year's due date of a task; <see cref="DueDate"/> is null while a person must set it.</summary>
public sealed class PlanTaskOccurrence
{
    public int Id { get; set; }
    public int TaskId { get; set; }
    public PlanTask? Task { get; set; }
    public int Year { get; set; }
    public DateOnly? DueDate { get; set; }
    public bool Continuous { get; set; }
    public OccurrenceProgress Progress { get; set; }
    public DateOnly? DoneOn { get; set; }
    public List<OccurrenceEntry> Entries { get; set; } = [];

    public OccurrenceStatus StatusOn(DateOnly today) => OccurrenceStatuses.Derive(Progress == OccurrenceProgress.Done, Progress == OccurrenceProgress.InProgress, DueDate, today);
}

public enum EntryKind
{
    Progress,
    Contribution,
}

/// <summary>A progress note of the lead unit or a partner's contribution, optionally with one evidence file.</summary>
public sealed class OccurrenceEntry
{
    public int Id { get; set; }
    public int OccurrenceId { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public EntryKind Kind { get; set; }
    public required string Text { get; set; }
    public string? FileSha256 { get; set; }
    public string? FileName { get; set; }
    public required string Author { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A periodic obligation of every office and commune towards Phòng Nội vụ, with its due-date rule as data.</summary>
public sealed class ReportObligation
{
    public int Id { get; set; }
    public ReportKind Kind { get; set; }
    public required string Name { get; set; }
    public int DueDay { get; set; }
    public int DueMonthOffset { get; set; }
    public int RemindDaysBefore { get; set; }
    public bool DemoRule { get; set; }
    public string? Note { get; set; }

    public ReportRule Rule => new(Kind, DueDay, DueMonthOffset);
}

public enum UnitReportStatus
{
    Submitted,
    Accepted,
    Returned,
}

public sealed class UnitReport
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public ReportKind Kind { get; set; }
    public int Year { get; set; }

    /// <summary>Month 1–12, quarter 1–4, half 1–2, or 0 for yearly kinds.</summary>
    public int Period { get; set; }

    public DateTime SubmittedAt { get; set; }
    public required string SubmittedBy { get; set; }
    public required string Text { get; set; }
    public UnitReportStatus Status { get; set; }
    public string? ReviewNote { get; set; }
    public List<UnitReportFile> Files { get; set; } = [];
}

public sealed class UnitReportFile
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public required string Sha256 { get; set; }
    public required string FileName { get; set; }
}

/// <summary>A yearly evaluation scheme: a tree of criteria with maximum points.</summary>
public sealed class ScoringScheme
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Name { get; set; }
    public List<ScoringCriterion> Criteria { get; set; } = [];
}

public sealed class ScoringCriterion
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public int? ParentId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
    public decimal MaxPoints { get; set; }
    public bool EvidenceRequired { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A unit's score on one leaf criterion: its self-assessment and Phòng Nội vụ's appraisal.</summary>
public sealed class Assessment
{
    public int Id { get; set; }
    public int CriterionId { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public decimal? SelfScore { get; set; }
    public string? EvidenceSha256 { get; set; }
    public string? EvidenceName { get; set; }
    public string? SelfNote { get; set; }
    public decimal? AppraisedScore { get; set; }
    public string? AppraisalNote { get; set; }
}

/// <summary>A (surprise) inspection of a one-stop desk: district desk or commune.</summary>
public sealed class Inspection
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public DateOnly ScheduledOn { get; set; }
    public DateOnly? HeldOn { get; set; }
    public bool Surprise { get; set; } = true;
    public string? Inspectors { get; set; }
    public string? Findings { get; set; }
    public List<InspectionFollowUp> FollowUps { get; set; } = [];
}

public sealed class InspectionFollowUp
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public required string Action { get; set; }
    public DateOnly Deadline { get; set; }
    public DateOnly? DoneOn { get; set; }
}

internal static class ReformModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Plan>(e =>
        {
            e.ToTable("Plans");
            e.Property(p => p.Title).HasMaxLength(400);
            e.Property(p => p.DecisionNumber).HasMaxLength(100);
            e.Property(p => p.Note).HasMaxLength(2000);
            e.HasOne(p => p.IssuingUnit).WithMany().HasForeignKey(p => p.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.ParentPlan).WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Tasks).WithOne(t => t.Plan).HasForeignKey(t => t.PlanId);
            e.HasMany(p => p.Targets).WithOne().HasForeignKey(t => t.PlanId);
            // One annual plan per unit and year: two concurrent carry-forwards cannot both open the period (issue 20.4).
            e.HasIndex(p => new { p.IssuingUnitId, p.PeriodFrom }, "IX_Plans_AnnualPeriod").IsUnique().HasFilter("\"PeriodFrom\" = \"PeriodTo\"");
        });
        b.Entity<PlanTarget>(e =>
        {
            e.ToTable("PlanTargets");
            e.Property(t => t.Code).HasMaxLength(20);
            e.Property(t => t.Text).HasMaxLength(2000);
            e.Property(t => t.Unit).HasMaxLength(40);
            e.Property(t => t.Comparison).HasConversion<string>().HasMaxLength(20);
            e.Property(t => t.Scope).HasMaxLength(20);
            e.Property(t => t.IndicatorKey).HasMaxLength(60);
            e.Property(t => t.Note).HasMaxLength(2000);
            e.Property(t => t.Value).HasPrecision(18, 4);
            e.HasIndex(t => new { t.PlanId, t.Code }).IsUnique();
            e.HasMany(t => t.Measurements).WithOne().HasForeignKey(m => m.TargetId);
        });
        b.Entity<TargetMeasurement>(e =>
        {
            e.ToTable("PlanTargetMeasurements");
            e.Property(m => m.Value).HasPrecision(18, 4);
            e.Property(m => m.Note).HasMaxLength(2000);
            e.Property(m => m.EvidenceSha256).HasMaxLength(64);
            e.Property(m => m.EvidenceName).HasMaxLength(260);
            e.Property(m => m.EnteredBy).HasMaxLength(256);
            e.HasIndex(m => new { m.TargetId, m.EnteredAt });
        });
        b.Entity<PlanTask>(e =>
        {
            e.ToTable("PlanTasks");
            e.Property(t => t.SectionCode).HasMaxLength(10);
            e.Property(t => t.SectionTitle).HasMaxLength(200);
            e.Property(t => t.Number).HasMaxLength(10);
            e.Property(t => t.Text).HasMaxLength(4000);
            e.Property(t => t.Product).HasMaxLength(1000);
            e.Property(t => t.Timing).HasMaxLength(200);
            e.Property(t => t.LeadText).HasMaxLength(400);
            e.Property(t => t.PartnersText).HasMaxLength(400);
            e.Property(t => t.Remark).HasMaxLength(1000);
            e.HasIndex(t => new { t.PlanId, t.SectionCode, t.Number }).IsUnique();
            e.HasOne(t => t.LeadUnit).WithMany().HasForeignKey(t => t.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Units).WithOne().HasForeignKey(u => u.TaskId);
            e.HasMany(t => t.Occurrences).WithOne(o => o.Task).HasForeignKey(o => o.TaskId);
        });
        b.Entity<PlanTaskUnit>(e =>
        {
            e.ToTable("PlanTaskUnits");
            e.HasKey(u => new { u.TaskId, u.UnitId, u.Role });
            e.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<PlanTaskOccurrence>(e =>
        {
            e.ToTable("PlanTaskOccurrences");
            e.Property(o => o.Progress).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(o => new { o.TaskId, o.Year }).IsUnique();
            e.HasMany(o => o.Entries).WithOne().HasForeignKey(x => x.OccurrenceId);
        });
        b.Entity<OccurrenceEntry>(e =>
        {
            e.ToTable("PlanTaskOccurrenceEntries");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Text).HasMaxLength(4000);
            e.Property(x => x.FileSha256).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.Author).HasMaxLength(256);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<StoredFile>(e =>
        {
            e.ToTable("StoredFiles");
            e.HasKey(f => f.Sha256);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.ContentType).HasMaxLength(200);
        });
        b.Entity<ReportObligation>(e =>
        {
            e.ToTable("ReportObligations");
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.Note).HasMaxLength(1000);
            e.HasIndex(o => o.Kind).IsUnique();
        });
        b.Entity<UnitReport>(e =>
        {
            e.ToTable("UnitReports");
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.SubmittedBy).HasMaxLength(256);
            e.Property(r => r.Text).HasMaxLength(8000);
            e.Property(r => r.ReviewNote).HasMaxLength(2000);
            e.HasIndex(r => new { r.UnitId, r.Kind, r.Year, r.Period });
            e.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Files).WithOne().HasForeignKey(f => f.ReportId);
        });
        b.Entity<UnitReportFile>(e =>
        {
            e.ToTable("UnitReportFiles");
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.Property(f => f.FileName).HasMaxLength(260);
        });
        b.Entity<ScoringScheme>(e =>
        {
            e.ToTable("ScoringSchemes");
            e.Property(s => s.Name).HasMaxLength(300);
            e.HasIndex(s => s.Year).IsUnique();
            e.HasMany(s => s.Criteria).WithOne().HasForeignKey(c => c.SchemeId);
        });
        b.Entity<ScoringCriterion>(e =>
        {
            e.ToTable("ScoringCriteria");
            e.Property(c => c.Code).HasMaxLength(20);
            e.Property(c => c.Title).HasMaxLength(1000);
            e.Property(c => c.MaxPoints).HasPrecision(9, 2);
            e.HasIndex(c => new { c.SchemeId, c.Code }).IsUnique();
        });
        b.Entity<Assessment>(e =>
        {
            e.ToTable("Assessments");
            e.Property(a => a.SelfScore).HasPrecision(9, 2);
            e.Property(a => a.AppraisedScore).HasPrecision(9, 2);
            e.Property(a => a.EvidenceSha256).HasMaxLength(64);
            e.Property(a => a.EvidenceName).HasMaxLength(260);
            e.Property(a => a.SelfNote).HasMaxLength(2000);
            e.Property(a => a.AppraisalNote).HasMaxLength(2000);
            e.HasIndex(a => new { a.CriterionId, a.UnitId }).IsUnique();
            e.HasOne<ScoringCriterion>().WithMany().HasForeignKey(a => a.CriterionId);
            e.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Inspection>(e =>
        {
            e.ToTable("Inspections");
            e.Property(i => i.Inspectors).HasMaxLength(500);
            e.Property(i => i.Findings).HasMaxLength(8000);
            e.HasOne(i => i.Unit).WithMany().HasForeignKey(i => i.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.FollowUps).WithOne().HasForeignKey(f => f.InspectionId);
        });
        b.Entity<InspectionFollowUp>(e =>
        {
            e.ToTable("InspectionFollowUps");
            e.Property(f => f.Action).HasMaxLength(2000);
        });
    }
}
