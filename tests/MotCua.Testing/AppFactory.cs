using System.Collections.Concurrent;
using System.Diagnostics;
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

    // Migrating and seeding the demo costs seconds of CPU per fixture: it is done once per test run and per starting instant
    // of the clock (the seed reads the clock: the queue's slots, today's plan period), then copied. A clock other than the
    // default gets its template when a second fixture starts on it (the first seeds on its own, as a template would).
    private static readonly ConcurrentDictionary<DateTimeOffset, Lazy<AppFactory>> s_templates = new();
    private static readonly ConcurrentDictionary<DateTimeOffset, int> s_starts = new();
    private static readonly Lock CopyGate = new();
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
        builder.UseSetting("Security:VerifyPermitLimit", "100000");
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
        if (!_isTemplate)
        {
            CopyTemplateIfSameSeed();
        }

        return base.CreateHost(builder);
    }

    /// <summary>Only a fixture that would seed exactly a template's data gets a copy: same clock at start, no Demo: settings.</summary>
    private void CopyTemplateIfSameSeed()
    {
        var start = Clock.GetUtcNow();
        if (Settings.Keys.Any(k => k.StartsWith("Demo:", StringComparison.OrdinalIgnoreCase)))
        {
            Trace($"{GetType().Name} clock {start:O}: seeds on its own (Demo: settings)");
            return;
        }

        if (start != DefaultStart && s_starts.AddOrUpdate(start, 1, (_, n) => n + 1) == 1)
        {
            Trace($"{GetType().Name} clock {start:O}: seeds on its own (first fixture on this clock)");
            return;
        }

        var watch = Stopwatch.StartNew();
        var template = s_templates.GetOrAdd(start, at => new Lazy<AppFactory>(() => CreateTemplate(at))).Value;
        lock (CopyGate)
        {
            CopyTemplateIfNew(template);
        }

        Trace($"{GetType().Name} clock {start:O}: copy of the template in {watch.ElapsedMilliseconds} ms");
    }

    /// <summary>Migrates and seeds one database at <paramref name="start"/> with the scheduled jobs off, to be copied.</summary>
    private static AppFactory CreateTemplate(DateTimeOffset start)
    {
        var watch = Stopwatch.StartNew();
        var template = new AppFactory { _isTemplate = true };
        template.Clock.SetUtcNow(start);
        // No scheduled pass may leave runs, leases or messages behind in the copies.
        foreach (var job in new[] { "Alarms:Enabled", "Notifications:Dispatcher:Enabled", "Payments:Reconciliation:Enabled", "Queue:RemindersEnabled", "History:AnchorEnabled" })
        {
            template.Settings[job] = "false";
        }

        _ = template.Services; // starts the app once: migrate and seed
        template.StopHost();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.DeleteDatabase();
        Trace($"template for clock {start:O} migrated and seeded in {watch.ElapsedMilliseconds} ms");
        return template;
    }

    /// <summary>One line per fixture start to the file MOTCUA_TEST_TRACE names, if any: which fixtures copy, which seed.</summary>
    private static void Trace(string line)
    {
        if (Environment.GetEnvironmentVariable("MOTCUA_TEST_TRACE") is { Length: > 0 } file)
        {
            lock (CopyGate)
            {
                File.AppendAllText(file, $"{DateTime.UtcNow:HH:mm:ss.fff} {ProviderName} {line}\n");
            }
        }
    }

    /// <summary>Gives this fixture a copy of the seeded template database unless its own database exists already.</summary>
    private void CopyTemplateIfNew(AppFactory template)
    {
        if (UsePostgres)
        {
            using var conn = new NpgsqlConnection(ServerDatabase("postgres"));
            conn.Open();
            using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{_dbName}'", conn);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{_dbName}\" TEMPLATE \"{template._dbName}\"", conn);
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
            using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={template.SqliteFile};Mode=ReadOnly;Pooling=False");
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
