using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MotCua.LoadTest;

/// <summary>The published app as a child process on 127.0.0.1, with its peak RSS and CPU time read from /proc.</summary>
internal sealed class AppServer : IDisposable
{
    private readonly Process _process;

    private AppServer(Process process, int port, string log)
    {
        _process = process;
        Port = port;
        Log = log;
    }

    public int Port { get; }

    public string Log { get; }

    public int Pid => _process.Id;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool HasExited => _process.HasExited;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Publishes src/MotCua.Web (Release, precompiled as deployed, or JIT-only) under artifacts/loadtest and returns the dll.</summary>
    public static async Task<string> PublishAsync(string repo, CancellationToken ct, bool readyToRun = true)
    {
        var output = Path.Combine(repo, "artifacts", "loadtest", readyToRun ? "app" : "app-jit");
        var psi = new ProcessStartInfo("dotnet", ["publish", Path.Combine(repo, "src", "MotCua.Web"), "-c", "Release", "-o", output, "-v", "q", "-nologo", $"-p:PublishReadyToRun={readyToRun}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + await stdout + await stderr);
        }

        return Path.Combine(output, "MotCua.Web.dll");
    }

    /// <summary>Runs one of the app's admin commands (seed-demo, create-user…) with the same settings.</summary>
    public static async Task RunCommandAsync(string dll, IReadOnlyDictionary<string, string> settings, string[] args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Configure(psi, settings);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync(ct);
        var stderr = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', args)}' failed:\n" + await stdout + await stderr);
        }
    }

    internal static void Configure(ProcessStartInfo psi, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public static async Task<AppServer> StartAsync(string dll, IReadOnlyDictionary<string, string> settings, string logFile, CancellationToken ct)
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Configure(psi, settings);
        var process = Process.Start(psi)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new AppServer(process, port, logFile);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting; see {logFile}");
            }

            try
            {
                using var r = await http.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (r.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(200, ct);
        }

        server.Dispose();
        throw new TimeoutException($"The app did not answer /health within 180 s; see {logFile}");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>Resets VmHWM (writing 5 to clear_refs), so that each scenario reads its own peak.</summary>
    public void ResetPeakRss()
    {
        try
        {
            File.WriteAllText($"/proc/{Pid}/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public long PeakRssKb() => Status("VmHWM:");

    public long RssKb() => Status("VmRSS:");

    private long Status(string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{Pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>User + system CPU seconds of the server so far (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    public double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// CPU ticks (1/100 s) so far of each of the server's background JIT threads (".NET Tiered Com…"), by thread id. These
    /// threads exit when idle, so a caller samples often and keeps the largest figure seen per thread.
    /// </summary>
    public void SampleJitTicks(Dictionary<int, long> ticksByThread)
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{Pid}/task"))
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }

                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var tid = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
                var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                ticksByThread[tid] = Math.Max(ticks, ticksByThread.GetValueOrDefault(tid));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A thread that exited between listing and reading: its last sample stands.
        }
    }

    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
