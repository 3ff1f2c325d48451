using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;
using static MotCua.IntegrationTests.Features.Dossiers.HistoryTampering;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>History chain v2: every stored column of an event is inside the hash; chains written under v1 keep verifying.</summary>
public sealed class HistoryV2Tests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>The surrogate key is the one column outside the hash: nothing reads it (chains are ordered by sequence) and the database assigns it after the hash is made.</summary>
    private static readonly string[] NotHashed = [nameof(DossierEvent.Id)];

    [Fact]
    public async Task Tampering_with_each_stored_column_of_an_event_is_named_by_verify_history()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH", note = "Chuyển phòng TC-KH" });
        var other = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var target = await db.DossierEvents.AsNoTracking().SingleAsync(e => e.DossierCode == code && e.Sequence == 2, ct);
        var otherId = await db.Dossiers.Where(d => d.Code == other).Select(d => d.Id).SingleAsync(ct);
        Assert.Empty((await VerifyAsync(app)).Broken);

        var properties = db.Model.FindEntityType(typeof(DossierEvent))!.GetProperties().Where(p => !NotHashed.Contains(p.Name)).ToList();
        var tested = new List<string>();
        await LiftGuardAsync(db);
        try
        {
            foreach (var p in properties)
            {
                var column = p.GetColumnName();
                var original = p.GetGetter().GetClrValue(target);
                await SetAsync(db, target.Id, column, Tampered(p, original, otherId));

                var report = await VerifyAsync(app, code);
                var broken = Assert.Single(report.Broken);
                Assert.True(broken is { Sequence: 2 } && broken.Code == code, $"{column}: {VerifyHistory.Describe(broken)}");
                Assert.Equal(p.Name == nameof(DossierEvent.DossierId) ? VerifyHistory.Problem.Tail : VerifyHistory.Problem.Content, broken.Problem);
                Assert.Contains($"{code} at event 2", VerifyHistory.Describe(broken));

                await SetAsync(db, target.Id, column, original);
                Assert.Empty((await VerifyAsync(app, code)).Broken);
                tested.Add(column);
            }
        }
        finally
        {
            await RestoreGuardAsync(app, db);
        }

        // Every mapped column but the key was tampered with, including the ones v1 left out.
        Assert.Equal(db.Model.FindEntityType(typeof(DossierEvent))!.GetProperties().Count() - NotHashed.Length, tested.Count);
        Assert.Superset(new HashSet<string> { "UnitCode", "ToUnitCode", "ReasonCode", "ActorName", "Attachments", "AtUtc", "StateBefore" }, tested.ToHashSet());
        Assert.Empty((await VerifyAsync(app)).Broken);
    }

    [Fact]
    public async Task A_chain_written_under_v1_keeps_verifying_and_continues_under_v2()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await LiftGuardAsync(db);
            try
            {
                // The dossier as the previous release wrote it: every hash in the v1 form.
                await RehashAsync(db, code, version: 1);
            }
            finally
            {
                await RestoreGuardAsync(app, db);
            }
        }

        var old = await VerifyAsync(app, code);
        Assert.Empty(old.Broken);
        Assert.Equal(1, old.V1Events);

        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH", note = "Chuyển phòng TC-KH" });
        var continued = await VerifyAsync(app, code);
        Assert.Empty(continued.Broken);
        Assert.Equal(1, continued.V1Events); // the new event is v2

        var admin = await app.ClientFor("admin");
        var api = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/history/verify?code=" + code, ct);
        Assert.Equal(1, api.GetProperty("v1Events").GetInt32());
        Assert.Empty(api.GetProperty("broken").EnumerateArray());
    }

    private static object? Tampered(IProperty p, object? value, long otherDossierId) => p.Name switch
    {
        // Moved to another dossier (which has only its first event, so the unique index allows it).
        nameof(DossierEvent.DossierId) => otherDossierId,
        nameof(DossierEvent.Hash) or nameof(DossierEvent.PreviousHash) => Flip((string)value!),
        _ => value switch
        {
            null when p.ClrType == typeof(string) => "x",
            null when p.ClrType == typeof(DateOnly?) => new DateOnly(2025, 1, 2),
            null when p.ClrType == typeof(DossierStatus?) => DossierStatus.Received,
            string s => s + "x",
            DossierStatus s => s == DossierStatus.Received ? DossierStatus.InProcess : DossierStatus.Received,
            long l => l + 100,
            DateTime t => t.AddSeconds(1),
            DateOnly d => d.AddDays(1),
            _ => throw new InvalidOperationException($"No tampering defined for {p.Name} ({p.ClrType.Name}): add one, so that the new column is tested."),
        },
    };

    private static string Flip(string hash) => hash[..^1] + (hash[^1] == '0' ? '1' : '0');
}
