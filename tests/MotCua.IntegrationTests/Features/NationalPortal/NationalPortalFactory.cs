using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.NationalPortal;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.NationalPortal;

/// <summary>
/// The app synced to a fake national portal on a real Kestrel port (the same <see cref="FakeDvcqgPortal"/> the
/// <c>fake-dvcqg</c> command serves); the scheduled pass is off, tests run passes directly and move the clock.
/// </summary>
public sealed class NationalPortalFactory : AppFactory
{
    public const string Token = "test-token-dvcqg";
    public const string PublicOrigin = "https://motcua.bacai.example";

    private readonly WebApplication _fake;

    public NationalPortalFactory()
    {
        Portal = new FakeDvcqgPortal { AccessToken = Token };
        (_fake, FakeAddress) = FakeDvcqgHost.StartAsync(Portal, "http://127.0.0.1:0").GetAwaiter().GetResult();
        Settings["Integrations:Dvcqg:BaseUrl"] = FakeAddress.ToString();
        Settings["Integrations:Dvcqg:AccessToken"] = Token;
        Settings["Integrations:Dvcqg:MaDinhDanh"] = "000.00.00.H49";
        Settings["Integrations:Dvcqg:PublicBaseUrl"] = PublicOrigin;
        Settings["Integrations:Dvcqg:Enabled"] = "false";
        Settings["Integrations:Dvcqg:BackoffSeconds"] = "60";
        Settings["Integrations:Dvcqg:LeaseSeconds"] = "120";
    }

    public FakeDvcqgPortal Portal { get; }

    public Uri FakeAddress { get; }

    private bool _prepared;

    /// <summary>The demo's own dossiers count as history here, so that each test sees only the dossiers it creates.</summary>
    public async Task PrepareAsync()
    {
        if (_prepared)
        {
            return;
        }

        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Dossiers.Where(d => d.NationalSynced == false).ExecuteUpdateAsync(s => s.SetProperty(d => d.NationalSynced, (bool?)null), TestContext.Current.CancellationToken);
        _prepared = true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fake.StopAsync().GetAwaiter().GetResult();
            _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
