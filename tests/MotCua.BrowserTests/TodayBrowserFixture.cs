using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.BrowserTests;

/// <summary>
/// The app on today's clock (07/12/2026, 09:00 in Vietnam): the two-tier structure, Xã Bác Ái's accounts receive. Three
/// dossiers of the citizen `congdan` received today at Xã Bác Ái give each role's lists something to show: one waits at
/// the desk, one with the specialist, one for the leader's approval.
/// </summary>
public sealed class TodayBrowserFixture : BrowserFixture
{
    public static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));

    private const string Unit = "56.BACAI";
    private const string Certification = "2.000815";

    private readonly Lazy<Task<string[]>> _dossiers;

    public TodayBrowserFixture() => _dossiers = new(ReceiveDossiersAsync);

    /// <summary>The codes of the three dossiers: at the desk, with the specialist, waiting for approval.</summary>
    public Task<string[]> DossiersAsync() => _dossiers.Value;

    protected override void Configure(AppFactory app) => app.Clock.SetUtcNow(Today);

    private async Task<string[]> ReceiveDossiersAsync()
    {
        var desk = await ClientForAsync("motcua.bacai");
        var procedure = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{Certification}");
        var documents = procedure.GetProperty("documents").EnumerateArray()
            .Select(d => new { name = d.GetProperty("name").GetString(), kind = "original", count = 1 }).ToArray();
        var codes = new string[3];
        for (var i = 0; i < codes.Length; i++)
        {
            var response = await desk.PostAsJsonAsync("/api/v1/dossiers", new
            {
                procedureCode = Certification,
                unitCode = Unit,
                channel = "direct",
                applicant = new { fullName = "Chamaléa Thị Dân", idNumber = "058090001234", phone = "0912345678", address = "Thôn Ma Hoa, xã Bác Ái" },
                documents,
            });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            codes[i] = body.GetProperty("code").GetString()!;
        }

        await ActAsync(desk, codes[1], new { action = "forward", toUnitCode = Unit });
        await ActAsync(desk, codes[2], new { action = "forward", toUnitCode = Unit });
        await ActAsync(await ClientForAsync("chuyenvien.bacai"), codes[2], new { action = "submit-for-approval" });
        return codes;
    }

    private async Task<HttpClient> ClientForAsync(string user)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = AppFactory.DemoPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task ActAsync(HttpClient client, string code, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/dossiers/{code}/actions", body);
        Assert.True(response.IsSuccessStatusCode, $"{code}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>The test classes on today's clock share one app: the every-page checks and the README's screenshots.</summary>
[CollectionDefinition(Name)]
public sealed class TodayTests : ICollectionFixture<TodayBrowserFixture>
{
    public const string Name = "Today";
}
