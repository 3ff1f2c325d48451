using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;
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
}
