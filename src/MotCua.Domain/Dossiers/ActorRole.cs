namespace MotCua.Domain.Dossiers;

/// <summary>The capacity in which someone acts on a dossier.</summary>
public enum ActorRole
{
    /// <summary>Cán bộ một cửa: receives and returns.</summary>
    Desk,

    /// <summary>Chuyên viên: processes.</summary>
    Specialist,

    /// <summary>Lãnh đạo: approves, refuses, stops.</summary>
    Leader,

    /// <summary>Quản trị viên: administers the system, never decides dossiers.</summary>
    Admin,

    /// <summary>The applicant (citizen or business) who filed the dossier.</summary>
    Applicant,

    /// <summary>The system itself (online payment confirmation, online result delivery, portal supplements).</summary>
    System,
}

/// <summary>Labels and account-role mapping of <see cref="ActorRole"/>.</summary>
public static class ActorRoles
{
    /// <summary>Every role in declaration order.</summary>
    public static IReadOnlyList<ActorRole> All { get; } = Enum.GetValues<ActorRole>();

    /// <summary>Maps an account role name (<c>desk</c>, <c>specialist</c>, <c>leader</c>, <c>admin</c>, <c>citizen</c>) to an actor role; null for roles that never act on dossiers.</summary>
    public static ActorRole? FromAccountRole(string? role) => role switch
    {
        "desk" => ActorRole.Desk,
        "specialist" => ActorRole.Specialist,
        "leader" => ActorRole.Leader,
        "admin" => ActorRole.Admin,
        "citizen" => ActorRole.Applicant,
        _ => null,
    };

    /// <summary>Vietnamese label.</summary>
    public static string Label(this ActorRole role) => role switch
    {
        ActorRole.Desk => "Cán bộ một cửa",
        ActorRole.Specialist => "Chuyên viên",
        ActorRole.Leader => "Lãnh đạo",
        ActorRole.Admin => "Quản trị viên",
        ActorRole.Applicant => "Người nộp hồ sơ",
        ActorRole.System => "Hệ thống",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
