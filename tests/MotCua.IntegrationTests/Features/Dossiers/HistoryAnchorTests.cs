using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;
using static MotCua.IntegrationTests.Features.Dossiers.HistoryTampering;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Chain heads anchored outside the database: a chain rewritten whole and rehashed is caught, and so is an edited anchor file.</summary>
public sealed class HistoryAnchorTests(AppFactory app) : IClassFixture<AppFactory>
{
    private HistoryAnchors Anchors => app.Services.GetRequiredService<HistoryAnchors>();

    private async Task<string> ForwardedDossierAsync()
    {
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH", note = "Chuyển phòng TC-KH" });
        return code;
    }

    [Fact]
    public async Task Rewriting_a_whole_chain_and_its_head_is_caught_by_the_signed_anchor()
    {
        var ct = TestContext.Current.CancellationToken;
        var code = await ForwardedDossierAsync();
        var intact = await ForwardedDossierAsync();
        await Anchors.WriteCheckpointAsync(ct);
        Assert.Equal(0, await Anchors.WriteCheckpointAsync(ct)); // nothing grew since: nothing to add
        Assert.True((await VerifyAsync(app, code)).Intact);
        Assert.Equal(2, (await Anchors.ReadAsync(code, ct)).Heads[code].Sequence);

        // The forger rewrites the note and the time of every event and rehashes the chain and its head consistently.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await LiftGuardAsync(db);
            try
            {
                var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierCode == code).ToListAsync(ct);
                foreach (var e in events)
                {
                    await SetAsync(db, e.Id, "Note", "Hồ sơ hợp lệ, đã xử lý đúng hạn");
                    await SetAsync(db, e.Id, "AtUtc", e.AtUtc.AddDays(-1));
                }

                await RehashAsync(db, code, HistoryChain.Current);
            }
            finally
            {
                await RestoreGuardAsync(app, db);
            }
        }

        // The chain alone no longer tells: checked without the anchor file it verifies.
        Assert.Empty((await VerifyHistory.RunAsync(NewDb(), AnchorsAt(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))), code, ct)).Broken);

        var report = await VerifyAsync(app);
        var broken = Assert.Single(report.Broken, b => b.Code == code || b.Code == intact);
        Assert.Equal((code, 2L, VerifyHistory.Problem.Anchor), (broken.Code, broken.Sequence, broken.Problem));
        Assert.Contains($"{code} at event 2 (forward): differs from the signed anchor", VerifyHistory.Describe(broken));
        Assert.Null(report.Anchors.Problem);
    }

    [Fact]
    public async Task An_edited_removed_or_foreign_anchor_line_is_reported()
    {
        var ct = TestContext.Current.CancellationToken;
        await ForwardedDossierAsync();
        await Anchors.WriteCheckpointAsync(ct);
        await ForwardedDossierAsync();
        await Anchors.WriteCheckpointAsync(ct);
        var lines = await File.ReadAllLinesAsync(app.AnchorFile, ct);
        Assert.True(lines.Length >= 2);
        Assert.Null((await VerifyAsync(app)).Anchors.Problem);
        var copy = Path.Combine(Path.GetTempPath(), "motcua-anchor-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            // The forger edits a head in the last line to match a rewritten chain: the signature no longer matches.
            var edited = lines.ToArray();
            var hashAt = edited[^1].LastIndexOf("\"]", StringComparison.Ordinal) - 1;
            edited[^1] = edited[^1][..hashAt] + (edited[^1][hashAt] == '0' ? '1' : '0') + edited[^1][(hashAt + 1)..];
            await File.WriteAllLinesAsync(copy, edited, ct);
            var snapshot = await AnchorsAt(copy).ReadAsync(null, ct);
            Assert.Equal($"line {lines.Length}: signature does not match", snapshot.Problem);

            // A line removed from the middle breaks the link of the next one.
            await File.WriteAllLinesAsync(copy, lines.Where((_, i) => i != lines.Length - 2), ct);
            Assert.Equal($"line {lines.Length - 1}: does not follow the line before it (a line was removed, changed or moved)",
                (await AnchorsAt(copy).ReadAsync(null, ct)).Problem);

            // Verified with a key ring certificate that did not sign it: refused, not trusted.
            await File.WriteAllLinesAsync(copy, lines, ct);
            using var stranger = TestCertificates.Create("someone else");
            var foreign = await AnchorsAt(copy, new KeyCertificates { Current = stranger, All = [stranger], FromConfiguration = true, Source = "test" }).ReadAsync(null, ct);
            Assert.StartsWith("line 1: signed by certificate", foreign.Problem);

            var report = await VerifyHistory.RunAsync(NewDb(), AnchorsAt(copy, new KeyCertificates { Current = stranger, All = [stranger], FromConfiguration = true, Source = "test" }), null, ct);
            Assert.False(report.Intact);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task A_chain_cut_back_behind_its_anchor_is_reported_from_the_first_missing_event()
    {
        var ct = TestContext.Current.CancellationToken;
        var code = await ForwardedDossierAsync();
        await Anchors.WriteCheckpointAsync(ct);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sql = db.Database.IsNpgsql()
                ? """ALTER TABLE "DossierEvents" DISABLE TRIGGER "DossierEvents_append_only"; DELETE FROM "DossierEvents" WHERE "DossierCode" = {0} AND "Sequence" = 2;"""
                : """DROP TRIGGER "DossierEvents_no_delete"; DELETE FROM "DossierEvents" WHERE "DossierCode" = {0} AND "Sequence" = 2;""";
            await db.Database.ExecuteSqlRawAsync(sql, [code], ct);
            var head = await db.DossierEvents.AsNoTracking().SingleAsync(e => e.DossierCode == code, ct);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Dossiers" SET "LastHash" = {0}, "EventCount" = 1 WHERE "Code" = {1}""", [head.Hash, code], ct);
            await RestoreGuardAsync(app, db);
        }

        var broken = Assert.Single((await VerifyAsync(app, code)).Broken);
        Assert.Equal((2L, VerifyHistory.Problem.BehindAnchor), (broken.Sequence, broken.Problem));
    }

    [Fact]
    public async Task A_pass_resumes_from_the_last_checkpoint_and_does_not_anchor_a_multi_line_pass_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await ForwardedDossierAsync();
        await ForwardedDossierAsync();
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "history-anchors.jsonl");
        // One head per line: the first pass writes several lines, as a first pass over a province does (5,000 heads a line);
        // one event per read: the events fill whole batches, as 10^6 events do batches of 20,000.
        var anchors = AnchorsAt(file, settings: new()
        {
            ["History:AnchorHeadsPerLine"] = "1",
            ["History:AnchorLateEvents"] = "0",
            ["History:AnchorReadBatch"] = "1",
        });
        var first = await anchors.WriteCheckpointAsync(ct);
        Assert.True(first >= 2);
        Assert.Equal(first, (await File.ReadAllLinesAsync(file, ct)).Length);

        Assert.Equal(0, await anchors.WriteCheckpointAsync(ct)); // before: every head but the last line's, written again
        var code = await ForwardedDossierAsync();
        Assert.Equal(1, await anchors.WriteCheckpointAsync(ct));
        var snapshot = await anchors.ReadAsync(null, ct);
        Assert.Null(snapshot.Problem);
        Assert.Equal(first + 1, snapshot.Heads.Count);
        Assert.Equal(2, snapshot.Heads[code].Sequence);
    }

    private AppDbContext NewDb() => app.Services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();

    private HistoryAnchors AnchorsAt(string file, KeyCertificates? keys = null, Dictionary<string, string?>? settings = null) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(settings ?? []) { ["History:AnchorFile"] = file }).Build(),
        app.Services.GetRequiredService<IWebHostEnvironment>(),
        keys ?? app.Services.GetRequiredService<KeyCertificates>(),
        app.Services.GetRequiredService<IServiceScopeFactory>(),
        TimeProvider.System);
}
