using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Indicators;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Dossiers;

public enum Channel
{
    Direct,
    Online,
    Postal,
}

/// <summary>
/// The current state of one dossier (hồ sơ). Every change also appends a <see cref="DossierEvent"/> in the same
/// transaction; <see cref="Version"/> turns concurrent actions into a 409 instead of a lost update.
/// </summary>
public sealed class Dossier
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }

    /// <summary>The catalogue version the dossier was received under; later edits of the procedure do not change it.</summary>
    public int ProcedureId { get; set; }

    public required string ProcedureCode { get; set; }
    /// <summary>The procedure's name: the version's (<see cref="ProcedureId"/>, read back on load) unless stored (<see cref="OwnProcedureName"/>).</summary>
    public required string ProcedureName { get; set; }

    /// <summary>
    /// The stored name (column "ProcedureName"): null when it is the version's own name, which the intake marks (issue 25 item
    /// 5: up to ~1 kB a dossier); a query that projects the name reads <c>OwnProcedureName ?? the version's Name</c>.
    /// </summary>
    public string? OwnProcedureName
    {
        get => ProcedureNameFromVersion ? null : ProcedureName;
        set
        {
            if (value is not null)
            {
                ProcedureName = value;
            }
        }
    }

    /// <summary>True when <see cref="ProcedureName"/> is the name of the version <see cref="ProcedureId"/> (so not stored).</summary>
    public bool ProcedureNameFromVersion { get; set; }

    public int ReceivingUnitId { get; set; }
    public OrgUnit? ReceivingUnit { get; set; }
    public required string ReceivingUnitPath { get; set; }

    /// <summary>Where the dossier is now (liên thông: another office or commune); scoping looks at both units.</summary>
    public int CurrentUnitId { get; set; }

    public OrgUnit? CurrentUnit { get; set; }
    public required string CurrentUnitPath { get; set; }

    public Channel Channel { get; set; }
    public string? PostalTrackingNumber { get; set; }
    public DossierStatus Status { get; set; }

    /// <summary>The status a paused dossier (supplement, fee) resumes to.</summary>
    public DossierStatus? PausedFrom { get; set; }

    public required Applicant Applicant { get; set; }
    public string? ApplicantUserId { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>The local (Asia/Ho_Chi_Minh) legal date of receipt.</summary>
    public DateOnly ReceivedOn { get; set; }

    public int LegalWorkingDays { get; set; }

    /// <summary>The legal due date from the calendar (pauses excluded); the indicators judge against it.</summary>
    public DateOnly? LegalDueDate { get; set; }

    /// <summary>The appointment given to the applicant: the legal due date, or the new date of an apology (form 04).</summary>
    public DateOnly? AppointmentDate { get; set; }

    /// <summary>The new date promised in an apology (form 04); the legal due date is kept for the indicators.</summary>
    public DateOnly? ApologyDueDate { get; set; }

    public bool DueDateEstimated { get; set; }
    public int SupplementRequests { get; set; }

    /// <summary>Set by a second supplement request at one unit: the national index counts the dossier as late.</summary>
    public bool CountedLate { get; set; }

    public DateOnly? FinishedOn { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public string? ResultCode { get; set; }
    public string? ResultFileId { get; set; }
    public string? ReturnChannel { get; set; }
    public int ResultCount { get; set; }
    public int EventCount { get; set; }

    // Facts the service indicators count (issue 7); set as the dossier moves, or directly by the historical import.

    /// <summary>approved, refused, stopped or withdrawn; the status alone loses it once the result is returned.</summary>
    public string? FinishKind { get; set; }

    public DateOnly? ReturnedOn { get; set; }

    /// <summary>The fee due at intake in đồng (fixed fee items of the procedure version); 0 when free.</summary>
    public long FeeVnd { get; set; }

    public bool PaidOnline { get; set; }

    /// <summary>Every component has a file (số hóa hồ sơ); computed by <see cref="RecomputeDocumentFacts"/>, never sent by a client.</summary>
    public bool Digitized { get; set; }

    public bool ElectronicResult { get; set; }
    /// <summary>Components reused by reference to a stored document of the applicant (<see cref="DossierDocument.Reused"/>).</summary>
    public int ReusedDocuments { get; set; }

    /// <summary>
    /// Every transfer between units so far was electronic (true), at least one was on paper (false), or the dossier never left
    /// its unit (null): set by each forward from its medium (<see cref="MotCua.Domain.Dossiers.Routing"/>), or by the import.
    /// </summary>
    public bool? RoutedElectronically { get; set; }

    /// <summary>The applicant's overall rating 1–5 after the result was returned.</summary>
    public int? Rating { get; set; }

    public bool Complaint { get; set; }

    /// <summary>Filed online by a desk officer on behalf of a present citizen (counted as online, assisted).</summary>
    public bool Assisted { get; set; }

    /// <summary>When an online dossier was submitted (ReceivedAtUtc moves to the acceptance).</summary>
    public DateTime? SubmittedAtUtc { get; set; }

    /// <summary>Online: submission + 8 working hours of the receiving unit's calendar, the acknowledgement deadline.</summary>
    public DateTime? AckDeadlineUtc { get; set; }

    /// <summary>Online: when the desk first answered (accept, supplement request or refusal).</summary>
    public DateTime? AcknowledgedAtUtc { get; set; }

    /// <summary>Client-generated key of the intake request: a repeat (an offline queue replayed, a double click) returns this dossier.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>Submitted from an account identified through the national identity provider (TaiKhoanDuocXacThucVoiVNeID).</summary>
    public bool ElectronicallyIdentified { get; set; }

    /// <summary>The desk verified the applicant's identity against the chip ID card or VNeID at intake (recorded in the intake event).</summary>
    public bool IdentityVerified { get; set; }

    /// <summary>
    /// The national public-service portal holds this dossier as it is now (true), a change waits to be synced (false), or the
    /// dossier is history imported from elsewhere and is not synced (null). Reset to false by every change (NationalPortal's
    /// save hook), set true only by the sync once the portal confirmed this very version; a concurrency token, so that a change
    /// and the sync's confirmation cannot cross (ADR 0008, issue 22).
    /// </summary>
    public bool? NationalSynced { get; set; }
    public string LastHash { get; set; } = HistoryChain.Genesis;
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>
    /// The components in the order they were handed in: the stored rows merged into <see cref="Components"/>. Read it after
    /// loading <see cref="DocumentRows"/>; a change is written back by <see cref="PackDocuments"/> (called on save).
    /// </summary>
    public List<DossierDocument> Documents
    {
        get => _documents ??= DossierComponents.Merge(this);
        set => _documents = value;
    }

    private List<DossierDocument>? _documents;

    /// <summary>The components that carry something of their own (a file, a reuse, a name outside the list, an unusual kind).</summary>
    public List<DossierDocument> DocumentRows { get; set; } = [];

    /// <summary>
    /// The other components, compact (issue 25 item 5): one token per component in order, "item kind [count] [n]" for a
    /// component of the version's list that carries nothing else, "*" for the next stored row; null: only rows (and every
    /// dossier stored before). Format in <see cref="DossierComponents"/>.
    /// </summary>
    public string? Components { get; set; }

    /// <summary>The names of the version's required-documents list, set on load and at intake (<see cref="ComponentNames"/>); not stored.</summary>
    public string[]? ComponentList { get; set; }

    /// <summary>Splits <see cref="Documents"/> into <see cref="Components"/> and <see cref="DocumentRows"/>, if it was read or set.</summary>
    public void PackDocuments()
    {
        if (_documents is not null)
        {
            (Components, var rows) = DossierComponents.Pack(this, _documents);
            if (!rows.SequenceEqual(DocumentRows))
            {
                DocumentRows = rows;
            }
        }
    }
    public List<DossierPause> Pauses { get; set; } = [];
    public List<DossierStep> Steps { get; set; } = [];

    /// <summary>
    /// Digitized and reused counts from the loaded components (issue 20 items 1 and 8): call it whenever a component
    /// gets or loses a file, so that the indicators follow through the aggregates hook.
    /// </summary>
    public void RecomputeDocumentFacts()
    {
        ComponentFacts[] facts = [.. Documents.Select(x => x.Facts())];
        Digitized = Digitization.IsDigitized(facts);
        ReusedDocuments = Digitization.RealReuses(facts);
    }

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<Dossier>(e =>
        {
            e.ToTable("Dossiers");
            e.Property(d => d.Code).HasMaxLength(64);
            e.HasIndex(d => d.Code).IsUnique();
            e.Property(d => d.Version).IsConcurrencyToken();
            e.Property(d => d.ProcedureCode).HasMaxLength(40);
            e.Ignore(d => d.ProcedureName);
            e.Ignore(d => d.ProcedureNameFromVersion);
            e.Ignore(d => d.ComponentList);
            e.Property(d => d.OwnProcedureName).HasColumnName("ProcedureName").HasMaxLength(1000).UsePropertyAccessMode(PropertyAccessMode.Property);
            e.Property(d => d.ReceivingUnitPath).HasMaxLength(400);
            e.Property(d => d.CurrentUnitPath).HasMaxLength(400);
            e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.PausedFrom).HasConversion<string>().HasMaxLength(32);
            e.Property(d => d.PostalTrackingNumber).HasMaxLength(64);
            e.Property(d => d.ResultCode).HasMaxLength(80);
            e.Property(d => d.ResultFileId).HasMaxLength(128);
            e.Property(d => d.ReturnChannel).HasMaxLength(16);
            e.Property(d => d.FinishKind).HasMaxLength(16);
            e.Property(d => d.LastHash).HasMaxLength(64);
            e.Property(d => d.ApplicantUserId).HasMaxLength(64);
            e.OwnsOne(d => d.Applicant, a =>
            {
                a.Property(x => x.FullName).HasMaxLength(200).HasColumnName("ApplicantName");
                a.Property(x => x.IdNumber).HasMaxLength(12).HasColumnName("ApplicantIdNumber");
                a.Property(x => x.TaxCode).HasMaxLength(14).HasColumnName("ApplicantTaxCode");
                a.Property(x => x.BirthDate).HasColumnName("ApplicantBirthDate");
                a.Property(x => x.Phone).HasMaxLength(20).HasColumnName("ApplicantPhone");
                a.Property(x => x.Email).HasMaxLength(200).HasColumnName("ApplicantEmail");
                a.Property(x => x.Address).HasMaxLength(500).HasColumnName("ApplicantAddress");
                // The search box (DossierSearch): by citizen ID number, and by the beginning of the applicant's name, byte-wise.
                a.HasIndex(x => x.IdNumber).HasFilter("\"ApplicantIdNumber\" IS NOT NULL");
                // With the key after the name: a name search reads in (name, Id) order and stops at the page (issue 25.3).
                a.HasIndex([nameof(Applicant.FullName), "DossierId"], "IX_Dossiers_ApplicantName").UseCollation("C", null!);
            });
            e.HasOne(d => d.ReceivingUnit).WithMany().HasForeignKey(d => d.ReceivingUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(d => d.CurrentUnit).WithMany().HasForeignKey(d => d.CurrentUnitId).OnDelete(DeleteBehavior.Restrict);
            // A status within a scope (the workspace's counts, its return groups with the delivery probe by Id) seeks its
            // entries, index-only; a scope without a status reads (ReceivingUnitPath, ReceivedOn) and (CurrentUnitPath, Status).
            e.HasIndex(d => new { d.Status, d.ReceivingUnitPath, d.Id });
            e.HasIndex(d => new { d.Status, d.CurrentUnitPath, d.Id });
            e.HasIndex(d => new { d.CurrentUnitPath, d.Status });
            // Inbox order (Status=, AppointmentDate, Id) and the inbox counts answered from the index alone (docs/benchmarks-inbox.md).
            e.HasIndex(d => new { d.Status, d.AppointmentDate, d.ReceivingUnitPath, d.CurrentUnitPath });
            e.HasIndex(d => d.ReceivedOn);
            // The tracking book of a unit's month (form 07): the unit's path range, then the period.
            e.HasIndex(d => new { d.ReceivingUnitPath, d.ReceivedOn });
            // The indicators count assisted filings per period from the dossiers: a partial index holds only those few rows.
            e.HasIndex(d => new { d.ReceivedOn, d.ReceivingUnitPath }, "IX_Dossiers_Assisted").HasFilter("\"Assisted\"");
            e.Property(d => d.IdempotencyKey).HasMaxLength(64);
            e.Property(d => d.NationalSynced).IsConcurrencyToken();
            // The national sync's queue: only the dossiers waiting for it, oldest change first.
            e.HasIndex(d => d.UpdatedAtUtc, "IX_Dossiers_NationalUnsynced").HasFilter("NOT \"NationalSynced\"");
            // Only intakes that sent a key have one: the bulk import and most intakes then skip this B-tree (docs/decisions/0020).
            e.HasIndex(d => d.IdempotencyKey).IsUnique().HasFilter("\"IdempotencyKey\" IS NOT NULL");
            e.Ignore(d => d.Documents);
            e.Property(d => d.Components).HasMaxLength(2000);
            e.HasMany(d => d.DocumentRows).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Pauses).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Steps).WithOne().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<DossierDocument>(e =>
        {
            e.ToTable("DossierDocuments");
            // The name is stored only for a component outside the version's list (ComponentNames, issue 25 item 5).
            e.Ignore(x => x.Name);
            e.Property(x => x.OwnName).HasColumnName("Name").HasMaxLength(1000).UsePropertyAccessMode(PropertyAccessMode.Property);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.FileId).HasMaxLength(128);
        });
        b.Entity<DossierPause>(e =>
        {
            e.ToTable("DossierPauses");
            e.Property(x => x.Reason).HasMaxLength(32);
        });
        b.Entity<DossierStep>(e =>
        {
            e.ToTable("DossierSteps");
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.Role).HasMaxLength(32);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<DossierEvent>(e =>
        {
            e.ToTable("DossierEvents");
            e.HasIndex(x => new { x.DossierId, x.Sequence }).IsUnique();
            e.HasOne(x => x.Dossier).WithMany().HasForeignKey(x => x.DossierId).OnDelete(DeleteBehavior.Restrict);
            e.Property(x => x.DossierCode).HasMaxLength(64);
            e.Property(x => x.ActorId).HasMaxLength(64);
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.Action).HasMaxLength(40);
            e.Property(x => x.StateBefore).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.StateAfter).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Note).HasMaxLength(4000);
            e.Property(x => x.Attachments).HasMaxLength(2000);
            e.Property(x => x.UnitCode).HasMaxLength(40);
            e.Property(x => x.ToUnitCode).HasMaxLength(40);
            e.Property(x => x.ReasonCode).HasMaxLength(40);
            e.Property(x => x.Medium).HasMaxLength(16);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
        });
        b.Entity<DossierCounter>(e =>
        {
            e.ToTable("DossierCounters");
            e.HasKey(x => new { x.UnitId, x.Day });
        });
    }
}

