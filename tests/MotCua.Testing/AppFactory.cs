using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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

    private static readonly DateTimeOffset DefaultStart = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    // Migrating and seeding the demo costs seconds of CPU per fixture: it is done once per test run and copied.
    private static readonly Lock TemplateGate = new();
    private static AppFactory? s_template;
    private bool _isTemplate;

    private readonly string _dbName = "motcua_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N"));

    /// <summary>A clock the tests move; starts at 09:00 local time on Tuesday 03/06/2025 unless a test sets it.</summary>
    public TestClock Clock { get; } = new(DefaultStart);

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
            builder.UseSetting("ConnectionStrings:Postgres", ServerDatabase(_dbName));
        }
        else
        {
            builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={SqliteFile}");
        }

        // One throwaway key-ring certificate for every fixture: the copies of the template keep a key ring they can read.
        builder.UseSetting("DataProtection:DemoCertificatePath", Path.Combine(Path.GetTempPath(), "motcua-tests", "data-protection-demo.pfx"));
        builder.UseSetting("History:AnchorFile", AnchorFile);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:HistoryDossiers", "0");
        // Every test client shares one address: the per-IP limits are raised here and lowered by the tests that check them.
        builder.UseSetting("Security:SignInAccountFailureLimit", "100000");
        builder.UseSetting("Security:SignInClientFailureLimit", "100000");
        builder.UseSetting("Security:TrackingPermitLimit", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(s =>
        {
            // Tests sign in hundreds of times; the production work factor (100,000 PBKDF2 rounds) is not what they check.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
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

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Only a fixture that would seed exactly the template's data gets the copy (the queue seed depends on the day).
        if (!_isTemplate && Clock.GetUtcNow() == DefaultStart && !Settings.Keys.Any(k => k.StartsWith("Demo:", StringComparison.OrdinalIgnoreCase)))
        {
            lock (TemplateGate)
            {
                CopyTemplateIfNew();
            }
        }

        return base.CreateHost(builder);
    }

    /// <summary>Gives this fixture a copy of the seeded template database unless its own database exists already.</summary>
    private void CopyTemplateIfNew()
    {
        if (s_template is null)
        {
            var template = new AppFactory { _isTemplate = true };
            // No scheduled pass may leave runs, leases or messages behind in the copies.
            foreach (var job in new[] { "Alarms:Enabled", "Notifications:Dispatcher:Enabled", "Payments:Reconciliation:Enabled", "Queue:RemindersEnabled", "History:AnchorEnabled" })
            {
                template.Settings[job] = "false";
            }

            _ = template.Services; // starts the app once: migrate and seed
            template.StopHost();
            s_template = template;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DeleteDatabase();
        }

        if (UsePostgres)
        {
            using var conn = new NpgsqlConnection(ServerDatabase("postgres"));
            conn.Open();
            using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{_dbName}'", conn);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{_dbName}\" TEMPLATE \"{s_template._dbName}\"", conn);
                try
                {
                    create.ExecuteNonQuery();
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                    // A connection to the template was still open: this fixture migrates and seeds on its own instead.
                }
            }
        }
        else if (!File.Exists(SqliteFile))
        {
            Directory.CreateDirectory(_folder);
            using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={s_template.SqliteFile};Mode=ReadOnly;Pooling=False");
            using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={SqliteFile};Pooling=False");
            source.Open();
            source.BackupDatabase(target);
        }
    }

    private string SqliteFile => Path.Combine(_folder, "motcua.db");

    /// <summary>This fixture's history anchors (History:AnchorFile), beside its database on either provider.</summary>
    public string AnchorFile => Path.Combine(_folder, "history-anchors.jsonl");

    private static string ServerDatabase(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("MOTCUA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres") { Database = database }.ToString();

    /// <summary>Stops the app and closes its connections, keeping its database (PostgreSQL copies only an unused template).</summary>
    private void StopHost()
    {
        base.Dispose(true);
        if (UsePostgres)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ServerDatabase(_dbName)));
        }
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
        if (disposing && !_isTemplate)
        {
            DeleteDatabase();
        }
    }

    private void DeleteDatabase()
    {
        if (UsePostgres)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(ServerDatabase("postgres"));
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_dbName}\" WITH (FORCE)";
            cmd.ExecuteNonQuery();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        else if (Directory.Exists(_folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}
