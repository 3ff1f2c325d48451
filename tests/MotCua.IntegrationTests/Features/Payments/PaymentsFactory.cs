using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Payments.Sandbox;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Payments;

/// <summary>The app with the reconciliation timer off (tests run passes directly) and helpers for a dossier waiting for its fee.</summary>
public sealed class PaymentsFactory : AppFactory
{
    public PaymentsFactory()
    {
        Settings["Payments:Reconciliation:Enabled"] = "false";
        Settings["Notifications:Dispatcher:Enabled"] = "false";
    }

    public SandboxGateway Sandbox => Services.GetRequiredService<SandboxGateway>();

    public T InScope<T>(Func<AppDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The demo citizen submits online (at Phước Bình unless another unit is given), its desk accepts and asks for the fee: the dossier waits in AwaitingFee.</summary>
    public async Task<string> DossierAwaitingFeeAsync(string unitCode = "22783", string deskUser = "motcua.phuocbinh")
    {
        var citizen = await ClientFor("congdan");
        var desk = await ClientFor(deskUser);
        var response = await ReceiveAsync(citizen, unitCode, channel: "online");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        var code = body.GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "accept" });
        var waiting = await ActOkAsync(desk, code, new { action = "request-fee", note = "Lệ phí chứng thực" });
        Assert.Equal("AwaitingFee", waiting.GetProperty("status").GetString());
        return code;
    }

    /// <summary>Paid online, processed at the district finance office, approved, result recorded: the dossier waits in ResultReady.</summary>
    public async Task<string> DossierWithResultAsync()
    {
        var code = await DossierAwaitingFeeAsync();
        await PayInSandboxAsync(await StartAsync(await ClientFor("congdan"), code));
        var desk = await ClientFor("motcua.phuocbinh");
        var specialist = await ClientFor("chuyenvien");
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        await ActOkAsync(await ClientFor("lanhdao"), code, new { action = "approve" });
        var ready = await RecordResultAsync(specialist, code);
        Assert.Equal("ResultReady", ready.GetProperty("status").GetString());
        return code;
    }

    /// <summary>As <see cref="DossierWithResultAsync"/>, then the desk hands the result over: Returned.</summary>
    public async Task<string> ReturnedDossierAsync()
    {
        var code = await DossierWithResultAsync();
        await ActOkAsync(await ClientFor("motcua.phuocbinh"), code, new { action = "return-result" });
        return code;
    }

    public static async Task<JsonElement> StartAsync(HttpClient client, string code)
    {
        var response = await client.PostAsync($"/api/v1/dossiers/{code}/payments", null, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return body;
    }

    /// <summary>The payer opens the gateway's page from the redirect URL and pays (or fails); the IPN goes at once unless held.</summary>
    public async Task<string> PayInSandboxAsync(JsonElement started, bool pay = true, bool holdIpn = false)
    {
        var query = Query(started.GetProperty("redirectUrl").GetString()!);
        var (txn, error) = await Sandbox.OpenAsync(query, TestContext.Current.CancellationToken);
        Assert.True(txn is not null, error);
        var back = await Sandbox.CompleteAsync(txn!.TxnRef, pay, holdIpn, TestContext.Current.CancellationToken);
        Assert.NotNull(back);
        return started.GetProperty("reference").GetString()!;
    }

    /// <summary>The signed callback the gateway sends for a finished transaction.</summary>
    public Dictionary<string, string> SignedCallback(string reference) =>
        Sandbox.SignedCallback(InScope(db => db.SandboxTransactions.Single(t => t.TxnRef == reference)));

    public static Dictionary<string, string> Query(string url) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(new Uri("http://x"), url).Query).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);

    public static string IpnUrl(IReadOnlyDictionary<string, string> parameters) =>
        "/api/v1/payments/ipn?" + string.Join('&', parameters.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public async Task<JsonElement> SendIpnAsync(IReadOnlyDictionary<string, string> parameters)
    {
        // The gateway calls without any session or token.
        using var anonymous = CreateClient();
        return await anonymous.GetFromJsonAsync<JsonElement>(IpnUrl(parameters), TestContext.Current.CancellationToken);
    }

    public static async Task<string[]> ActionsAsync(HttpClient client, string code)
    {
        var history = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        return [.. history!.Select(e => e.GetProperty("action").GetString()!)];
    }

    public Payment Payment(string reference) => InScope(db => db.Payments.Single(p => p.Reference == reference));

    public PaymentIssue[] Issues(string reference) => InScope(db => db.PaymentIssues.Where(i => i.Reference == reference).ToArray());
}
