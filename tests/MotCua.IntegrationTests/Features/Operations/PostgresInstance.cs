using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>
/// A PostgreSQL server of the test's own, with its own data folder and port and fsync on (the CI server runs with fsync
/// off for speed): the test can SIGKILL every one of its processes and start it again on the same data (crash recovery).
/// Run as the postgres user when the tests run as root (initdb refuses root).
/// </summary>
public sealed class PostgresInstance : IDisposable
{
    private readonly string _bin;
    private readonly bool _asPostgresUser;

    private PostgresInstance(string bin)
    {
        _bin = bin;
        _asPostgresUser = Environment.UserName == "root";
        Directory.CreateDirectory(Folder);
        if (_asPostgresUser)
        {
            Run("chown", "postgres:postgres", Folder);
        }
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "motcua-pg-" + Guid.NewGuid().ToString("N")[..12]);
    public string DataFolder => Path.Combine(Folder, "data");
    public string LogFile => Path.Combine(Folder, "log");
    public int Port { get; } = FreePort();
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres";

    /// <summary>The newest installed server's bin folder (Debian's layout), or null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).FirstOrDefault()
            : null;

    /// <summary>initdb (no sync: it is the server's own writes that the test checks) and a first start with fsync on.</summary>
    public static async Task<PostgresInstance> CreateAsync(string bin)
    {
        var pg = new PostgresInstance(bin);
        var init = pg.Run(Path.Combine(bin, "initdb"), "-D", pg.DataFolder, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        if (init.Exit != 0)
        {
            pg.Dispose();
            throw new InvalidOperationException("initdb failed: " + init.Output);
        }

        await pg.StartAsync();
        return pg;
    }

    /// <summary>Starts the server and waits until it accepts connections (after crash recovery when it was killed).</summary>
    public async Task StartAsync()
    {
        var options = string.Join(' ',
            $"-p {Port}", $"-k {Folder}", "-c listen_addresses=127.0.0.1", "-c max_connections=100",
            "-c fsync=on", "-c synchronous_commit=on", "-c full_page_writes=on", "-c wal_sync_method=fdatasync");
        var start = Run(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", LogFile, "-w", "-t", "120", "-o", options, "start");
        if (start.Exit != 0)
        {
            throw new InvalidOperationException("PostgreSQL did not start: " + start.Output + "\n" + Log());
        }

        await using var conn = new NpgsqlConnection(ConnectionString + ";Database=postgres;Pooling=false");
        await conn.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = new NpgsqlCommand("SHOW fsync", conn);
        if ((string?)await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken) != "on")
        {
            throw new InvalidOperationException("the test's own PostgreSQL runs with fsync off");
        }
    }

    /// <summary>SIGKILL to the postmaster and every one of its children at once: no checkpoint, no shutdown; returns how many were killed.</summary>
    public int KillServer()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var tree = new List<int> { postmaster };
        tree.AddRange(ChildrenOf(postmaster));
        var processes = tree.Select(pid => { try { return Process.GetProcessById(pid); } catch (ArgumentException) { return null; } }).OfType<Process>().ToList();
        foreach (var p in processes)
        {
            try
            {
                p.Kill(); // SIGKILL on Unix
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        foreach (var p in processes)
        {
            p.WaitForExit(10_000);
            p.Dispose();
        }

        return processes.Count;
    }

    /// <summary>The server's log: crash recovery shows as "database system was interrupted" / "automatic recovery in progress".</summary>
    public string Log() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields.Length > 1 && int.TryParse(fields[1], out var ppid) && ppid == parent)
            {
                yield return pid;
            }
        }
    }

    private (int Exit, string Output) Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(_asPostgresUser && program != "chown" ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (_asPostgresUser && program != "chown")
        {
            foreach (var a in new[] { "-u", "postgres", "--", program })
            {
                psi.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            Run(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-m", "immediate", "-w", "stop");
        }

        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
