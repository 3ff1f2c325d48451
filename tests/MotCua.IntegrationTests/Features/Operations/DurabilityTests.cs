using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>SIGKILL in the middle of a burst of intakes: what was acknowledged survives whole, nothing is half-written, no code repeats.</summary>
public sealed class DurabilityTests
{
    private const int Workers = 8;

    // The process runs on the real clock: the district units closed on 30/06/2025, so intake goes to a commune in force today.
    private const string Unit = "56.BACAITAY";
    private const string DeskUser = "motcua.bacaitay";
    private const string DeskPassword = "Ben-vung-2026!";

    [Fact]
    public async Task A_server_killed_during_a_burst_of_intakes_keeps_every_acknowledged_dossier_whole_and_unique()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = await AppProcess.SeededAsync();
        await server.StartAsync();
        var created = await server.RunCommandAsync("create-user", "--username", DeskUser, "--password", DeskPassword, "--role", "desk", "--unit", Unit, "--name", "Cán bộ một cửa (kiểm thử)");
        Assert.True(created.Exit == 0, created.Output);
        var documents = await DocumentsAsync(server, ct);
        var deskToken = await TokenAsync(server, DeskUser, ct, DeskPassword);
        var lastRefusal = "";

        var acknowledged = new ConcurrentBag<string>();
        var tried = 0;
        var lost = 0;
        using var stop = new CancellationTokenSource();
        var burst = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            using var client = Client(server, deskToken);
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref tried);
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/dossiers", Intake(documents), CancellationToken.None);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        // Acknowledged only once the whole answer is read: that is what a client would rely on.
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                        acknowledged.Add(body.GetProperty("code").GetString()!);
                    }
                    else
                    {
                        lastRefusal = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}";
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
                {
                    // The kill cut this request: its outcome is unknown to the client, so either way is correct.
                    Interlocked.Increment(ref lost);
                    return;
                }
            }
        }, ct)).ToArray();

        // Kill once the burst is well under way, with requests in flight.
        var waitUntil = DateTime.UtcNow.AddMinutes(3);
        while (acknowledged.Count < 40)
        {
            Assert.True(DateTime.UtcNow < waitUntil, $"the burst did not get 40 intakes through in 3 minutes ({acknowledged.Count}); last refusal: {lastRefusal}");
            await Task.Delay(20, ct);
        }

        server.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(burst);
        var acked = acknowledged.ToArray();

        await server.StartAsync();
        using var admin = Client(server, await TokenAsync(server, "admin", ct));
        foreach (var code in acked)
        {
            var found = await admin.GetAsync($"/api/v1/dossiers/{code}", ct);
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"acknowledged dossier {code} is missing after the kill");
        }

        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/history/verify", ct);
        Assert.Empty(verify.GetProperty("broken").EnumerateArray());
        var stored = await AllCodesAsync(admin, ct);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(verify.GetProperty("checked").GetInt32(), stored.Count);
        Assert.Subset(stored.ToHashSet(), acked.ToHashSet());

        // After the restart the counter continues: the next intake gets a new, unique code.
        using var desk = Client(server, await TokenAsync(server, DeskUser, ct, DeskPassword));
        var after = await desk.PostAsJsonAsync("/api/v1/dossiers", Intake(documents), ct);
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        var next = (await after.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("code").GetString()!;
        Assert.DoesNotContain(next, stored);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{AppFactory.ProviderName}: {tried} intakes tried, {acked.Length} acknowledged before SIGKILL, {lost} cut in flight, " +
            $"{stored.Count} stored after restart, 0 acknowledged lost, 0 broken chains, 0 duplicate codes");
    }

    private static object Intake(JsonElement documents) => new
    {
        procedureCode = "2.000815",
        unitCode = Unit,
        channel = "direct",
        applicant = new { fullName = "Nguyễn Văn Bền", idNumber = "058090001234", phone = "0912345678" },
        documents,
    };

    private static HttpClient Client(AppProcess server, string token)
    {
        var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TokenAsync(AppProcess server, string user, CancellationToken ct, string password = AppFactory.DemoPassword)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> DocumentsAsync(AppProcess server, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var procedure = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.000815", ct);
        return JsonSerializer.SerializeToElement(procedure.GetProperty("documents").EnumerateArray()
            .Select(d => new { name = d.GetProperty("name").GetString(), kind = "original", count = 1 }).ToArray());
    }

    private static async Task<List<string>> AllCodesAsync(HttpClient admin, CancellationToken ct)
    {
        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers?page={page}", ct);
            var items = json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToList();
            codes.AddRange(items);
            if (items.Count == 0 || codes.Count >= json.GetProperty("total").GetInt32())
            {
                return codes;
            }
        }
    }
}
