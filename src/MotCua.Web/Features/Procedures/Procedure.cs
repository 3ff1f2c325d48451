using Microsoft.EntityFrameworkCore;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Procedures;

public enum FeeKind
{
    Fixed,
    PerPage,
    PerCopy,
    SetByProvincialCouncil,
}

public enum OnlineMode
{
    None,
    Partial,
    Full,
}

public enum ResultKind
{
    Paper,
    Electronic,
    Both,
}

public enum StepRole
{
    Desk,
    Specialist,
    Leader,
}

public sealed class FeeItem
{
    public FeeKind Kind { get; set; }
    public string Name { get; set; } = "Lệ phí";

    /// <summary>Đồng; null while a provincial council resolution has not been entered.</summary>
    public long? Amount { get; set; }

    public bool IsDemoValue { get; set; }
}

public sealed class RequiredDocument
{
    public string Name { get; set; } = "";
    public DocumentKind Kind { get; set; }
    public int Count { get; set; } = 1;

    /// <summary>May be taken from the citizen's data store instead of being handed in again (NĐ 45/2020).</summary>
    public bool Reusable { get; set; }
}

public sealed class TemplateStep
{
    public int Order { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Kind of unit that performs the step; <see cref="UnitCode"/> narrows it to one unit.</summary>
    public UnitKind UnitKind { get; set; }

    public string? UnitCode { get; set; }
    public StepRole Role { get; set; }
    public int WorkingDays { get; set; }

    /// <summary>Liên thông: the step runs at another unit than the one that received the dossier.</summary>
    public bool IsInterUnit { get; set; }
}

/// <summary>
/// One version of a procedure of the national catalogue. Versions of a code never overlap; the current one has no
/// <see cref="ValidTo"/>. A dossier keeps the <see cref="Id"/> of the version it was received under.
/// </summary>
public sealed class Procedure
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int VersionNo { get; set; } = 1;
    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day in force (inclusive); null while current.</summary>
    public DateOnly? ValidTo { get; set; }

    public required string Name { get; set; }
    public string Field { get; set; } = "";

    /// <summary>Levels as in the national database, joined by ';' (e.g. "tỉnh;xã").</summary>
    public string Levels { get; set; } = "";

    public UnitKind CompetentUnitKind { get; set; } = UnitKind.Commune;
    public int? ProcessingDays { get; set; }
    public int? ProcessingHours { get; set; }
    public bool ProcessingTimeIsDemo { get; set; }
    public List<FeeItem> Fees { get; set; } = [];
    public List<RequiredDocument> Documents { get; set; } = [];
    public List<TemplateStep> Steps { get; set; } = [];
    public bool TemplateIsDemo { get; set; }
    public OnlineMode OnlineMode { get; set; }
    public bool OnlineModeIsDemo { get; set; }
    public ResultKind ResultKind { get; set; } = ResultKind.Paper;
    public string? LegalBasis { get; set; }

    /// <summary>Cơ quan thực hiện, as the national database words it (null until a national JSON or Excel file gives it).</summary>
    public string? Agency { get; set; }

    /// <summary>Trình tự thực hiện: the national database's text; the routing template is <see cref="Steps"/>.</summary>
    public string? Sequence { get; set; }

    public string? Source { get; set; }

    /// <summary>Hash of the CSV row this version was last imported from: an unchanged row is skipped on re-import.</summary>
    public string? SourceHash { get; set; }

    public string SearchName { get; set; } = "";
    public string SearchText { get; set; } = "";
    public DateTime ChangedAtUtc { get; set; }
    public string? ChangedBy { get; set; }

