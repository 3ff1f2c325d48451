using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

public sealed record MeResponse(string Username, string FullName, string[] Roles, string? UnitName, string? UnitPath);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).Doc("issueToken", "Lấy mã truy cập (token)", "Issues a bearer access token.").ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked).ProducesProblem(StatusCodes.Status429TooManyRequests).AllowAnonymous();
        app.MapGet("/api/v1/me", Me).Doc("getMe", "Thông tin người đang đăng nhập", "The signed-in user: name, roles and unit.").WithTags("Auth").RequireAuthorization();
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        TokenRequest body,
        SignInWithPassword handler,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider time,
        IStringLocalizer<SharedResource> t,
        HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
        {
            return TypedResults.Problem(t["Cần nhập tên đăng nhập và mật khẩu."], statusCode: StatusCodes.Status400BadRequest);
        }

        switch (await handler.HandleAsync(body.Username, body.Password, setCookie: false, http))
        {
            case SignInWithPassword.SignedIn(_, var principal, _):
                var (token, expires) = AccountsSetup.IssueToken(principal, bearer, time);
                return TypedResults.Ok(new TokenResponse(token, expires));
            case SignInWithPassword.Limited(var retryAt):
                var wait = SignInMessages.Wait(retryAt, time);
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(SignInMessages.Limited(t, retryAt, time), statusCode: StatusCodes.Status429TooManyRequests, title: t["Quá nhiều lần đăng nhập sai"],
                    extensions: new Dictionary<string, object?> { ["retryAt"] = retryAt });
            case SignInWithPassword.LockedOut:
                return TypedResults.Problem(t["Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau."], statusCode: StatusCodes.Status423Locked);
            default:
                return TypedResults.Problem(t["Tên đăng nhập hoặc mật khẩu không đúng."], statusCode: StatusCodes.Status401Unauthorized);
        }
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.Identity!.Name!,
        user.FindFirstValue(AppClaims.FullName) ?? "",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        user.FindFirstValue(AppClaims.UnitName),
        user.UnitPath()));
}
