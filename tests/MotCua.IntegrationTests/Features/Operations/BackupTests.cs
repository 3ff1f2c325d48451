using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Testing;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>`backup` is an online, consistent copy of the SQLite database; `restore` puts it back and verifies every history chain.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_during_intakes_restores_into_an_empty_app_with_every_history_chain_intact()
    {
        Assert.SkipWhen(AppFactory.UsePostgres, "PostgreSQL is backed up with pg_dump/pg_restore (docs/reliability.md).");
        var ct = TestContext.Current.CancellationToken;
        var file = Path.Combine(Path.GetTempPath(), "motcua-backup-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            int backedUp;
            using (var source = new AppFactory())
            {
                var desk = await source.ClientFor("motcua");
                var leader = await source.ClientFor("lanhdao");
                for (var i = 0; i < 10; i++)
                {
                    var code = (await DossierApi.ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
                    if (i % 2 == 0)
                    {
                        await DossierApi.ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
                        await DossierApi.ActOkAsync(leader, code, new { action = "forward", toUnitCode = "584.TCKH" });
                    }
                }

                // Online: intakes keep committing while the copy is taken; the copy is one consistent snapshot.
                using var stop = new CancellationTokenSource();
                var writer = Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await DossierApi.ReceiveAsync(desk, "584.MC");
                    }
                }, ct);
                await Task.Delay(200, ct);
                var outcome = await Backups.BackupAsync(source.Services, file, ct);
                await stop.CancelAsync();
                await writer;
                Assert.Equal(0, outcome.ExitCode);

                await using var copy = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
                await copy.OpenAsync(ct);
                await using var cmd = copy.CreateCommand();
                cmd.CommandText = "SELECT count(*) FROM Dossiers";
                backedUp = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(backedUp >= 10);
                Assert.Equal(1, (await Backups.BackupAsync(source.Services, file, ct)).ExitCode == 2 ? 1 : 0); // never overwrites a file
            }

            using var target = new AppFactory();
            _ = target.Services; // starts the empty app: migrated, demo seed, no dossiers
            var restored = await Backups.RestoreAsync(target.Services, file, ct);

            Assert.Equal(0, restored.ExitCode);
            Assert.Contains($"{backedUp} dossier(s), 0 broken", restored.Message);
            using var scope = target.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(backedUp, await db.Dossiers.CountAsync(ct));
            var admin = await target.ClientFor("admin");
            var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/history/verify", ct);
            Assert.Equal(backedUp, verify.GetProperty("checked").GetInt32());
            Assert.Empty(verify.GetProperty("broken").EnumerateArray());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Backup_and_restore_commands_work_from_the_command_line_and_refuse_a_file_that_is_not_a_backup()
    {
        Assert.SkipWhen(AppFactory.UsePostgres, "PostgreSQL is backed up with pg_dump/pg_restore (docs/reliability.md).");
        using var app = await AppProcess.SeededAsync();
        var file = Path.Combine(app.Folder, "backups", "motcua-2025-06-03.db");

        var backup = await app.RunCommandAsync("backup", file);
        Assert.Equal(0, backup.Exit);
        Assert.True(File.Exists(file), backup.Output);

        var garbage = Path.Combine(app.Folder, "not-a-backup.db");
        await File.WriteAllTextAsync(garbage, "đây không phải cơ sở dữ liệu", TestContext.Current.CancellationToken);
        var refused = await app.RunCommandAsync("restore", garbage);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("Nothing was changed", refused.Output);

        var restore = await app.RunCommandAsync("restore", file);
        Assert.Equal(0, restore.Exit);
        Assert.Contains("0 broken", restore.Output);
        Assert.Equal(0, (await app.RunCommandAsync("verify-history")).Exit);
    }
}