    public string[] LevelList => Levels.Split(';', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> IncompleteReasons
    {
        get
        {
            var reasons = new List<string>();
            if (ProcessingDays is null && ProcessingHours is null)
            {
                reasons.Add("Chưa có thời hạn giải quyết.");
            }

            if (Fees.Count == 0 || Fees.Any(f => f.Amount is null))
            {
                reasons.Add("Chưa có mức phí, lệ phí.");
            }

            return reasons;
        }
    }

    public bool Incomplete => IncompleteReasons.Count > 0;

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    /// <summary>Dossiers are received only under a current, complete version.</summary>
    public bool CanReceive => ValidTo is null && !Incomplete;

    public string? CannotReceiveReason => ValidTo is not null
        ? "Phiên bản thủ tục này đã hết hiệu lực."
        : Incomplete ? "Thủ tục chưa đủ thông tin: " + string.Join(" ", IncompleteReasons) : null;

    public bool HasFee => Fees.Any(f => f.Amount is null or > 0);

    public void RefreshSearch()
    {
        SearchName = TextFolding.Fold(Name);
        SearchText = TextFolding.Fold(Code + " " + Name + " " + Field);
    }

    /// <summary>The next version, effective from <paramref name="from"/>; closes this one the day before.</summary>
    public Procedure NextVersion(DateOnly from)
    {
        ValidTo = from.AddDays(-1);
        return new Procedure
        {
            Code = Code,
            VersionNo = VersionNo + 1,
            ValidFrom = from,
            Name = Name,
            Field = Field,
            Levels = Levels,
            CompetentUnitKind = CompetentUnitKind,
            ProcessingDays = ProcessingDays,
            ProcessingHours = ProcessingHours,
            ProcessingTimeIsDemo = ProcessingTimeIsDemo,
            Fees = [.. Fees.Select(f => new FeeItem { Kind = f.Kind, Name = f.Name, Amount = f.Amount, IsDemoValue = f.IsDemoValue })],
            Documents = [.. Documents.Select(d => new RequiredDocument { Name = d.Name, Kind = d.Kind, Count = d.Count, Reusable = d.Reusable })],
            Steps = [.. Steps.Select(s => new TemplateStep { Order = s.Order, Name = s.Name, UnitKind = s.UnitKind, UnitCode = s.UnitCode, Role = s.Role, WorkingDays = s.WorkingDays, IsInterUnit = s.IsInterUnit })],
            TemplateIsDemo = TemplateIsDemo,
            OnlineMode = OnlineMode,
            OnlineModeIsDemo = OnlineModeIsDemo,
            ResultKind = ResultKind,
            LegalBasis = LegalBasis,
            Agency = Agency,
            Sequence = Sequence,
            Source = Source,
            SourceHash = SourceHash,
        };
    }

    internal static void Configure(ModelBuilder b)
    {
        b.Entity<Procedure>(e =>
        {
            e.ToTable("Procedures");
            e.Property(p => p.Code).HasMaxLength(40);
            e.Property(p => p.Name).HasMaxLength(1000);
            e.Property(p => p.Field).HasMaxLength(200);
            e.Property(p => p.Levels).HasMaxLength(200);
            e.Property(p => p.CompetentUnitKind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.OnlineMode).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.ResultKind).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.LegalBasis).HasMaxLength(ProcedureRow.MaxLegalBasis);
            e.Property(p => p.Agency).HasMaxLength(ProcedureRow.MaxAgency);
            e.Property(p => p.Sequence).HasMaxLength(ProcedureRow.MaxSequence);
            e.Property(p => p.Source).HasMaxLength(2000);
            e.Property(p => p.SourceHash).HasMaxLength(64);
            e.Property(p => p.SearchName).HasMaxLength(1000);
            e.Property(p => p.SearchText).HasMaxLength(1400);
            e.Property(p => p.ChangedBy).HasMaxLength(256);
            e.HasIndex(p => new { p.Code, p.VersionNo }).IsUnique();
            e.HasIndex(p => new { p.Code, p.ValidTo });
            e.HasIndex(p => p.Field);
            e.Ignore(p => p.LevelList);
            e.Ignore(p => p.IncompleteReasons);
            e.Ignore(p => p.Incomplete);
            e.Ignore(p => p.CanReceive);
            e.Ignore(p => p.CannotReceiveReason);
            e.Ignore(p => p.HasFee);
            e.OwnsMany(p => p.Fees, o =>
            {
                o.ToJson();
                o.Property(f => f.Kind).HasConversion<string>();
            });
            e.OwnsMany(p => p.Documents, o =>
            {
                o.ToJson();
                o.Property(d => d.Kind).HasConversion<string>();
            });
            e.OwnsMany(p => p.Steps, o =>
            {
                o.ToJson();
                o.Property(s => s.UnitKind).HasConversion<string>();
                o.Property(s => s.Role).HasConversion<string>();
            });
        });
        UnitProcedure.Configure(b);
    }
}

/// <summary>A unit accepts dossiers of a procedure (by national code, whatever its version) during a period.</summary>
public sealed class UnitProcedure
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public OrgUnit? Unit { get; set; }
    public required string ProcedureCode { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<UnitProcedure>(e =>
    {
        e.ToTable("UnitProcedures");
        e.Property(u => u.ProcedureCode).HasMaxLength(40);
        e.HasIndex(u => new { u.UnitId, u.ProcedureCode, u.ValidFrom }).IsUnique();
        e.HasIndex(u => u.ProcedureCode);
        e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Cascade);
    });
}
