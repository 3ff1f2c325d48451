using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 11 item 6, server side: an intake carries a client-generated key; a repeat returns the first dossier.</summary>
public sealed class IdempotentIntakeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_repeated_key_returns_the_first_dossier_and_creates_nothing_more()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var key = Guid.NewGuid().ToString();

        var first = await ReceiveWithKeyAsync(desk, key, "058190001111");
        var again = await ReceiveWithKeyAsync(desk, key, "058190001111");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(await CodeAsync(first), await CodeAsync(again));
        Assert.Equal(1, await CountAsync("058190001111"));
    }

    [Fact]
    public async Task The_same_key_sent_many_times_at_once_creates_one_dossier()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ReceiveWithKeyAsync(desk, key, "058190002222")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = await Task.WhenAll(responses.Select(CodeAsync));
        Assert.Single(codes.Distinct());
        Assert.Equal(1, await CountAsync("058190002222"));
    }

    [Fact]
    public async Task A_key_of_another_units_dossier_or_of_a_bad_shape_is_a_400()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await ReceiveWithKeyAsync(await app.ClientFor("motcua.phuocbinh"), key, "058190003333")).StatusCode);

        var otherUnit = await ReceiveWithKeyAsync(await app.ClientFor("motcua.phuoctien"), key, "058190003333", unitCode: "22792");
        Assert.Equal(HttpStatusCode.BadRequest, otherUnit.StatusCode);
        Assert.Contains("idempotencyKey", await otherUnit.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var bad = await ReceiveWithKeyAsync(await app.ClientFor("motcua.phuocbinh"), "x y", "058190003333");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_intake_page_posted_twice_with_its_key_redirects_both_times_to_the_same_dossier()
    {
        var desk = await PageClient.SignedInAsync(app, "motcua.phuocbinh");
        var html = await desk.GetStringAsync("/Dossiers/Receive?procedure=" + Certification, TestContext.Current.CancellationToken);
        var key = System.Text.RegularExpressions.Regex.Match(html, "name=\"IdempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.Contains("/js/offline-intake", html, StringComparison.Ordinal); // fingerprinted by MapStaticAssets
        var token = await PageClient.TokenAsync(desk, "/Dossiers/Receive?procedure=" + Certification);
        var procedure = await ProcedureAsync(await app.ClientFor("motcua.phuocbinh"), Certification);
        var form = new List<KeyValuePair<string, string>>
        {
            new("ProcedureCode", Certification),
            new("IdempotencyKey", key),
            new("Applicant.FullName", "Katơr Văn Hai Lần"),
            new("Applicant.IdNumber", "058190004444"),
            new("Applicant.Phone", "0912000444"),
            new("__RequestVerificationToken", token),
        };
        form.AddRange(procedure.GetProperty("documents").EnumerateArray().Select(d => new KeyValuePair<string, string>("Documents", d.GetProperty("name").GetString()!)));

        var first = await desk.PostAsync("/Dossiers/Receive?procedure=" + Certification, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        var second = await desk.PostAsync("/Dossiers/Receive?procedure=" + Certification, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await CountAsync("058190004444"));
    }

    private static async Task<HttpResponseMessage> ReceiveWithKeyAsync(HttpClient client, string key, string idNumber, string unitCode = "22783")
    {
        var documents = AllDocuments(await ProcedureAsync(client, Certification));
        return await client.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode,
            channel = "direct",
            idempotencyKey = key,
            applicant = new { fullName = "Chamaléa Văn Một Lần", idNumber, phone = "0912345678" },
            documents,
        }, TestContext.Current.CancellationToken);
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString()!;

    private async Task<int> CountAsync(string idNumber)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.CountAsync(d => d.Applicant.IdNumber == idNumber, TestContext.Current.CancellationToken);
    }
}