/// <summary>The applicant as written on form 01; personal data, masked in public views and never logged.</summary>
public sealed class Applicant
{
    public required string FullName { get; set; }
    public string? IdNumber { get; set; }
    public string? TaxCode { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
}

public sealed class DossierDocument
{
    public long Id { get; set; }
    public long DossierId { get; set; }

    /// <summary>The name: from the procedure version's list when <see cref="Item"/> is set, else stored (<see cref="OwnName"/>).</summary>
    public required string Name { get; set; }

    /// <summary>The procedure version whose required-documents list <see cref="Item"/> points into (the dossier's own version).</summary>
    public int? ProcedureId { get; set; }

    /// <summary>The component's position in that list (from 0); null for a document outside it, e.g. one the desk added.</summary>
    public short? Item { get; set; }

    /// <summary>The stored name: only for a component outside the list (and rows stored before issue 25 that matched none).</summary>
    public string? OwnName
    {
        get => Item is null ? Name : null;
        set
        {
            if (value is not null)
            {
                Name = value;
            }
        }
    }

    /// <summary>
    /// The component's identifier outside (the national portal's MaThanhPhanHoSo): the row id, or for a compact component
    /// "{dossier id}.{position in the compact column}" (no row, so no id of its own).
    /// </summary>
    public string Reference => Id != 0 || CompactPosition < 0
        ? Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DossierId}.{CompactPosition}");

