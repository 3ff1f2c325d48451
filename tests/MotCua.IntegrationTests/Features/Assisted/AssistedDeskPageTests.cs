using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Assisted;

/// <summary>Issue 11 item 5: the desk page for an assisted online submission, and its count in the indicators.</summary>
public sealed class AssistedDeskPageTests(AssistedSubmissionTests.Factory app) : IClassFixture<AssistedSubmissionTests.Factory>
{
    [Fact]
    public async Task The_desk_page_files_an_online_assisted_dossier_once_the_citizen_reads_out_the_code_and_the_indicators_count_it()
    {
        var api = await app.ClientFor("motcua.phuocbinh");
        var before = await AssistedCountAsync(api);
        var desk = await PageClient.SignedInAsync(app, "motcua.phuocbinh");
        var page = "/Assisted/Desk?procedure=" + Certification;
        var token = await PageClient.TokenAsync(desk, page);
        var procedure = await ProcedureAsync(api, Certification);
        var form = new List<KeyValuePair<string, string>>
        {
            new("procedure", Certification),
            new("FullName", "Mang Văn Có Mặt"),
            new("IdNumber", "058190007777"),
            new("Phone", "0915000777"),
            new("__RequestVerificationToken", token),
        };
        form.AddRange(procedure.GetProperty("documents").EnumerateArray().Select(d => new KeyValuePair<string, string>("Documents", d.GetProperty("name").GetString()!)));

        var started = await desk.PostAsync("/Assisted/Desk?handler=Start", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        var html = await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var id = Regex.Match(html, "name=\"SubmissionId\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.True(id.Length > 0, html);
        Assert.Contains("*******777", html, StringComparison.Ordinal);
        var code = await app.Captured!.LatestCodeAsync(app.Services, "0915000777");

        var wrong = await desk.PostAsync("/Assisted/Desk?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SubmissionId"] = id,
            ["Code"] = code == "000000" ? "111111" : "000000",
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        Assert.Contains("error-summary", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var confirmed = await desk.PostAsync("/Assisted/Desk?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SubmissionId"] = id,
            ["Code"] = code,
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var dossierCode = Uri.UnescapeDataString(Regex.Match(confirmed.Headers.Location!.ToString(), "code=([^&]+)").Groups[1].Value);
        await using var scope = app.Services.CreateAsyncScope();
        var dossier = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Code == dossierCode, TestContext.Current.CancellationToken);
        Assert.True(dossier.Assisted);
        Assert.Equal(Channel.Online, dossier.Channel);
        Assert.Equal(before + 1, await AssistedCountAsync(api));
        var dashboard = await desk.GetStringAsync("/Indicators?unit=22783&from=2025-01-01&to=2025-12-31", TestContext.Current.CancellationToken);
        Assert.Contains($"data-testid=\"assisted-count\">{before + 1}<", dashboard, StringComparison.Ordinal);
    }

    private static async Task<long> AssistedCountAsync(HttpClient api)
    {
        var report = await api.GetFromJsonAsync<JsonElement>("/api/v1/indicators?unit=22783&from=2025-01-01&to=2025-12-31", TestContext.Current.CancellationToken);
        return report.GetProperty("assistedCount").GetInt64();
    }
}
