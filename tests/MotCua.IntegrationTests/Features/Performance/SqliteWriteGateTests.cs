using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Performance;

public sealed class SqliteWriteGateTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_second_write_transaction_waits_in_process_until_the_first_commits()
    {
        Assert.SkipWhen(AppFactory.UsePostgres, "the gate serialises SQLite's single writer only");
        var ct = TestContext.Current.CancellationToken;
        _ = app.Services; // starts the host: migrated and seeded
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();

        var tx1 = await db1.Database.BeginTransactionAsync(ct);
        var waiting = db2.Database.BeginTransactionAsync(ct);
        await Task.Delay(300, ct);
        Assert.False(waiting.IsCompleted);

        await tx1.CommitAsync(ct);
        await using var tx2 = await waiting.WaitAsync(TimeSpan.FromSeconds(5), ct);
        await tx2.CommitAsync(ct);
        await tx1.DisposeAsync();
    }

    [Fact]
    public async Task A_transaction_disposed_without_commit_lets_the_next_writer_in()
    {
        Assert.SkipWhen(AppFactory.UsePostgres, "the gate serialises SQLite's single writer only");
        var ct = TestContext.Current.CancellationToken;
        _ = app.Services;
        using (var failed = app.Services.CreateScope())
        {
            var db = failed.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
        }

        using var next = app.Services.CreateScope();
        var db2 = next.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx2 = await db2.Database.BeginTransactionAsync(ct).WaitAsync(TimeSpan.FromSeconds(5), ct);
        await tx2.RollbackAsync(ct);
    }

    [Fact]
    public async Task Concurrent_intakes_all_succeed_with_distinct_codes()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var documents = Dossiers.DossierApi.AllDocuments(await Dossiers.DossierApi.ProcedureAsync(desk, Dossiers.DossierApi.Certification));
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Dossiers.DossierApi.ReceiveAsync(desk, "22783", documents: documents)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(24, responses.Select(r => r.Headers.Location!.ToString()).Distinct().Count());
    }
}
