namespace MotCua.Web.Features.Portal;

/// <summary>Helpers shared by the portal's pages.</summary>
public static class PortalPage
{
    /// <summary>The input id a field's error links to: "documents[2]" → "documents_2".</summary>
    public static string FieldId(string field) => field.Replace("[", "_", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Replace(".", "_", StringComparison.Ordinal);

    /// <summary>First-letter lower case: the API's error keys match the pages' field ids.</summary>
    public static Dictionary<string, string[]> Lower(IDictionary<string, string[]> errors) =>
        errors.ToDictionary(kv => kv.Key.Length > 0 ? char.ToLowerInvariant(kv.Key[0]) + kv.Key[1..] : kv.Key, kv => kv.Value);

    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Infrastructure.VietnamTime.Zone).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
