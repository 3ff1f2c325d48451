using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Portal;

/// <summary>
/// The standard OpenID Connect handler against an in-test provider (discovery, keys, token endpoint) reached through
/// the handler's back channel: the app's configuration path runs as it would against a VNeID-style provider.
/// </summary>
public sealed class OidcSignInTests : IClassFixture<OidcSignInTests.OidcFactory>
{
    private readonly OidcFactory _app;

    public OidcSignInTests(OidcFactory app)
    {
        _app = app;
        // Nonce and correlation cookies are judged against the real time by the protocol validator.
        _app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class OidcFactory : AppFactory
    {
        public FakeProvider Provider { get; } = new();

        public OidcFactory()
        {
            Settings["Portal:Oidc:Enabled"] = "true";
            Settings["Portal:Oidc:Authority"] = FakeProvider.Issuer;
            Settings["Portal:Oidc:ClientId"] = "motcua-test";
            Settings["Portal:Oidc:ClientSecret"] = "secret";
            Settings["Portal:Oidc:IdNumberClaim"] = "personal_id";
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Configure<OpenIdConnectOptions>("vneid", o => o.BackchannelHttpHandler = Provider));
        }
    }

    public sealed class FakeProvider : HttpMessageHandler
    {
        public const string Issuer = "https://idp.test";
        private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "k1" };
        private readonly Dictionary<string, string> _nonces = [];

        public Dictionary<string, string> Claims { get; } = [];

        public string Authorize(string nonce)
        {
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
            _nonces[code] = nonce;
            return code;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            string json;
            if (path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
            {
                json = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = Issuer + "/authorize",
                    ["token_endpoint"] = Issuer + "/token",
                    ["jwks_uri"] = Issuer + "/jwks",
                    ["response_types_supported"] = new[] { "code" },
                    ["subject_types_supported"] = new[] { "public" },
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
                });
            }
            else if (path == "/jwks")
            {
                var p = _key.Rsa.ExportParameters(false);
                json = JsonSerializer.Serialize(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
            }
            else if (path == "/token")
            {
                var form = HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync(cancellationToken));
                if (form["code"] is not { } code || !_nonces.Remove(code, out var nonce) || string.IsNullOrEmpty(form["code_verifier"]))
                {
                    return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"error\":\"invalid_grant\"}", Encoding.UTF8, "application/json") };
                }

                var claims = new Dictionary<string, object>(Claims.ToDictionary(kv => kv.Key, kv => (object)kv.Value)) { ["nonce"] = nonce };
                var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = Issuer,
                    Audience = "motcua-test",
                    Claims = claims,
                    IssuedAt = DateTime.UtcNow,
                    NotBefore = DateTime.UtcNow.AddMinutes(-1),
                    Expires = DateTime.UtcNow.AddMinutes(5),
                    SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
                });
                json = JsonSerializer.Serialize(new { access_token = "at", token_type = "Bearer", expires_in = 300, id_token = idToken });
            }
            else
            {
                return new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }

    /// <summary>Runs the browser's part: follow the challenge to the provider, come back with a code, follow the app's redirects.</summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient client)
    {
        var challenge = await client.GetAsync("/Portal/External", Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(FakeProvider.Issuer + "/authorize", authorize.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        var code = _app.Provider.Authorize(query["nonce"]!);
        var callback = await client.PostAsync(new Uri(query["redirect_uri"]!).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code, ["state"] = query["state"]! }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await client.GetAsync(callback.Headers.Location!.ToString(), Ct);
    }

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    [Fact]
    public async Task Provider_sign_in_creates_an_electronically_identified_citizen()
    {
        _app.Provider.Claims["sub"] = "vneid-001";
        _app.Provider.Claims["personal_id"] = "058099001001";
        _app.Provider.Claims["name"] = "Katơr Văn Định";
        var client = Browser();

        var done = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/Portal/Mine", done.Headers.Location!.ToString());
        var user = await _app.Services.CreateScope().ServiceProvider.GetRequiredService<MotCua.Web.Infrastructure.AppDbContext>()
            .Users.SingleAsync(u => u.UserName == "058099001001", Ct);
        Assert.True(user.ElectronicallyIdentified);
        Assert.Equal("Katơr Văn Định", user.FullName);
        var me = await client.GetAsync("/Portal/Documents", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_token_without_a_valid_personal_id_signs_nobody_in()
    {
        _app.Provider.Claims["sub"] = "vneid-002";
        _app.Provider.Claims["personal_id"] = "12345";
        _app.Provider.Claims["name"] = "Không Hợp Lệ";
        var client = Browser();

        var page = await SignInAsync(client);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("error-summary", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Portal/Documents", Ct)).StatusCode);
    }
}
