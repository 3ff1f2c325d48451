using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.Domain.Payments;
using MotCua.Web.Features.Payments;
using UglyToad.PdfPig;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Payments;

public sealed class PaymentGatewayTests(PaymentsFactory app) : IClassFixture<PaymentsFactory>
{
    // Tuesday 03/06/2025, 09:00 in Bác Ái.
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paying_in_the_sandbox_confirms_the_fee_resumes_the_dossier_and_issues_a_receipt()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");

        var started = await PaymentsFactory.StartAsync(citizen, code);
        Assert.Equal("pending", started.GetProperty("status").GetString());
        Assert.Equal(2000, started.GetProperty("amountVnd").GetInt64());
        Assert.StartsWith("/sandbox-gateway?", started.GetProperty("redirectUrl").GetString());
        Assert.Contains("vnp_SecureHash=", started.GetProperty("redirectUrl").GetString());
        var reference = await app.PayInSandboxAsync(started);

        var dossier = await GetAsync(citizen, code);
        Assert.Equal("Received", dossier.GetProperty("status").GetString());
        Assert.True(app.InScope(db => db.Dossiers.Single(d => d.Code == code).PaidOnline));
        var history = await citizen.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", Ct);
        var last = history![^1];
        Assert.Equal("confirm-fee", last.GetProperty("action").GetString());
        Assert.Equal("Hệ thống", last.GetProperty("actor").GetString());

        var payment = app.Payment(reference);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal("ipn", payment.ConfirmedBy);
        var receipt = await citizen.GetAsync($"/api/v1/payments/{reference}/receipt.pdf", Ct);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await receipt.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Join(" ", pdf.GetPages().Select(p => p.Text));
        Assert.Contains(payment.ReceiptNo!, text);
        Assert.Contains(code, text);
        Assert.Contains("Hai nghìn đồng", text);

        var other = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/payments/{reference}/receipt.pdf", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_callback_with_a_bad_signature_is_rejected_and_changes_nothing()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var reference = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(await app.ClientFor("congdan"), code), holdIpn: true);

        var forged = app.SignedCallback(reference);
        forged["vnp_ResponseCode"] = "00";
        forged["vnp_TransactionNo"] = "99999999"; // changed after signing
        var answer = await app.SendIpnAsync(forged);
        var unsigned = app.SignedCallback(reference);
        unsigned.Remove(GatewaySignature.HashField);
        var answer2 = await app.SendIpnAsync(unsigned);

