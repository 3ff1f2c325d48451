using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace MotCua.Web.Features.Accounts;

/// <summary>
/// A machine client (another system: the province's data-sharing platform, a bank, a national system) that gets bearer
/// tokens with the OAuth 2.0 client-credentials grant; it sees one unit's subtree and calls only endpoints declaring one of its scopes.
/// </summary>
public sealed class ApiClient
{
    public int Id { get; set; }

    /// <summary>The public identifier the client sends as client_id ("mc_" and 16 hex digits).</summary>
    public required string ClientId { get; set; }

    public required string Name { get; set; }
    public int UnitId { get; set; }
    public Organisation.OrgUnit? Unit { get; set; }

    /// <summary>Allowed scopes separated by spaces (RFC 6749 §3.3).</summary>
    public required string Scopes { get; set; }

    /// <summary>SHA-256 of the secret: the secret is 32 random bytes, so no slow hash is needed.</summary>
    public required byte[] SecretHash { get; set; }

    /// <summary>Bumped on each rotation and on revocation; a token carries the stamp it was issued under and dies when it changes.</summary>
    public int Stamp { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RotatedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    public string[] ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    internal static void Configure(ModelBuilder b) => b.Entity<ApiClient>(e =>
    {
        e.ToTable("ApiClients");
        e.Property(x => x.ClientId).HasMaxLength(40);
        e.HasIndex(x => x.ClientId).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Scopes).HasMaxLength(200);
        e.Property(x => x.SecretHash).HasMaxLength(32);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.Ignore(x => x.ScopeList);
    });

    /// <summary>A new secret (32 random bytes, base64url) and its hash.</summary>
    internal static (string Secret, byte[] Hash) NewSecret()
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (secret, Hash(secret));
    }

    internal static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));

    /// <summary>Compares in constant time, so the answer time tells nothing about how much of a guess was right.</summary>
    public bool SecretMatches(string secret) => CryptographicOperations.FixedTimeEquals(Hash(secret), SecretHash);

    internal static string NewClientId() => "mc_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The scopes a machine client may hold, and the endpoint metadata that lets a client in.</summary>
public static class ClientScopes
{
    public const string DossiersRead = Infrastructure.ClientScope.DossiersRead;
    public const string DossiersWrite = Infrastructure.ClientScope.DossiersWrite;
    public const string IndicatorsRead = Infrastructure.ClientScope.IndicatorsRead;

    public static IReadOnlyList<string> All { get; } = [.. Infrastructure.ClientScope.All.Select(s => s.Scope)];

    /// <summary>The claim type of one granted scope on a client's token.</summary>
    public const string Claim = "scope";

    public static bool IsClient(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == AppClaims.Client);
}
