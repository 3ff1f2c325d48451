using System.Diagnostics;
using Microsoft.Data.Sqlite;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Operations;

/// <summary>Runs the built app as an operator would: `MotCua.Web &lt;command&gt;` against its own SQLite file.</summary>
public sealed class AdminCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "motcua-cmd-" + Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Output)> Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MotCua.Web.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(_folder, "cmd.db")}";
        psi.Environment["Database__Provider"] = "Sqlite";
        // As AppProcess: Production refuses the demo, and the built app defaults to Production.
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        psi.Environment["Demo__Enabled"] = "true";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, output + error);
    }

    [Fact]
    public async Task Migrate_seed_demo_and_create_user_work_from_the_command_line()
    {
        // Five SQLite processes whatever the pass: the PostgreSQL pass runs commands on its own database through AppProcess.
        Assert.SkipWhen(AppFactory.UsePostgres, "the commands run against SQLite here; see DurabilityTests and ImportDurabilityTests");
        Assert.Equal(0, (await Run("migrate")).Exit);
        Assert.Equal(0, (await Run("seed-demo")).Exit);

        var created = await Run("create-user", "--username", "an.nv", "--password", "Mat-khau-2026", "--role", "desk", "--unit", "22783", "--name", "Nguyễn Văn An");
        Assert.Equal(0, created.Exit);
        Assert.Contains("Created an.nv", created.Output);

        var unknownUnit = await Run("create-user", "--username", "x", "--password", "Mat-khau-2026", "--role", "desk", "--unit", "99999");
        Assert.Equal(2, unknownUnit.Exit);
        Assert.Contains("Unknown unit", unknownUnit.Output);

        var weak = await Run("create-user", "--username", "y", "--password", "abc", "--role", "citizen");
        Assert.Equal(1, weak.Exit);
        Assert.Contains("ít nhất 8 ký tự", weak.Output);

        await using var db = new SqliteConnection($"Data Source={Path.Combine(_folder, "cmd.db")}");
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT u.Code FROM AspNetUsers a JOIN Units u ON u.Id = a.UnitId WHERE a.UserName = 'an.nv'";
        Assert.Equal("22783", await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