        Assert.Equal("97", answer.GetProperty("RspCode").GetString());
        Assert.Equal("97", answer2.GetProperty("RspCode").GetString());
        Assert.Equal(PaymentStatus.Pending, app.Payment(reference).Status);
        Assert.Equal("AwaitingFee", (await GetAsync(await app.ClientFor("congdan"), code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_signed_callback_with_the_wrong_amount_is_rejected_and_flagged()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var reference = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(await app.ClientFor("congdan"), code), holdIpn: true);
        var secret = app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.Sandbox.HashSecret;

        var callback = app.SignedCallback(reference);
        callback.Remove(GatewaySignature.HashField);
        callback["vnp_Amount"] = GatewaySignature.Amount(1000);
        callback[GatewaySignature.HashField] = GatewaySignature.Sign(callback, secret);
        var answer = await app.SendIpnAsync(callback);

        Assert.Equal("04", answer.GetProperty("RspCode").GetString());
        Assert.Equal(PaymentStatus.Pending, app.Payment(reference).Status);
        Assert.Contains(app.Issues(reference), i => i.Kind == IssueKinds.AmountMismatch);
        Assert.Equal("AwaitingFee", (await GetAsync(await app.ClientFor("congdan"), code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_duplicate_callback_is_answered_already_confirmed_and_confirms_the_fee_once()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");
        var reference = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code));

        var again = await app.SendIpnAsync(app.SignedCallback(reference));
        var retry = await app.Sandbox.DeliverIpnAsync(reference, Ct);

        Assert.Equal("02", again.GetProperty("RspCode").GetString());
        Assert.Equal("02", retry!.RspCode);
        Assert.Single(await PaymentsFactory.ActionsAsync(citizen, code), a => a == "confirm-fee");
        Assert.Equal(PaymentStatus.Paid, app.Payment(reference).Status);
    }

    [Fact]
    public async Task Concurrent_duplicate_callbacks_confirm_the_fee_exactly_once()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");
        var reference = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code), holdIpn: true);
        var callback = app.SignedCallback(reference);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.SendIpnAsync(callback)));

        Assert.Single(answers, a => a.GetProperty("RspCode").GetString() == "00");
        Assert.All(answers, a => Assert.Contains(a.GetProperty("RspCode").GetString(), new[] { "00", "02" }));
        Assert.Single(await PaymentsFactory.ActionsAsync(citizen, code), a => a == "confirm-fee");
    }

    [Fact]
    public async Task A_failed_payment_leaves_the_dossier_waiting_and_a_second_attempt_pays()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");

        var failed = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code), pay: false);
        Assert.Equal(PaymentStatus.Failed, app.Payment(failed).Status);
        Assert.Equal("24", app.Payment(failed).ResponseCode);
        Assert.Equal("AwaitingFee", (await GetAsync(citizen, code)).GetProperty("status").GetString());
        Assert.DoesNotContain("confirm-fee", await PaymentsFactory.ActionsAsync(citizen, code));

        var paid = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code));
        Assert.Equal(PaymentStatus.Paid, app.Payment(paid).Status);
        Assert.Equal("Received", (await GetAsync(citizen, code)).GetProperty("status").GetString());
        var list = await citizen.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/payments", Ct);
        Assert.Equal(["failed", "paid"], list!.Select(p => p.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_late_callback_after_the_attempt_expired_still_confirms_the_fee()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");
        var reference = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code), holdIpn: true);

        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.True(app.Clock.GetUtcNow().UtcDateTime > app.Payment(reference).ExpiresAtUtc);
        var answer = await app.Sandbox.DeliverIpnAsync(reference, Ct);

        Assert.Equal("00", answer!.RspCode);
        Assert.Equal(PaymentStatus.Paid, app.Payment(reference).Status);
        Assert.Equal("Received", (await GetAsync(citizen, code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_late_callback_after_another_attempt_paid_is_kept_and_flagged_for_refund()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");
        var first = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code), holdIpn: true);
        var second = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code));
        Assert.Equal("Received", (await GetAsync(citizen, code)).GetProperty("status").GetString());

        app.Clock.Advance(TimeSpan.FromMinutes(40));
        var late = await app.Sandbox.DeliverIpnAsync(first, Ct);

        Assert.Equal("00", late!.RspCode);
        Assert.Equal(PaymentStatus.Paid, app.Payment(first).Status);
        Assert.Equal(PaymentStatus.Paid, app.Payment(second).Status);
        Assert.Contains(app.Issues(first), i => i.Kind == IssueKinds.PaidTwice);
        Assert.Single(await PaymentsFactory.ActionsAsync(citizen, code), a => a == "confirm-fee");
    }

    [Fact]
    public async Task A_callback_for_an_unknown_order_is_answered_order_not_found()
    {
        var secret = app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.Sandbox.HashSecret;
        var tmn = app.Services.GetRequiredService<IOptions<PaymentOptions>>().Value.Sandbox.TmnCode;
        var p = new Dictionary<string, string>
        {
            ["vnp_TmnCode"] = tmn,
            ["vnp_TxnRef"] = "MC25060300000000",
            ["vnp_Amount"] = "200000",
            ["vnp_ResponseCode"] = "00",
            ["vnp_TransactionStatus"] = "00",
            ["vnp_TransactionNo"] = "12345678",
        };
        p[GatewaySignature.HashField] = GatewaySignature.Sign(p, secret);

        Assert.Equal("01", (await app.SendIpnAsync(p)).GetProperty("RspCode").GetString());
    }

    [Fact]
    public async Task Only_the_applicant_or_the_desk_starts_a_payment_and_only_while_the_fee_is_due()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var specialist = await app.ClientFor("chuyenvien");
        var otherDesk = await app.ClientFor("motcua.phuoctien");
        var desk = await app.ClientFor("motcua.phuocbinh");

        Assert.Equal(HttpStatusCode.NotFound, (await otherDesk.PostAsync($"/api/v1/dossiers/{code}/payments", null, Ct)).StatusCode);
        var byDesk = await PaymentsFactory.StartAsync(desk, code);
        Assert.Equal("pending", byDesk.GetProperty("status").GetString());
        await app.PayInSandboxAsync(byDesk);

        var again = await desk.PostAsync($"/api/v1/dossiers/{code}/payments", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("chờ thanh toán", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.PostAsync($"/api/v1/dossiers/{code}/payments", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_sandbox_refuses_a_payment_request_with_a_forged_signature_or_amount()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var started = await PaymentsFactory.StartAsync(await app.ClientFor("congdan"), code);
        var query = PaymentsFactory.Query(started.GetProperty("redirectUrl").GetString()!);
        query["vnp_Amount"] = GatewaySignature.Amount(1);

        var (txn, error) = await app.Sandbox.OpenAsync(query, Ct);

        Assert.Null(txn);
        Assert.Contains("97", error);
    }
}
