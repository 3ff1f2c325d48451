using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

public static class AccountsSetup
{
    public const string SmartScheme = "CookieOrBearer";
    public const string StaffPolicy = "staff";
    public const string AdminPolicy = "admin";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            // Pages sign in with a cookie; API clients send "Authorization: Bearer" from /api/v1/auth/token.
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies(c => c.ApplicationCookie?.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/Denied";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                // The API answers 401/403 instead of redirecting to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
            }));

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<UnitClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<DemoPasswordFlag>()
            .AddErrorDescriber<VietnameseIdentityErrors>();

        services.AddScoped<SignInWithPassword>();
        services.AddScoped<CreateAdministrator>();
        services.AddScoped<RegisterApiClient>();
        services.AddScoped<RotateApiClientSecret>();
        services.AddScoped<RevokeApiClient>();
        services.AddScoped<AuthenticateApiClient>();
        services.AddAuthorizationBuilder()
            // A machine client passes the staff policy too, but ApiClientGate lets it reach only endpoints that declare one of its scopes.
            .AddPolicy(StaffPolicy, p => p.RequireAssertion(c => Array.Exists(Roles.Staff, c.User.IsInRole) || c.User.IsClient()).RequireClaim(AppClaims.UnitPath))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    private static Task ApiOrRedirect(HttpContext ctx, string redirectUri, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Issues an opaque bearer token protected by the shared data-protection keys (kept in the database).</summary>
    internal static (string Token, DateTimeOffset ExpiresAt) IssueToken(
        ClaimsPrincipal principal, IOptionsMonitor<BearerTokenOptions> options, TimeProvider time)
    {
        var o = options.Get(IdentityConstants.BearerScheme);
        var expires = time.GetUtcNow() + o.BearerTokenExpiration;
        var ticket = new Microsoft.AspNetCore.Authentication.AuthenticationTicket(
            principal,
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties { ExpiresUtc = expires, IssuedUtc = time.GetUtcNow() },
            IdentityConstants.BearerScheme);
        return (o.BearerTokenProtector.Protect(ticket), expires);
    }
}

/// <summary>Adds the unit claims so that scoping needs no database round trip per request.</summary>
public sealed class UnitClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.FullName, user.FullName));
        if (user.ElectronicallyIdentified)
        {
            identity.AddClaim(new Claim(AppClaims.ElectronicId, "true"));
        }
        if (user.UnitId is { } unitId)
        {
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId);
            identity.AddClaim(new Claim(AppClaims.UnitId, unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(AppClaims.UnitPath, unit.Path));
            identity.AddClaim(new Claim(AppClaims.UnitName, unit.Name));
        }

        return identity;
    }
}

/// <summary>Identity's validation messages in Vietnamese, the product's default language.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập '{userName}' đã được dùng." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Tên đăng nhập '{userName}' chỉ được gồm chữ không dấu, số và - . _ @ +." };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải có ít nhất {length} ký tự." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Mật khẩu phải có ít nhất một chữ số." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Mật khẩu phải có ít nhất một chữ thường." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Mật khẩu phải có ít nhất một chữ hoa." };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Mật khẩu phải có ít nhất một ký tự đặc biệt." };
}
