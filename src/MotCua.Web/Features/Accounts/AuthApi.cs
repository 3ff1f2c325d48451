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

/// <summary>RFC 6749 §5.1: the client-credentials answer.</summary>
public sealed record ClientTokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] long ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string Scope);

/// <summary>RFC 6749 §5.2: an error of the client-credentials grant.</summary>
public sealed record OAuthError(
    [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
    [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);

/// <summary>The form of the client-credentials grant (RFC 6749 §4.4.2); the client may authenticate with HTTP Basic instead of the two client fields.</summary>
public sealed record ClientCredentialsForm(
    [property: System.Text.Json.Serialization.JsonPropertyName("grant_type")] string GrantType,
    [property: System.Text.Json.Serialization.JsonPropertyName("client_id")] string? ClientId,
    [property: System.Text.Json.Serialization.JsonPropertyName("client_secret")] string? ClientSecret,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string? Scope);

public sealed record MeResponse(string Username, string FullName, string[] Roles, string? UnitName, string? UnitPath);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).Doc("issueToken", "Lấy mã truy cập (token)",
                "Issues a bearer access token. A person sends JSON {username, password}; another system sends the OAuth 2.0 client-credentials grant "
                + "(RFC 6749 §4.4) form-encoded: grant_type=client_credentials with client_id and client_secret in the form or in HTTP Basic, and an optional scope; "
                + "its answer and errors follow RFC 6749 §5.1 and §5.2 (access_token, token_type, expires_in, scope; error, error_description).")
            // One accepts list for both bodies: a second Accepts would replace the first in request matching (a JSON body got 415).
            .Accepts<TokenRequest>("application/json", "application/x-www-form-urlencoded")
            // The form is the client-credentials grant, not the person's JSON body that Accepts<T> gives both media types.
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                if (operation.RequestBody?.Content?.TryGetValue("application/x-www-form-urlencoded", out var form) == true)
                {
                    form.Schema = await context.GetOrCreateSchemaAsync(typeof(ClientCredentialsForm), cancellationToken: ct);
                }
            })
            .Produces<OAuthError>(StatusCodes.Status400BadRequest, "application/json").ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked).ProducesProblem(StatusCodes.Status429TooManyRequests).AllowAnonymous();
        app.MapGet("/api/v1/me", Me).Doc("getMe", "Thông tin người đang đăng nhập", "The signed-in user: name, roles and unit.").WithTags("Auth").RequireAuthorization();
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<ClientTokenResponse>, JsonHttpResult<OAuthError>, ProblemHttpResult>> IssueToken(
        SignInWithPassword handler,
        AuthenticateApiClient clients,
        IOptionsMonitor<BearerTokenOptions> bearer,
        TimeProvider time,
        IStringLocalizer<SharedResource> t,
        HttpContext http,
        CancellationToken ct)
    {
        if (http.Request.HasFormContentType)
        {
            return await ClientCredentialsAsync(http, clients, bearer, time, t, ct);
        }

        if (!http.Request.HasJsonContentType())
        {
            return TypedResults.Problem(t["Gửi JSON {username, password} hoặc biểu mẫu grant_type=client_credentials."], statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        TokenRequest? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<TokenRequest>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            body = null;
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Username) || string.IsNullOrEmpty(body.Password))
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

    private static async Task<Results<Ok<TokenResponse>, JsonHttpResult<ClientTokenResponse>, JsonHttpResult<OAuthError>, ProblemHttpResult>> ClientCredentialsAsync(
        HttpContext http, AuthenticateApiClient clients, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        // A token answer is never cached (RFC 6749 §5.1), nor its errors.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form[name] is { Count: 1 } v ? v[0] : null;
        if (form.Keys.Any(k => form[k].Count > 1))
        {
            return Error("invalid_request", t["Mỗi tham số chỉ được gửi một lần."], StatusCodes.Status400BadRequest);
        }

        var grant = Field("grant_type");
        if (string.IsNullOrEmpty(grant))
        {
            return Error("invalid_request", t["Thiếu grant_type."], StatusCodes.Status400BadRequest);
        }

        if (grant != "client_credentials")
        {
            return Error("unsupported_grant_type", t["Chỉ hỗ trợ grant_type=client_credentials."], StatusCodes.Status400BadRequest);
        }

        var (id, secret, basic) = (Field("client_id"), Field("client_secret"), false);
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (secret is not null)
            {
                // RFC 6749 §2.3: one authentication method per request.
                return Error("invalid_request", t["Chỉ dùng một cách xác thực: HTTP Basic hoặc client_secret trong biểu mẫu."], StatusCodes.Status400BadRequest);
            }

            basic = true;
            if (!TryReadBasic(header["Basic ".Length..], out var basicId, out var basicSecret) || (id is not null && id != basicId))
            {
                return InvalidClient(http, t, basic);
            }

            (id, secret) = (basicId, basicSecret);
        }

        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            return InvalidClient(http, t, basic);
        }

        switch (await clients.HandleAsync(id, secret, Field("scope"), Security.SecuritySetup.ClientIp(http), ct))
        {
            case AuthenticateApiClient.Authenticated(var principal, var scopes):
                var (token, expires) = AccountsSetup.IssueToken(principal, bearer, time);
                // A JSON result, not Ok<T>: the documented 200 stays the person's answer (one schema per status); the description names this one.
                return TypedResults.Json(new ClientTokenResponse(token, "Bearer", (long)(expires - time.GetUtcNow()).TotalSeconds, string.Join(' ', scopes)), statusCode: StatusCodes.Status200OK);
            case AuthenticateApiClient.InvalidScope(var scope):
                return Error("invalid_scope", t["Hệ thống không được cấp phạm vi '{0}'.", scope], StatusCodes.Status400BadRequest);
            default:
                return InvalidClient(http, t, basic);
        }
    }

    private static JsonHttpResult<OAuthError> InvalidClient(HttpContext http, IStringLocalizer<SharedResource> t, bool basic)
    {
        // RFC 6749 §5.2: a 401 names the scheme the client used.
        http.Response.Headers.WWWAuthenticate = basic ? "Basic realm=\"motcua\"" : "Bearer";
        return Error("invalid_client", t["Mã hệ thống hoặc khóa bí mật không đúng, hoặc hệ thống đã bị thu hồi."], StatusCodes.Status401Unauthorized);
    }

    private static JsonHttpResult<OAuthError> Error(string error, string description, int status) =>
        TypedResults.Json(new OAuthError(error, description), statusCode: status);

    /// <summary>RFC 6749 §2.3.1: both parts are form-urlencoded before the Basic encoding.</summary>
    private static bool TryReadBasic(string value, out string id, out string secret)
    {
        (id, secret) = ("", "");
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            (id, secret) = (Uri.UnescapeDataString(text[..colon].Replace('+', ' ')), Uri.UnescapeDataString(text[(colon + 1)..].Replace('+', ' ')));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Ok<MeResponse> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeResponse(
        user.Identity!.Name!,
        user.FindFirstValue(AppClaims.FullName) ?? "",
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
        user.FindFirstValue(AppClaims.UnitName),
        user.UnitPath()));
}
