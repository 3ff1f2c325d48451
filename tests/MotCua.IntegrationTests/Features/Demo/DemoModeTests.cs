using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Payments.VnPay;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Demo;

public sealed class DemoModeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Outside_demo_mode_the_app_refuses_to_start_while_a_demo_password_remains()
    {
        using var demo = new AppFactory();
        demo.CreateClient(); // seeds the demo accounts on this database

        using var production = demo.WithWebHostBuilder(b => b.UseSetting("Demo:Enabled", "false"));
        var ex = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        Assert.Contains("demo password", ex.ToString());
    }

    /// <summary>The README's first command is `dotnet run` (launch profile: Development), which alone turns the demo on.</summary>
    [Fact]
    public void Demo_mode_is_on_only_in_the_development_settings_that_dotnet_run_uses()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "MotCua.Web");
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "Properties", "launchSettings.json")));
        var profile = launch.RootElement.GetProperty("profiles").EnumerateObject().Single(p => p.Value.GetProperty("commandName").GetString() == "Project");
        Assert.Equal("Development", profile.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
        using var development = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "appsettings.Development.json")));
        Assert.True(development.RootElement.GetProperty("Demo").GetProperty("Enabled").GetBoolean());
        using var shipped = JsonDocument.Parse(File.ReadAllText(Path.Combine(web, "appsettings.json")));
        Assert.False(shipped.RootElement.TryGetProperty("Demo", out var d) && d.TryGetProperty("Enabled", out var e) && e.GetBoolean());
    }

    [Fact]
    public async Task Without_the_setting_the_app_starts_empty_without_the_sandbox_its_page_or_its_callback()
    {
        using var app = new AppFactory();
        app.Settings["Demo:Enabled"] = null; // no explicit value: the default
        var client = app.CreateClient();

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(DemoMode.IsOn(scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
            Assert.False(await db.Users.AnyAsync(Ct));
            Assert.False(await db.Units.AnyAsync(Ct));
            Assert.False(await db.Procedures.AnyAsync(Ct));
        }

        Assert.IsType<UnavailableGateway>(app.Services.GetRequiredService<IPaymentGateway>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sandbox-gateway?vnp_TxnRef=MC1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/payments/ipn?vnp_TxnRef=MC1", Ct)).StatusCode);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MotCua.slnx not found above " + AppContext.BaseDirectory);
    }
}
