using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MotCua.Web.Features.Notifications;
using Npgsql;

namespace MotCua.Testing;

/// <summary>
/// The real app on its own fresh database, migrated and seeded with demo data. The provider comes from
/// MOTCUA_TEST_DB (sqlite, the default, or postgres with MOTCUA_TEST_PG as the server's connection string).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "MotCua@Demo2025";

    private readonly string _dbName = "motcua_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A clock the tests move; starts at 09:00 local time on Tuesday 03/06/2025 unless a test sets it.</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero));

    public static bool UsePostgres => string.Equals(Environment.GetEnvironmentVariable("MOTCUA_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string ProviderName => UsePostgres ? "Postgres" : "Sqlite";

    /// <summary>When set before the host starts, SMS and e-mail go to this fake instead of files or SMTP.</summary>
    public CapturedMessages? Captured { get; set; }

    /// <summary>Extra settings a test needs (Demo:Enabled=false, …), applied on top of the defaults.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", ProviderName);
        builder.UseSetting("Logging:Json", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (UsePostgres)
        {
            var server = Environment.GetEnvironmentVariable("MOTCUA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
            builder.UseSetting("ConnectionStrings:Postgres", new NpgsqlConnectionStringBuilder(server) { Database = _dbName }.ToString());
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_folder, "motcua.db")}");
        }

        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:HistoryDossiers", "0");
        // Every test client shares one address: the per-IP limits are raised here and lowered by the tests that check them.
        builder.UseSetting("Security:SignInPermitLimit", "100000");
        builder.UseSetting("Security:TrackingPermitLimit", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(Clock);
            if (Captured is { } captured)
            {
                s.RemoveAll<ISmsGateway>();
                s.RemoveAll<IEmailSender>();
                s.AddSingleton<ISmsGateway>(captured);
                s.AddSingleton<IEmailSender>(captured);
            }
        });
    }

    /// <summary>An API client signed in as <paramref name="userName"/> with a bearer token from /api/v1/auth/token.</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = DemoPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (UsePostgres)
        {
            DropPostgresDatabase();
        }
        else if (Directory.Exists(_folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void DropPostgresDatabase()
    {
        NpgsqlConnection.ClearAllPools();
        var server = Environment.GetEnvironmentVariable("MOTCUA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
        using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_dbName}\" WITH (FORCE)";
        cmd.ExecuteNonQuery();
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
