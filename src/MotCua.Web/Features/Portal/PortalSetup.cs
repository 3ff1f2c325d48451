using Microsoft.AspNetCore.Identity;

namespace MotCua.Web.Features.Portal;

/// <summary>The <c>Portal:Oidc</c> section: a national identity provider (VNeID-style) over OpenID Connect, off by default.</summary>
public sealed class OidcOptions
{
    public const string Scheme = "vneid";

    public bool Enabled { get; set; }
    public string DisplayName { get; set; } = "VNeID";
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string CallbackPath { get; set; } = "/signin-vneid";
    public string[] Scopes { get; set; } = ["openid", "profile"];

    /// <summary>The claim carrying the 12-digit personal ID; providers differ, so it is configuration.</summary>
    public string IdNumberClaim { get; set; } = "personal_id";

    public string NameClaim { get; set; } = "name";
    public bool RequireHttpsMetadata { get; set; } = true;
}

public static class PortalSetup
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Portal");
        builder.Services.AddScoped<SignUp>();
        builder.Services.AddScoped<Drafts>();
        builder.Services.AddSingleton<Dossiers.IDossierActionHandler, PersonalStoreOnAction>();
        builder.Services.AddScoped<Files.IFileReadGrant, StoredFilesReadable>();
        builder.Services.AddScoped<Dossiers.IStoredDocumentSource, StoredDocumentSource>();
        PersonalStore.ComponentValidityMonths = section.GetValue("Store:ComponentValidityMonths", 60);

        var oidc = section.GetSection("Oidc").Get<OidcOptions>() ?? new OidcOptions();
        if (oidc.Enabled)
        {
            builder.Services.AddAuthentication().AddOpenIdConnect(OidcOptions.Scheme, oidc.DisplayName, o =>
            {
                o.SignInScheme = IdentityConstants.ExternalScheme;
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.CallbackPath = oidc.CallbackPath;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.GetClaimsFromUserInfoEndpoint = false;
                o.SaveTokens = false;
                o.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                {
                    o.Scope.Add(scope);
                }
            });
        }

        builder.Services.AddSingleton(oidc);
        return builder;
    }
}
