using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MotCua.Testing;
using Npgsql;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>
/// The built app (MotCua.Web.dll) as a separate process on a free loopback port with its own database: a SQLite file,
/// or a fresh PostgreSQL database when MOTCUA_TEST_DB=postgres. It can be killed (SIGKILL) and started again on the same data.
/// <see cref="SeededAsync"/> gives one whose database is a copy of a migrated and demo-seeded template instead.
/// </summary>
public sealed class AppProcess : IDisposable
{
    // Migrating and seeding the demo from scratch costs a child 10–16 s of CPU: `seed-demo` runs once per test run and is copied (ADR 0017).
    private static readonly Lazy<Task<AppProcess>> s_template = new(CreateTemplateAsync);
    private static readonly SemaphoreSlim CopyGate = new(1, 1);

    private readonly string _dbName = "motcua_proc_" + Guid.NewGuid().ToString("N")[..12];
    private Process? _process;
    private bool _seededCopy;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "motcua-proc-" + Guid.NewGuid().ToString("N"));
    public string SqliteFile => Path.Combine(Folder, "motcua.db");
    public int Port { get; private set; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string PostgresConnectionString => ServerDatabase(_dbName, PostgresServer);

    /// <summary>A PostgreSQL server of the test's own (e.g. <see cref="PostgresInstance"/>) instead of MOTCUA_TEST_PG; the app then runs on PostgreSQL whatever MOTCUA_TEST_DB says.</summary>
    public string? PostgresServer { get; init; }

    private bool UsePostgres => PostgresServer is not null || AppFactory.UsePostgres;

    /// <summary>Every line the running server wrote to standard output or error, in order of arrival.</summary>
    public ConcurrentQueue<string> OutputLines { get; } = new();

    public AppProcess() => Directory.CreateDirectory(Folder);

    /// <summary>
    /// A child whose database already holds what its first start would have migrated and seeded (Staging, real clock,
    /// demo mode): for tests of something else than migrating or seeding. Its first start only checks, like any restart.
    /// </summary>
    public static async Task<AppProcess> SeededAsync()
    {
        var template = await s_template.Value;
        var app = new AppProcess { _seededCopy = true };
        await CopyGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (AppFactory.UsePostgres)
            {
                await using var conn = new NpgsqlConnection(ServerDatabase("postgres"));
                await conn.OpenAsync(TestContext.Current.CancellationToken);
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{app._dbName}\" TEMPLATE \"{template._dbName}\"", conn);
                await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
            else
            {
                using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={template.SqliteFile};Mode=ReadOnly;Pooling=False");
                using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.SqliteFile};Pooling=False");
                source.Open();
                source.BackupDatabase(target);
            }
        }
        finally
        {
            CopyGate.Release();
        }

        return app;
    }

    private static async Task<AppProcess> CreateTemplateAsync()
    {
        var template = new AppProcess();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        // `seed-demo` runs exactly what a demo-mode start runs before serving (PrepareDatabaseAsync): migrate, then seed.
        var seeded = await template.RunCommandAsync("seed-demo");
        if (seeded.Exit != 0)
        {
            throw new InvalidOperationException("seed-demo failed for the child template: " + seeded.Output);
        }

        return template;
    }

    private static string ServerDatabase(string database, string? server = null) =>
        new NpgsqlConnectionStringBuilder(server ?? Environment.GetEnvironmentVariable("MOTCUA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres") { Database = database }.ToString();

    /// <summary>
    /// Extra settings for the child (environment variables, e.g. <c>Import__BatchSize</c>), applied after the defaults;
    /// null removes a default (e.g. <c>Demo__Enabled</c> for a Production start).
    /// </summary>
    public Dictionary<string, string?> Settings { get; } = [];

    private void Configure(ProcessStartInfo psi)
    {
        // Production-like (no development pages, JSON-capable logging) but not Production, which refuses demo mode (ProductionGuard).
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        // A child lives seconds: the instrumented JIT tier of dynamic PGO costs it CPU it never earns back (a `migrate`
        // run: 2.5 s of CPU without, 2.9–3.6 s with, measured 07/12/2026). It changes what is compiled when, not behaviour.
        psi.Environment["DOTNET_TieredPGO"] = "0";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__Json"] = "false";
        psi.Environment["Demo__Enabled"] = "true";
        psi.Environment["Files__Folder"] = Path.Combine(Folder, "files");
        psi.Environment["Security__TrackingPermitLimit"] = "100000";
        psi.Environment["Notifications__Sms__File"] = Path.Combine(Folder, "sms.jsonl");
        psi.Environment["History__AnchorFile"] = Path.Combine(Folder, "history-anchors.jsonl");
        psi.Environment["DataProtection__DemoCertificatePath"] = Path.Combine(Path.GetTempPath(), "motcua-tests", "data-protection-demo.pfx");
        if (UsePostgres)
        {
            psi.Environment["Database__Provider"] = "Postgres";
            psi.Environment["ConnectionStrings__Postgres"] = PostgresConnectionString;
        }
        else
        {
            psi.Environment["Database__Provider"] = "Sqlite";
            psi.Environment["ConnectionStrings__Sqlite"] = $"Data Source={SqliteFile}";
        }

        foreach (var (key, value) in Settings)
        {
            // The template was seeded without them: a test whose seed depends on Demo settings must seed on its own.
            if (_seededCopy && key.StartsWith("Demo__", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{key} changes the seed: use new AppProcess(), not a seeded copy");
            }

            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }
    }

    private ProcessStartInfo StartInfo(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MotCua.Web.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        Configure(psi);
        return psi;
    }

    /// <summary>Runs an admin command (migrate, backup FILE, restore FILE, verify-history …) to its end.</summary>
    public Task<(int Exit, string Output)> RunCommandAsync(params string[] args) => RunAsync(null, args);

    /// <summary>
    /// Runs the app with these arguments (none: a server start) to its end, <paramref name="input"/> piped to its standard
    /// input; killed after 5 minutes. The output is standard output then standard error.
    /// </summary>
    public async Task<(int Exit, string Output)> RunAsync(string? input, params string[] args)
    {
        var watch = Stopwatch.StartNew();
        var psi = StartInfo(args);
        psi.RedirectStandardInput = input is not null;
        if (args.Length == 0)
        {
            psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        }

        using var process = Process.Start(psi)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not end in 5 minutes");
        }

        Log($"{(args.Length == 0 ? "start" : "command " + args[0])}: exit {process.ExitCode} after {watch.Elapsed.TotalSeconds:F1} s");
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts the server and waits until /health answers 200.</summary>
    public async Task StartAsync()
    {
        var watch = Stopwatch.StartNew();
        Port = FreePort();
        var psi = StartInfo();
        psi.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        _process = Process.Start(psi)!;
        // Drain the pipes so that the child never blocks on a full buffer; tests read the lines (log markers) from OutputLines.
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // Migrations and the demo seed with synchronous=FULL: seconds on an idle machine, minutes on a loaded CI box.
        var deadline = DateTime.UtcNow.AddSeconds(300);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with {_process.ExitCode} while starting");
            }

            try
            {
                if ((await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK)
                {
                    Log($"start: healthy after {watch.Elapsed.TotalSeconds:F1} s, CPU {_process.TotalProcessorTime.TotalSeconds:F1} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the app did not become healthy in 300 s");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            OutputLines.Enqueue(line);
        }
    }

    /// <summary>Waits until the server has written a line that matches; the line, or null after the timeout.</summary>
    public async Task<string?> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (OutputLines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        return null;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; whatever the database acknowledged is all that survives.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine($"AppProcess {line}");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        // A server of the test's own is thrown away whole by its owner.
        if (UsePostgres && PostgresServer is null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(ServerDatabase("postgres"));
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_dbName}\" WITH (FORCE)";
            cmd.ExecuteNonQuery();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
