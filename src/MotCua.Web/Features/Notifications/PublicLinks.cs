namespace MotCua.Web.Features.Notifications;

/// <summary>The public address that links in messages and printed forms start with.</summary>
public static class PublicLinks
{
    /// <summary>Prefix of links in messages (<c>Notifications:PublicBaseUrl</c>); empty gives a relative link.</summary>
    public static string BaseUrl { get; set; } = "";
}
