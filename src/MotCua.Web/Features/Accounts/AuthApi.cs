using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Accounts;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MeResponse(string Username, string FullName, string[] Roles, string? UnitName, string? UnitPath);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).AllowAnonymous();
        app.MapGet("/api/v1/me", Me).WithTags("Auth").RequireAuthorization();
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest body,
        UserManager<AppUser> users,
        SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider time,
        IStringLocalizer<SharedResource> t,
        HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
        {
            return TypedResults.Problem(t["Cần nhập tên đăng nhập và mật khẩu."], statusCode: StatusCodes.Status400BadRequest);
        }

        var user = await users.FindByNameAsync(body.Username);
        if (user is null)
        {
            await Security.Audit.SignInAsync(http, time, body.Username, Security.AuditKind.SignInFailed, "api");
            return TypedResults.Problem(t["Tên đăng nhập hoặc mật khẩu không đúng."], statusCode: StatusCodes.Status401Unauthorized);
        }

        var result = await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
        await Security.Audit.SignInAsync(http, time, user.UserName!, result.Succeeded ? Security.AuditKind.SignIn : result.IsLockedOut ? Security.AuditKind.SignInLockedOut : Security.AuditKind.SignInFailed, "api");
        if (result.IsLockedOut)
        {
            return TypedResults.Problem(t["Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau."], statusCode: StatusCodes.Status423Locked);
        }

        if (!result.Succeeded)
        {
            return TypedResults.Problem(t["Tên đăng nhập hoặc mật khẩu không đúng."], statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var (token, expires) = AccountsSetup.IssueToken(principal, bearer, time);
        return TypedResults.Ok(new TokenResponse(token, expires));
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.Identity!.Name!,
        user.FindFirstValue(AppClaims.FullName) ?? "",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        user.FindFirstValue(AppClaims.UnitName),
        user.UnitPath()));
}
