using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Accounts;

public sealed class AppUser : IdentityUser
{
    public string FullName { get; set; } = "";

    /// <summary>The staff member's unit; null for citizens and businesses.</summary>
    public int? UnitId { get; set; }

    public OrgUnit? Unit { get; set; }

    /// <summary>Personal ID (citizens) — never logged, masked in public views.</summary>
    public string? IdNumber { get; set; }

    public string? TaxCode { get; set; }

    /// <summary>Set when the account was created with the demo password, cleared when the password changes.</summary>
    public bool HasDemoPassword { get; set; }

    /// <summary>Signed in through the national identity provider (VNeID-style OpenID Connect) at least once.</summary>
    public bool ElectronicallyIdentified { get; set; }

    internal static void Configure(ModelBuilder b) => b.Entity<AppUser>(e =>
    {
        e.Property(u => u.FullName).HasMaxLength(200);
        e.Property(u => u.IdNumber).HasMaxLength(12);
        e.Property(u => u.TaxCode).HasMaxLength(14);
        e.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(u => u.IdNumber);
    });
}

public static class Roles
{
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string Desk = "desk";
    public const string Specialist = "specialist";
    public const string Reform = "reform";
    public const string Citizen = "citizen";

    public static readonly string[] All = [Admin, Leader, Desk, Specialist, Reform, Citizen];
    public static readonly string[] Staff = [Admin, Leader, Desk, Specialist, Reform];

    public static string DisplayName(string role) => role switch
    {
        Admin => "Quản trị hệ thống",
        Leader => "Lãnh đạo",
        Desk => "Cán bộ một cửa",
        Specialist => "Chuyên viên",
        Reform => "Công chức Phòng Nội vụ",
        Citizen => "Công dân / doanh nghiệp",
        _ => role,
    };
}

public static class AppClaims
{
    public const string UnitId = "motcua:unit_id";
    public const string UnitPath = "motcua:unit_path";
    public const string UnitName = "motcua:unit_name";
    public const string FullName = "motcua:full_name";
    public const string ElectronicId = "motcua:eid";

    /// <summary>On a machine client's token: its client_id, and the stamp the token was issued under.</summary>
    public const string Client = "motcua:client_id";
    public const string ClientStamp = "motcua:client_stamp";
}
