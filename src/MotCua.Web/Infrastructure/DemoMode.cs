namespace MotCua.Web.Infrastructure;

/// <summary>
/// <c>Demo:Enabled</c>: the demo organisation, procedures, accounts (published password) and invented history, and the
/// payment sandbox. Off unless set; <c>appsettings.Development.json</c> sets it for <c>dotnet run</c>; refused in Production.
/// </summary>
public static class DemoMode
{
    public const string Setting = "Demo:Enabled";

    public static bool IsOn(IConfiguration config) => config.GetValue(Setting, false);
}
