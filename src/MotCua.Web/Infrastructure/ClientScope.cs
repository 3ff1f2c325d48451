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
    public const string DocumentsExchange = "documents:exchange";

    /// <summary>Every scope with what it opens, for the admin page and the contract's OAuth 2.0 scheme.</summary>
    public static IReadOnlyList<(string Scope, string Description)> All { get; } =
    [
        (DossiersRead, "Xem, tìm kiếm hồ sơ và nhận sự kiện hồ sơ của đơn vị — read and search the unit's dossiers, receive their events"),
        (DossiersWrite, "Tiếp nhận hồ sơ và thao tác như bộ phận một cửa của đơn vị — receive dossiers and act as the unit's one-stop desk"),
        (IndicatorsRead, "Xem chỉ số cải cách hành chính của đơn vị — read the unit's reform indicators"),
        (DocumentsExchange, "Gửi gói tin văn bản, trạng thái edXML (QCVN 102:2016) đến đơn vị — deliver edXML document and status packages to the unit"),
    ];

    /// <summary>Marks an endpoint callable by a machine client holding <paramref name="scope"/>; every other endpoint refuses clients (403).</summary>
    public static TBuilder AllowClients<TBuilder>(this TBuilder endpoint, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new ClientScopeMetadata(scope));
}

public sealed record ClientScopeMetadata(string Scope);
