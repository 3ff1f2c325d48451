namespace MotCua.Web.Infrastructure;

/// <summary>
/// The scopes a machine client may hold (issue 26.2), declared by the endpoints they open; kept here rather than in
/// Accounts so that a feature declares its scope without depending on the accounts feature.
/// </summary>
public static class ClientScope
{
    public const string DossiersRead = "dossiers:read";
    public const string DossiersWrite = "dossiers:write";
    public const string IndicatorsRead = "indicators:read";

    /// <summary>Marks an endpoint callable by a machine client holding <paramref name="scope"/>; every other endpoint refuses clients (403).</summary>
    public static TBuilder AllowClients<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ClientScopeMetadata(scope));
}

public sealed record ClientScopeMetadata(string Scope);
