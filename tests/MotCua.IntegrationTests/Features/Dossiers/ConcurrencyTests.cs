using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Many threads at once on one dossier and on one counter, on whichever database MOTCUA_TEST_DB names.</summary>
public sealed class ConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const int Threads = 48;

    [Fact]
    public async Task Many_threads_allocating_codes_of_one_unit_day_get_every_number_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var day = new DateOnly(2031, 3, 4);
        var unitId = await WithDb(db => db.Units.Where(u => u.Code == "22783").Select(u => u.Id).SingleAsync(ct));

        // Each thread: its own connection and transaction, as concurrent intakes have; a third of them roll back.
        var numbers = await Task.WhenAll(Enumerable.Range(0, Threads).Select(i => Task.Run(async () =>
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var n = await DossierCodes.NextAsync(db, unitId, day, ct);
            if (i % 3 == 2)
            {
                await tx.RollbackAsync(ct);
                return (int?)null;
            }

            await tx.CommitAsync(ct);
            return n;
        }, ct)));

        var committed = numbers.OfType<int>().Order().ToArray();
        Assert.Equal(Enumerable.Range(1, committed.Length), committed); // no duplicate, and a rolled-back number is reused: no gap
        var last = await WithDb(db => db.Database.SqlQueryRaw<int>(
            """SELECT "Last" AS "Value" FROM "DossierCounters" WHERE "UnitId" = {0} AND "Day" = {1}""",
            unitId, db.Database.IsNpgsql() ? day : (object)day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).SingleAsync(ct));
        Assert.Equal(committed.Length, last);
    }

    [Fact]
    public async Task Parallel_intakes_at_two_desks_give_consecutive_codes_per_unit()
    {
        var ct = TestContext.Current.CancellationToken;
        var district = await app.ClientFor("motcua");
        var commune = await app.ClientFor("motcua.phuocbinh");
        var documents = AllDocuments(await ProcedureAsync(district, Certification));

        var responses = await Task.WhenAll(Enumerable.Range(0, Threads).Select(i =>
            i % 2 == 0 ? ReceiveAsync(district, "584.MC", documents: documents) : ReceiveAsync(commune, "22783", documents: documents)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!));
        foreach (var unit in codes.GroupBy(c => c[..c.IndexOf('-', StringComparison.Ordinal)]))
        {
            var sequences = unit.Select(c => DossierCode.TryParse(c, out var p) ? p.Sequence : -1).Order().ToArray();
            Assert.Equal(sequences.Length, sequences.Distinct().Count());
            Assert.Equal(Enumerable.Range(sequences[0], sequences.Length), sequences);
        }
    }

    [Fact]
    public async Task Many_officers_acting_on_one_dossier_at_once_one_wins_the_rest_get_409_and_history_has_one_event_more()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        var version = (await GetAsync(desk, code)).GetProperty("version").GetInt32();

        var attempts = await Task.WhenAll(Enumerable.Range(0, Threads).Select(i => (i % 3) switch
        {
            0 => ActAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH", version }),
            1 => ActAsync(leader, code, new { action = "forward", toUnitCode = "584.TCKH", version }),
            _ => ActAsync(desk, code, new { action = "request-supplement", note = "Thiếu bản sao", version }),
        }));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var after = await GetAsync(desk, code);
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", ct);
        Assert.Equal(2, history!.Length);
        var admin = await app.ClientFor("admin");
        var verify = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/history/verify?code={code}", ct);
        Assert.Empty(verify.GetProperty("broken").EnumerateArray());
    }

    private async Task<T> WithDb<T>(Func<AppDbContext, Task<T>> f)
    {
        using var scope = app.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