    internal int CompactPosition { get; set; } = -1;

    public string Kind { get; set; } = "copy";
    public string? FileId { get; set; }
    public int Count { get; set; } = 1;

    /// <summary>Taken from an earlier dossier or the citizen's data store instead of being submitted again; set only with a reference below.</summary>
    public bool Reused { get; set; }

    /// <summary>The component of an earlier dossier of the same applicant that this one reuses.</summary>
    public long? ReusedFromDocumentId { get; set; }

    /// <summary>The document of the applicant's personal data store (<c>StoredDocuments</c>) that this one reuses.</summary>
    public long? ReusedFromStoredDocumentId { get; set; }

    /// <summary>The applicant agreed to the reuse: ticked by the desk in the applicant's presence, or the citizen's own choice online.</summary>
    public bool ReuseConsented { get; set; }

    public ComponentFacts Facts() =>
        new(FileId is not null, Reused && (ReusedFromDocumentId is not null || ReusedFromStoredDocumentId is not null));
}

/// <summary>A clock pause: supplement requested → received, or fee requested → confirmed.</summary>
public sealed class DossierPause
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public required string Reason { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
}

/// <summary>One step of the processing template, with its own budget and deadline.</summary>
public sealed class DossierStep
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public int Order { get; set; }
    public required string Name { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public required string Role { get; set; }
    public int WorkingDays { get; set; }
    public DateOnly? DueDate { get; set; }
    public DateTime? StartedAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
}

