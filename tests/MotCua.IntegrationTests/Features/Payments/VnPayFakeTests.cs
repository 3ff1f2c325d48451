using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Payments;
using MotCua.Web.Features.Payments.VnPay;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Payments;

/// <summary>The VNPay adapter against <see cref="FakeVnPay"/> over real HTTP: the happy path and every failure VNPay's protocol names.</summary>
public sealed class VnPayFakeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PaymentsFactory App(FakeVnPay vnpay)
    {
        var app = new PaymentsFactory();
        app.Settings["Payments:Gateway"] = "VnPay";
        app.Settings["Payments:VnPay:TmnCode"] = FakeVnPay.TmnCode;
        app.Settings["Payments:VnPay:HashSecret"] = FakeVnPay.Secret;
        app.Settings["Payments:VnPay:PayUrl"] = vnpay.PayUrl.ToString();
        app.Settings["Payments:VnPay:ApiUrl"] = vnpay.ApiUrl.ToString();
        app.Settings["Payments:VnPay:TimeoutSeconds"] = "1";
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        return app;
    }

    /// <summary>The citizen starts a payment and is sent to VNPay's page, which accepts the signed request (or refuses it with code 70).</summary>
    private static async Task<string> StartAtVnPayAsync(PaymentsFactory app, FakeVnPay vnpay, string code)
    {
        var started = await PaymentsFactory.StartAsync(await app.ClientFor("congdan"), code);
        var redirect = started.GetProperty("redirectUrl").GetString()!;
        using var browser = new HttpClient();
        var page = await browser.GetAsync(redirect, Ct);
        Assert.True(page.StatusCode == HttpStatusCode.OK, await page.Content.ReadAsStringAsync(Ct));
        var tampered = await browser.GetAsync(redirect.Replace("vnp_Amount=", "vnp_Amount=1", StringComparison.Ordinal), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        return started.GetProperty("reference").GetString()!;
    }

    [Fact]
    public async Task Ipn_answers_00_then_02_and_refuses_bad_signatures_unknown_orders_and_other_amounts()
    {
        await using var vnpay = await FakeVnPay.StartAsync();
        using var app = App(vnpay);
        Assert.IsType<VnPayGateway>(app.Services.GetRequiredService<IPaymentGateway>());
        var code = await app.DossierAwaitingFeeAsync("56.BACAI", "motcua.bacai");
        var reference = await StartAtVnPayAsync(app, vnpay, code);
        Assert.Equal(200000, vnpay.Orders[reference].Hundredths);

        // Signed with another key: 97, nothing changes.
        Assert.Equal("97", (await app.SendIpnAsync(vnpay.Pay(reference, secret: "ANOTHER-MERCHANT-SECRET-000000000"))).GetProperty("RspCode").GetString());
        Assert.Equal(PaymentStatus.Pending, app.Payment(reference).Status);

        // A reference we never issued: 01.
        var genuine = vnpay.Pay(reference);
        vnpay.Orders["MC26120799999999"] = (200000, null);
        Assert.Equal("01", (await app.SendIpnAsync(vnpay.Pay("MC26120799999999"))).GetProperty("RspCode").GetString());

        // Correctly signed but for another amount: 04, flagged for the reconciliation page, the fee still waits.
        Assert.Equal("04", (await app.SendIpnAsync(vnpay.Pay(reference, hundredths: 100000))).GetProperty("RspCode").GetString());
        Assert.Contains(app.Issues(reference), i => i.Kind == IssueKinds.AmountMismatch);
        Assert.Equal("AwaitingFee", (await GetAsync(await app.ClientFor("congdan"), code)).GetProperty("status").GetString());

        // The real one, then VNPay's retry of it: 00 once, then 02; the fee is confirmed once.
        Assert.Equal("00", (await app.SendIpnAsync(genuine)).GetProperty("RspCode").GetString());
        Assert.Equal("02", (await app.SendIpnAsync(genuine)).GetProperty("RspCode").GetString());
        Assert.Equal(PaymentStatus.Paid, app.Payment(reference).Status);
        Assert.Equal("ipn", app.Payment(reference).ConfirmedBy);
        var history = await (await app.ClientFor("motcua.bacai")).GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/v1/dossiers/{code}/history", Ct);
        Assert.Single(history!, e => e.GetProperty("action").GetString() == "confirm-fee");
    }

    [Fact]
    public async Task Reconciliation_asks_querydr_and_a_timeout_or_a_bad_checksum_decides_nothing_until_vnpay_answers()
    {
        await using var vnpay = await FakeVnPay.StartAsync();
        using var app = App(vnpay);
        var code = await app.DossierAwaitingFeeAsync("56.BACAI", "motcua.bacai");
        var reference = await StartAtVnPayAsync(app, vnpay, code);
        vnpay.Pay(reference); // paid at VNPay; its IPN never reaches us
        var reconciler = app.Services.GetRequiredService<PaymentReconciler>();

        // Past the attempt's expiry: were a failed query taken as "no such transaction", the payment would be expired.
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        vnpay.QueryDelay = TimeSpan.FromSeconds(3);
        var slow = await reconciler.RunOnceAsync(Ct);
        Assert.NotNull(slow);
        Assert.Equal((1, 0, 0), (slow.Unanswered, slow.Confirmed, slow.Expired));
        Assert.Equal(PaymentStatus.Pending, app.Payment(reference).Status);

        vnpay.QueryDelay = TimeSpan.Zero;
        vnpay.CorruptQueryChecksum = true;
        var corrupt = await reconciler.RunOnceAsync(Ct);
        Assert.Equal((1, 0, 0), (corrupt!.Unanswered, corrupt.Confirmed, corrupt.Expired));
        Assert.Equal(PaymentStatus.Pending, app.Payment(reference).Status);

        vnpay.CorruptQueryChecksum = false;
        var answered = await reconciler.RunOnceAsync(Ct);
        Assert.Equal((0, 1), (answered!.Unanswered, answered.Confirmed));
        Assert.Equal(PaymentStatus.Paid, app.Payment(reference).Status);
        Assert.Equal("reconciliation", app.Payment(reference).ConfirmedBy);
        Assert.Contains(app.Issues(reference), i => i.Kind == IssueKinds.MissedCallback);
        Assert.Equal("Received", (await GetAsync(await app.ClientFor("congdan"), code)).GetProperty("status").GetString());
        Assert.True(vnpay.QueryCount >= 3);

        // A second attempt VNPay never saw (the payer closed the page): querydr says 91, the attempt expires.
        var second = await app.DossierAwaitingFeeAsync("56.BACAI", "motcua.bacai");
        var neverPaid = (await PaymentsFactory.StartAsync(await app.ClientFor("congdan"), second)).GetProperty("reference").GetString()!;
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var expired = await reconciler.RunOnceAsync(Ct);
        Assert.Equal(1, expired!.Expired);
        Assert.Equal(PaymentStatus.Expired, app.Payment(neverPaid).Status);
    }
}
