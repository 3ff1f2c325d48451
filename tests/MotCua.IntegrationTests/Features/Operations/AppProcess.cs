using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MotCua.Testing;
using Npgsql;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>
/// The built app (MotCua.Web.dll) as a separate process on a free loopback port with its own database: a SQLite file,
/// or a fresh PostgreSQL database when MOTCUA_TEST_DB=postgres. It can be killed (SIGKILL) and started again on the same data.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly string _dbName = "motcua_proc_" + Guid.NewGuid().ToString("N")[..12];
    private Process? _process;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "motcua-proc-" + Guid.NewGuid().ToString("N"));
    public string SqliteFile => Path.Combine(Folder, "motcua.db");
    public int Port { get; private set; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string PostgresConnectionString =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("MOTCUA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres") { Database = _dbName }.ToString();

    public AppProcess() => Directory.CreateDirectory(Folder);

    /// <summary>Extra settings for the child (environment variables, e.g. <c>Import__BatchSize</c>), applied after the defaults.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    private void Configure(ProcessStartInfo psi)
    {
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["Logging__Json"] = "false";
        psi.Environment["Demo__Enabled"] = "true";
        psi.Environment["Files__Folder"] = Path.Combine(Folder, "files");
        psi.Environment["Security__SignInPermitLimit"] = "100000";
        psi.Environment["Security__TrackingPermitLimit"] = "100000";
        psi.Environment["Notifications__Sms__File"] = Path.Combine(Folder, "sms.jsonl");
        if (AppFactory.UsePostgres)
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
            psi.Environment[key] = value;
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
    public async Task<(int Exit, string Output)> RunCommandAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts the server and waits until /health answers 200.</summary>
    public async Task StartAsync()
    {
        Port = FreePort();
        var psi = StartInfo();
        psi.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        _process = Process.Start(psi)!;
        // Drain the pipes so that the child never blocks on a full buffer.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Kill();
        if (AppFactory.UsePostgres)
        {
            NpgsqlConnection.ClearAllPools();
            var server = Environment.GetEnvironmentVariable("MOTCUA_TEST_PG") ?? "Host=127.0.0.1;Port=55432;Username=postgres";
            using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString());
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