/// <summary>
/// One append-only, hash-chained history event. Nothing updates or deletes these rows: the DbContext refuses it and
/// database triggers refuse it too.
/// </summary>
public sealed class DossierEvent
{
    public long Id { get; set; }
    public long DossierId { get; set; }
    public Dossier? Dossier { get; set; }
    public required string DossierCode { get; set; }
    public long Sequence { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public DossierStatus? StateBefore { get; set; }
    public DossierStatus StateAfter { get; set; }
    public string? Note { get; set; }
    public string? Attachments { get; set; }
    public DateOnly? DueDateBefore { get; set; }
    public DateOnly? DueDateAfter { get; set; }
    public string? UnitCode { get; set; }
    public string? ToUnitCode { get; set; }

    /// <summary>The code of the reason chosen from <see cref="DecisionReason"/> (its text is in the hashed note).</summary>
    public string? ReasonCode { get; set; }

    /// <summary>A forward's medium: "electronic" or "paper" (issue 20); null on every other event.</summary>
    public string? Medium { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    /// <summary>Every stored column but the surrogate keys and the hashes themselves (HistoryChain v2).</summary>
    public EventContent Content() => new()
    {
        DossierCode = DossierCode,
        Sequence = Sequence,
        AtUtcTicks = EventContent.Ticks(AtUtc),
        ActorId = ActorId,
        ActorName = ActorName,
        Action = Action,
        StateBefore = StateBefore,
        StateAfter = StateAfter,
        Note = Note,
        // Null is no attachment; "" is one empty id (never written), so that the two do not hash alike.
        Attachments = Attachments is null ? [] : Attachments.Split('\n'),
        DueDateBefore = DueDateBefore,
        DueDateAfter = DueDateAfter,
        UnitCode = UnitCode,
        ToUnitCode = ToUnitCode,
        ReasonCode = ReasonCode,
        Medium = Medium,
    };
}

/// <summary>The last sequence number used per (receiving unit, local date): codes without gaps or duplicates.</summary>
public sealed class DossierCounter
{
    public int UnitId { get; set; }
    public DateOnly Day { get; set; }
    public int Last { get; set; }
}
