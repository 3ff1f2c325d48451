using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Organisation;

public enum UnitKind
{
    Province,
    District,
    Commune,
    Office,
    Desk,
}

/// <summary>
/// A unit of the organisation tree, dated so that the pre- and post-1/7/2025 structures live side by side.
/// <see cref="Path"/> is the materialised path of codes ending in '/', so "this unit's subtree" is one prefix filter.
/// </summary>
public sealed class OrgUnit
{
    public int Id { get; set; }

    /// <summary>National code (GSO administrative code, or the QĐ 20/2020 identifier for offices and desks).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public OrgUnit? Parent { get; set; }
    public required string Path { get; set; }
    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day the unit exists (inclusive); null while current.</summary>
    public DateOnly? ValidTo { get; set; }

    public int? SuccessorId { get; set; }
    public OrgUnit? Successor { get; set; }

    /// <summary>False for data reported by third parties and not yet checked against an official act.</summary>
    public bool Confirmed { get; set; } = true;

    public string? Note { get; set; }

    public bool IsValidOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public static string ChildPath(string? parentPath, string code) => $"{parentPath}{code}/";

    internal static void Configure(ModelBuilder b) => b.Entity<OrgUnit>(e =>
    {
        e.ToTable("Units");
        e.Property(u => u.Code).HasMaxLength(40);
        e.Property(u => u.Name).HasMaxLength(200);
        e.Property(u => u.Path).HasMaxLength(400);
        e.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(u => u.Note).HasMaxLength(1000);
        e.HasIndex(u => u.Code).IsUnique();
        e.HasIndex(u => u.Path);
        e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(u => u.Successor).WithMany().HasForeignKey(u => u.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    });
}
