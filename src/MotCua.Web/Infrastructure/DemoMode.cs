namespace MotCua.Web.Infrastructure;

/// <summary>
/// <c>Demo:Enabled</c>: the demo organisation, procedures, accounts (published password) and invented history, and the
/// payment sandbox. Off unless set; <c>appsettings.Development.json</c> sets it for <c>dotnet run</c>; refused in Production.
/// </summary>
public static class DemoMode
{
    public const string Setting = "Demo:Enabled";

    /// <summary>True only for an explicit "true"; unset or empty is off, anything else is a configuration error.</summary>
    public static bool IsOn(IConfiguration config) =>
        config[Setting] is not { Length: > 0 } value ? false
        : bool.TryParse(value, out var on) ? on
        : throw new InvalidOperationException($"{Setting} must be true or false, not '{value}'.");
}
