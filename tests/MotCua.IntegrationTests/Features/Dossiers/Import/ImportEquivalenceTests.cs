using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Dossiers.Import;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Dossiers.Import;

/// <summary>
/// Issue 25.2: the set-wise import writes what the entity path writes. The same hand-built dossiers, under three code prefixes,
/// go once through the import in one batch (set-wise rows and aggregates), once in batches of two (the single-row aggregate
/// upserts) and once through EF's SaveChanges, whose interceptor adds the aggregates; each path's aggregate increments and
/// rows must be the same.
/// </summary>
public sealed class ImportEquivalenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Xã Bác Ái (since 1/7/2025); received in 2026: approved and returned, refused after a closed pause, paused (open), in process
    // and late, withdrawn, stopped, postal with a fee paid online; a day shared by several dossiers, month and year rows shared by all.
    private static readonly string[] Lines =
    [
        """{"code":"{P}-01","procedureCode":"1.001193","unitCode":"56.BACAI","channel":"online","receivedAt":"2026-03-02T08:30:00+07:00","dueDate":"2026-03-06","finishedAt":"2026-03-05T10:00:00+07:00","finishKind":"approved","returnedAt":"2026-03-06T09:00:00+07:00","pauses":[],"supplementRequests":0,"feeVnd":20000,"paidOnline":true,"digitized":true,"electronicResult":true,"reusedDocuments":1,"routedElectronically":true,"rating":5,"complaint":false}""",
        """{"code":"{P}-02","procedureCode":"1.001193","unitCode":"56.BACAI","channel":"direct","receivedAt":"2026-03-02","dueDate":"2026-03-04","finishedAt":"2026-03-10","finishKind":"refused","pauses":[{"from":"2026-03-03","to":"2026-03-05"}],"supplementRequests":2,"feeVnd":0,"routedElectronically":false,"rating":2,"complaint":true}""",
        """{"code":"{P}-03","procedureCode":"1.001193","unitCode":"56.BACAI","channel":"online","receivedAt":"2026-03-02T14:00:00+07:00","dueDate":"2026-03-20","pauses":[{"from":"2026-03-04","to":"2026-03-05"},{"from":"2026-03-09","to":null}],"supplementRequests":1}""",
        """{"code":"{P}-04","procedureCode":"1.001193","unitCode":"56.BACAI","channel":"direct","receivedAt":"2026-04-15","dueDate":"2026-04-20","reusedDocuments":3,"digitized":true}""",
        """{"code":"{P}-05","procedureCode":"1.001193","unitCode":"56.BACAI","channel":"online","receivedAt":"2026-04-15","dueDate":"2026-04-30","finishedAt":"2026-04-16","finishKind":"withdrawn"}""",
        """{"code":"{P}-06","procedureCode":"1.001193","unitCode":"56.BACAI","channel":"postal","receivedAt":"2026-05-31T23:30:00+07:00","dueDate":"2026-06-05","finishedAt":"2026-06-08","finishKind":"approved","returnedAt":"2026-06-09","feeVnd":50000,"paidOnline":true,"routedElectronically":true,"rating":4}""",
        """{"code":"{P}-07","procedureCode":"1.001193","unitCode":"56.BACAI","channel":"direct","receivedAt":"2026-06-01","dueDate":"2026-06-03","finishedAt":"2026-06-02","finishKind":"stopped","electronicResult":true}""",
    ];

    private static string File(string prefix) =>
        string.Join('\n', [.. Lines[..4].Select(l => l.Replace("{P}", prefix, StringComparison.Ordinal)), Lines[0].Replace("{P}", prefix, StringComparison.Ordinal), "{\"code\":\"X\"}",
            .. Lines[4..].Select(l => l.Replace("{P}", prefix, StringComparison.Ordinal))]);

    [Fact]
    public async Task Set_wise_import_writes_the_rows_and_aggregates_of_the_entity_path_and_a_rerun_writes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var importer = scope.ServiceProvider.GetRequiredService<ImportDossiers>();

        // The fast path: the whole file in one batch (the set-wise statements on both databases).
        var a0 = await AggregatesAsync(db, ct);
        var fast = await importer.RunAsync(new StringReader(File("EQA")), "test", ct);
        Assert.Equal((7L, 1L, 1L), (fast.Imported, fast.AlreadyPresent, fast.Rejected));
        var a1 = await AggregatesAsync(db, ct);
        var fastDelta = Delta(a0, a1);
        Assert.NotEmpty(fastDelta);

        // A rerun (and a resumed one: any part of the file again) imports nothing twice and changes no aggregate.
        var again = await importer.RunAsync(new StringReader(File("EQA")), "test", ct);
        Assert.Equal((0L, 8L), (again.Imported, again.AlreadyPresent));
        Assert.Equal(a1, await AggregatesAsync(db, ct));

        // Batches of two: the batch boundaries fall inside days and months, and aggregates go through the single-row upsert.
        var small = await importer.RunAsync(new StringReader(File("EQB")), "test", ct, batchSize: 2);
        Assert.Equal(7, small.Imported);
        var a2 = await AggregatesAsync(db, ct);
        Assert.Equal(fastDelta, Delta(a1, a2));

        // The entity path: the same dossiers and "imported" events saved through EF, whose SaveChanges hook adds the aggregates.
        var units = await db.Units.AsNoTracking().Where(u => u.Code == "56.BACAI").OrderByDescending(u => u.ValidFrom).FirstAsync(ct);
        var procedure = await db.Procedures.AsNoTracking().Where(p => p.Code == "1.001193").OrderByDescending(p => p.ValidFrom).FirstAsync(ct);
        foreach (var line in Lines.Select(l => l.Replace("{P}", "EQC", StringComparison.Ordinal)))
        {
            var parsed = System.Text.Json.JsonSerializer.Deserialize<ImportLine>(line, System.Text.Json.JsonSerializerOptions.Web)!;
            Assert.Null(ImportDossiers.Build(parsed, (units.Id, units.Path), (procedure.Id, procedure.Name), out var dossier, out var at));
            db.Dossiers.Add(dossier!);
            db.DossierEvents.Add(DossierHistory.Next(dossier!, Actor.System, at, new("imported", null, "test")));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        Assert.Equal(fastDelta, Delta(a2, await AggregatesAsync(db, ct)));

        // The same rows under each prefix: dossiers (every column but the keys), their one event each, their pauses.
        var rows = new Dictionary<string, List<string>>();
        foreach (var prefix in new[] { "EQA", "EQB", "EQC" })
        {
            var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.Code.StartsWith(prefix + "-")).Include(d => d.Pauses).OrderBy(d => d.Code).ToListAsync(ct);
            var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierCode.StartsWith(prefix + "-")).OrderBy(e => e.DossierCode).ToListAsync(ct);
            Assert.Equal(7, dossiers.Count);
            Assert.Equal(7, events.Count);
            Assert.All(events, e => Assert.Equal(dossiers.Single(d => d.Code == e.DossierCode).Id, e.DossierId));
            rows[prefix] = [.. dossiers.Select(d => $"{d.Code[3..]}|{d.Status}|{d.Channel}|{d.ReceivedAtUtc:O}|{d.ReceivedOn}|{d.LegalDueDate}|{d.FinishKind}|{d.FinishedOn}|{d.ReturnedOn}|{d.PausedFrom}|{d.SupplementRequests}|{d.CountedLate}|{d.FeeVnd}|{d.PaidOnline}|{d.Digitized}|{d.ElectronicResult}|{d.ReusedDocuments}|{d.RoutedElectronically}|{d.Rating}|{d.Complaint}|{d.EventCount}|{d.ReceivingUnitPath}|{d.ProcedureName}|"
                + string.Join(';', d.Pauses.OrderBy(p => p.From).Select(p => $"{p.Reason}:{p.From}-{p.To}"))),
                .. events.Select(e => $"{e.DossierCode[3..]}|{e.Sequence}|{e.AtUtc:O}|{e.Action}|{e.StateAfter}|{e.Note}|{e.ActorId}")];
        }

        Assert.Equal(rows["EQA"], rows["EQB"]);
        Assert.Equal(rows["EQA"], rows["EQC"]);
        Assert.Equal(3, await db.Set<DossierPause>().CountAsync(p => db.Dossiers.Any(d => d.Id == p.DossierId && d.Code.StartsWith("EQA-")), ct));
        Assert.Empty((await VerifyHistory.RunAsync(db, null, ct)).Broken);
    }

    private static async Task<Dictionary<string, long[]>> AggregatesAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.IndicatorAggregates.AsNoTracking().ToListAsync(ct);
        return rows.ToDictionary(r => $"{r.ProcedureCode}|{r.Grain}|{r.Day:yyyy-MM-dd}|{r.UnitPath}", r => r.ToVector().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The non-zero per-row increments from one snapshot to the next, as sorted text.</summary>
    private static List<string> Delta(Dictionary<string, long[]> before, Dictionary<string, long[]> after) =>
        [.. after.Select(kv => (kv.Key, Values: kv.Value.Select((v, i) => v - (before.TryGetValue(kv.Key, out var b) ? b[i] : 0)).ToArray()))
            .Where(x => x.Values.Any(v => v != 0))
            .Select(x => $"{x.Key}|{string.Join(',', x.Values)}")
            .Order(StringComparer.Ordinal)];
}
