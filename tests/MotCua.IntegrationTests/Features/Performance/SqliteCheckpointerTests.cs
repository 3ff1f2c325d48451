using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Tracking;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Performance;

public sealed class SqliteCheckpointerTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_app_leaves_wal_checkpoints_to_the_background_pass_which_copies_every_committed_frame()
    {
        Assert.SkipWhen(AppFactory.UsePostgres, "PostgreSQL checkpoints on its own");
        var ct = TestContext.Current.CancellationToken;
        var checkpointer = app.Services.GetRequiredService<SqliteCheckpointer>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!checkpointer.Running)
        {
            Assert.True(DateTime.UtcNow < until, "the checkpointer did not start");
            await Task.Delay(20, ct);
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        await using (var pragma = db.Database.GetDbConnection().CreateCommand())
        {
            pragma.CommandText = "PRAGMA wal_autocheckpoint";
            Assert.Equal(0L, await pragma.ExecuteScalarAsync(ct));
        }

        // A commit of its own: with SQLite's checkpoints off on every app connection, only the background pass copies it.
        for (var i = 0; i < 20; i++)
        {
            db.TrackingAttempts.Add(new TrackingAttempt { Code = $"CKPT-{i}-{Guid.NewGuid():N}", Failures = 1, WindowStartUtc = DateTime.UtcNow });
            await db.SaveChangesAsync(ct);
        }

        await db.Database.CloseConnectionAsync();
        var after = checkpointer.Passes + 1; // the pass running now may have read the WAL before the last commit
        while (checkpointer.Passes <= after || checkpointer.Last is not { Log: > 0 } last || last.Copied < last.Log)
        {
            Assert.True(DateTime.UtcNow < until.AddSeconds(30), $"the WAL was not copied: {checkpointer.Last}");
            await Task.Delay(50, ct);
        }
    }
}
