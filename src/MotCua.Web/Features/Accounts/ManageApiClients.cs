using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Security;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

/// <summary>Registers a machine client: the secret is shown once (in the outcome) and only its hash is stored.</summary>
public sealed class RegisterApiClient(AppDbContext db, TimeProvider time, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t)
{
    public sealed record Request(string? Name, string? UnitCode, IReadOnlyCollection<string> Scopes);

    public abstract record Outcome;
    public sealed record Registered(ApiClient Client, string Secret) : Outcome;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public async Task<Outcome> HandleAsync(Request r, string byUser, string? clientIp, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors["name"] = [t["Cần nhập tên hệ thống (tối đa 200 ký tự)."]];
        }

        var today = VietnamTime.Today(time);
        var code = r.UnitCode?.Trim() ?? "";
        var unit = code.Length == 0 ? null : await db.Units.SingleOrDefaultAsync(u => u.Code == code, ct);
        if (unit is null || unit.ValidTo < today)
        {
            errors["unitCode"] = [t["Mã đơn vị không có hoặc đơn vị đã chấm dứt hoạt động."]];
        }

        var scopes = r.Scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        if (scopes.Length == 0 || scopes.Any(s => !ClientScopes.All.Contains(s)))
        {
            errors["scopes"] = [t["Chọn ít nhất một phạm vi trong: {0}.", string.Join(", ", ClientScopes.All)]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var (secret, hash) = ApiClient.NewSecret();
        var client = new ApiClient
        {
            ClientId = ApiClient.NewClientId(),
            Name = name,
            UnitId = unit!.Id,
            Unit = unit,
            Scopes = string.Join(' ', ClientScopes.All.Where(scopes.Contains)),
            SecretHash = hash,
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = byUser,
        };
        db.ApiClients.Add(client);
        Audit.Add(db, time, AuditKind.ClientRegistered, byUser, client.ClientId, $"{name} · {unit.Code} · {client.Scopes}", clientIp);
        await db.SaveChangesAsync(ct);
        return new Registered(client, secret);
    }
}

/// <summary>Gives a client a new secret: the old secret and every token issued under it stop working at once.</summary>
public sealed class RotateApiClientSecret(AppDbContext db, TimeProvider time)
{
    public abstract record Outcome;
    public sealed record Rotated(ApiClient Client, string Secret) : Outcome;
    public sealed record NotFound : Outcome;
    public sealed record Revoked : Outcome;

    public async Task<Outcome> HandleAsync(string clientId, string byUser, string? clientIp, CancellationToken ct)
    {
        var client = await db.ApiClients.Include(c => c.Unit).SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null)
        {
            return new NotFound();
        }

        if (client.RevokedAtUtc is not null)
        {
            return new Revoked();
        }

        var (secret, hash) = ApiClient.NewSecret();
        client.SecretHash = hash;
        client.Stamp++;
        client.RotatedAtUtc = time.GetUtcNow().UtcDateTime;
        Audit.Add(db, time, AuditKind.ClientSecretRotated, byUser, client.ClientId, client.Name, clientIp);
        await db.SaveChangesAsync(ct);
        return new Rotated(client, secret);
    }
}

/// <summary>Revokes a client for good: no new token, and its tokens are refused from the next request.</summary>
public sealed class RevokeApiClient(AppDbContext db, TimeProvider time)
{
    public abstract record Outcome;
    public sealed record Done(ApiClient Client) : Outcome;
    public sealed record NotFound : Outcome;

    public async Task<Outcome> HandleAsync(string clientId, string byUser, string? clientIp, CancellationToken ct)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null)
        {
            return new NotFound();
        }

        if (client.RevokedAtUtc is null)
        {
            client.RevokedAtUtc = time.GetUtcNow().UtcDateTime;
            client.Stamp++;
            Audit.Add(db, time, AuditKind.ClientRevoked, byUser, client.ClientId, client.Name, clientIp);
            await db.SaveChangesAsync(ct);
        }

        return new Done(client);
    }
}

/// <summary>The client-credentials grant (RFC 6749 §4.4): checks the client and the requested scopes, builds the token's principal.</summary>
public sealed class AuthenticateApiClient(AppDbContext db, TimeProvider time)
{
    public abstract record Outcome;
    public sealed record Authenticated(ClaimsPrincipal Principal, string[] Scopes) : Outcome;

    /// <summary>Unknown client, wrong secret or revoked: one answer for all three (RFC 6749 §5.2 invalid_client).</summary>
    public sealed record InvalidClient : Outcome;
    public sealed record InvalidScope(string Scope) : Outcome;

    public async Task<Outcome> HandleAsync(string clientId, string secret, string? scope, string? clientIp, CancellationToken ct)
    {
        var client = await db.ApiClients.AsNoTracking().Include(c => c.Unit).SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null || client.RevokedAtUtc is not null || !client.SecretMatches(secret))
        {
            Audit.Add(db, time, AuditKind.ClientTokenRefused, "client:" + clientId, client?.ClientId, client is null ? "unknown" : client.RevokedAtUtc is null ? "secret" : "revoked", clientIp);
            await db.SaveChangesAsync(ct);
            return new InvalidClient();
        }

        var granted = client.ScopeList;
        var requested = scope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (requested.FirstOrDefault(s => !granted.Contains(s)) is { } refused)
        {
            return new InvalidScope(refused);
        }

        // No scope asked: every scope the client holds (RFC 6749 §3.3 allows a pre-defined default).
        var scopes = requested.Length == 0 ? granted : [.. granted.Where(requested.Contains)];
        var identity = new ClaimsIdentity("ApiClient", ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, "client:" + client.ClientId));
        identity.AddClaim(new Claim(ClaimTypes.Name, "client:" + client.ClientId));
        identity.AddClaim(new Claim(AppClaims.FullName, client.Name));
        identity.AddClaim(new Claim(AppClaims.Client, client.ClientId));
        identity.AddClaim(new Claim(AppClaims.ClientStamp, client.Stamp.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaims.UnitId, client.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(AppClaims.UnitPath, client.Unit!.Path));
        identity.AddClaim(new Claim(AppClaims.UnitName, client.Unit.Name));
        foreach (var s in scopes)
        {
            identity.AddClaim(new Claim(ClientScopes.Claim, s));
        }

        if (scopes.Contains(ClientScopes.DossiersWrite))
        {
            // A receiving system (a portal, the data-sharing platform) acts as its unit's one-stop desk, named in the history.
            identity.AddClaim(new Claim(ClaimTypes.Role, Roles.Desk));
        }

        Audit.Add(db, time, AuditKind.ClientToken, "client:" + client.ClientId, client.ClientId, string.Join(' ', scopes), clientIp);
        await db.SaveChangesAsync(ct);
        return new Authenticated(new ClaimsPrincipal(identity), scopes);
    }
}
