using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Performance;

/// <summary>Intakes that arrive together are committed together: codes stay gapless and one bad intake fails alone.</summary>
public sealed class IntakeGroupCommitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_intakes_get_gapless_codes_and_a_repeated_idempotency_key_fails_alone()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var documents = AllDocuments(await ProcedureAsync(desk, Certification));
        Task<HttpResponseMessage> Post(string key) => desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode = "22783",
            channel = "direct",
            idempotencyKey = key,
            applicant = new { fullName = "Chamaléa Thị Mỹ Hường", idNumber = "058090001234", phone = "0912345678" },
            documents,
        }, Ct);

        // 30 distinct keys and the same key three times, all at once: the repeats land in a batch with the others.
        var keys = Enumerable.Range(0, 30).Select(i => $"group-commit-{i:D4}").Concat(Enumerable.Repeat("group-commit-same", 3)).ToArray();
        var responses = await Task.WhenAll(keys.Select(Post));

        var codes = new List<string>();
        foreach (var r in responses)
        {
            var body = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.StatusCode}: {body}");
            codes.Add(body.GetProperty("code").GetString()!);
        }

        Assert.Single(codes.Skip(30).Distinct());
        Assert.Equal(31, codes.Distinct().Count());
        var numbers = codes.Distinct().Select(c => int.Parse(c[(c.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(Enumerable.Range(numbers[0], 31), numbers);
        foreach (var code in codes.Distinct())
        {
            var history = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}/history", Ct);
            Assert.Equal("receive", history[0].GetProperty("action").GetString());
        }
    }

    [Fact]
    public async Task A_batch_writes_every_row_of_each_intake_with_a_valid_chain_and_the_aggregates_of_a_rebuild()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var procedure = await ProcedureAsync(desk, Certification);
        var documents = AllDocuments(procedure);
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode = "22783",
            channel = i % 3 == 0 ? "postal" : "direct",
            postalTrackingNumber = i % 3 == 0 ? $"EB{i:D6}VN" : null,
            applicant = new { fullName = $"Người nộp {i}", idNumber = $"0580900{i:D5}", phone = $"09123{i:D5}", email = $"nguoi{i}@example.test" },
            documents,
        }, Ct)));
        var codes = new List<string>();
        foreach (var r in responses)
        {
            var body = await r.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(r.StatusCode == HttpStatusCode.Created, $"{r.StatusCode}: {body}");
            codes.Add(body.GetProperty("code").GetString()!);
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var dossiers = await db.Dossiers.AsNoTracking().Include(d => d.DocumentRows).Include(d => d.Steps).Where(d => codes.Contains(d.Code)).ToListAsync(Ct);
        Assert.Equal(24, dossiers.Count);
        var templateSteps = procedure.GetProperty("steps").GetArrayLength();
        foreach (var d in dossiers)
        {
            Assert.Equal(documents.Length, d.Documents.Count);
            Assert.Equal(templateSteps, d.Steps.Count);
            Assert.Equal(1, d.EventCount);
            Assert.NotNull(d.AppointmentDate);
            var events = await db.DossierEvents.AsNoTracking().Where(e => e.DossierId == d.Id).ToListAsync(Ct);
            Assert.Equal(d.Code, Assert.Single(events).DossierCode);
            Assert.Equal(d.Channel == Channel.Postal ? "receive-postal" : "receive", events[0].Action);
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.DossierCode == d.Code).Select(m => m.To).OrderBy(m => m).ToListAsync(Ct);
            Assert.Equal([d.Applicant.Phone!, d.Applicant.Email!], messages);
            Assert.Empty((await VerifyHistory.RunAsync(db, d.Code, Ct)).Broken);
        }

        var incremental = await AggregateRowsAsync(db);
        await RebuildAggregates.RunAsync(db, Ct);
        Assert.Equal(await AggregateRowsAsync(db), incremental);
    }

    private static async Task<List<string>> AggregateRowsAsync(AppDbContext db) =>
        [.. (await db.IndicatorAggregates.AsNoTracking().ToListAsync(Ct)).Where(r => !r.ToVector().IsZero)
            .Select(r => $"{r.ProcedureCode}|{r.Grain}|{r.Day:yyyy-MM-dd}|{r.UnitPath}|{string.Join(',', r.ToVector().ToArray())}")
            .Order(StringComparer.Ordinal)];
}
