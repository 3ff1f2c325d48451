using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Features.Payments;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Payments;

public sealed class PaymentReconciliationTests(PaymentsFactory app) : IClassFixture<PaymentsFactory>
{
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PaymentReconciler Reconciler => app.Services.GetRequiredService<PaymentReconciler>();

    [Fact]
    public async Task Reconciliation_confirms_a_payment_whose_callback_never_came_flags_it_and_a_second_pass_changes_nothing()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");
        var reference = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code), holdIpn: true);
        Assert.Equal(PaymentStatus.Pending, app.Payment(reference).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var first = await Reconciler.RunOnceAsync(Ct);
        var second = await Reconciler.RunOnceAsync(Ct);

        Assert.NotNull(first);
        Assert.True(first.Confirmed >= 1);
        Assert.Equal(PaymentStatus.Paid, app.Payment(reference).Status);
        Assert.Equal("reconciliation", app.Payment(reference).ConfirmedBy);
        Assert.Equal("Received", (await GetAsync(citizen, code)).GetProperty("status").GetString());
        Assert.Single(app.Issues(reference), i => i.Kind == IssueKinds.MissedCallback);
        Assert.Equal(0, second!.Confirmed);
        Assert.Single(app.Issues(reference));

        var late = await app.Sandbox.DeliverIpnAsync(reference, Ct);
        Assert.Equal("02", late!.RspCode);
        Assert.Single(await PaymentsFactory.ActionsAsync(citizen, code), a => a == "confirm-fee");
    }

    [Fact]
    public async Task Reconciliation_expires_abandoned_attempts_and_records_failures_the_gateway_knows()
    {
        app.Clock.SetUtcNow(Tuesday);
        var code = await app.DossierAwaitingFeeAsync();
        var citizen = await app.ClientFor("congdan");
        var abandoned = (await PaymentsFactory.StartAsync(citizen, code)).GetProperty("reference").GetString()!;
        var failedQuietly = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code), pay: false, holdIpn: true);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await Reconciler.RunOnceAsync(Ct);
        Assert.Equal(PaymentStatus.Pending, app.Payment(abandoned).Status); // still inside its 15 minutes
        Assert.Equal(PaymentStatus.Failed, app.Payment(failedQuietly).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var report = await Reconciler.RunOnceAsync(Ct);

        Assert.True(report!.Expired >= 1);
        Assert.Equal(PaymentStatus.Expired, app.Payment(abandoned).Status);
        Assert.Empty(app.Issues(abandoned));
        Assert.Equal("AwaitingFee", (await GetAsync(citizen, code)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reconciliation_flags_mismatches_between_our_payments_the_gateway_and_the_dossiers()
    {
        app.Clock.SetUtcNow(Tuesday);
        var citizen = await app.ClientFor("congdan");
        // 1. We hold a payment as paid that the gateway never saw succeed.
        var code1 = await app.DossierAwaitingFeeAsync();
        var notAtGateway = (await PaymentsFactory.StartAsync(citizen, code1)).GetProperty("reference").GetString()!;
        // 2. The gateway's amount differs from ours.
        var code2 = await app.DossierAwaitingFeeAsync();
        var wrongAmount = await app.PayInSandboxAsync(await PaymentsFactory.StartAsync(citizen, code2), holdIpn: true);
        // 3. A dossier marked paid that still waits for its fee.
        var code3 = await app.DossierAwaitingFeeAsync();
        var stuck = (await PaymentsFactory.StartAsync(citizen, code3)).GetProperty("reference").GetString()!;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Payments.Where(p => p.Reference == notAtGateway || p.Reference == stuck)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Paid), Ct);
            await db.SandboxTransactions.Where(t => t.TxnRef == wrongAmount).ExecuteUpdateAsync(s => s.SetProperty(t => t.AmountVnd, 1000L), Ct);
            // 4. A transaction at the gateway that we never created.
            db.SandboxTransactions.Add(new SandboxTransaction
            {
                TxnRef = "MC250603UNKNOWN1",
                AmountVnd = 5000,
                OrderInfo = "?",
                ReturnUrl = "/",
                Status = "success",
                CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
                ExpiresAtUtc = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(15),
            });
            await db.SaveChangesAsync(Ct);
        }

        var report = await Reconciler.RunOnceAsync(Ct);
        var again = await Reconciler.RunOnceAsync(Ct);

        Assert.Contains(app.Issues(notAtGateway), i => i.Kind == IssueKinds.NotAtGateway);
        Assert.Contains(app.Issues(wrongAmount), i => i.Kind == IssueKinds.AmountMismatch);
        Assert.Equal(PaymentStatus.Pending, app.Payment(wrongAmount).Status);
        Assert.Contains(app.Issues(stuck), i => i.Kind == IssueKinds.DossierNotResumed);
        Assert.Contains(app.Issues("MC250603UNKNOWN1"), i => i.Kind == IssueKinds.UnknownAtGateway);
        Assert.True(report!.IssuesAdded >= 4);
        Assert.Equal(0, again!.IssuesAdded);

        var admin = await app.ClientFor("admin");
        var open = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/payments/issues", Ct);
        Assert.Contains(open!, i => i.GetProperty("reference").GetString() == wrongAmount);
        var page = await admin.GetStringAsync("/Payments/Reconciliation", Ct);
        Assert.Contains(wrongAmount, page);
        Assert.Contains("Số tiền không khớp", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/payments/issues", Ct)).StatusCode);

        var id = open!.First(i => i.GetProperty("reference").GetString() == wrongAmount).GetProperty("id").GetInt64();
        var missingNote = await admin.PostAsJsonAsync($"/api/v1/payments/issues/{id}/resolve", new { note = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missingNote.StatusCode);
        var resolved = await admin.PostAsJsonAsync($"/api/v1/payments/issues/{id}/resolve", new { note = "Đã đối chiếu sao kê ngân hàng" }, Ct);
        Assert.Equal(HttpStatusCode.NoContent, resolved.StatusCode);
        var stillOpen = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/payments/issues", Ct);
        Assert.DoesNotContain(stillOpen!, i => i.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task A_pass_does_not_run_while_another_instance_holds_the_lease_and_takes_over_an_expired_one()
    {
        app.Clock.SetUtcNow(Tuesday);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await Reconciler.RunOnceAsync(Ct); // creates the lease row
            await db.JobLeases.Where(l => l.Name == PaymentReconciler.JobName).ExecuteUpdateAsync(s => s
                .SetProperty(l => l.Owner, "other-instance").SetProperty(l => l.LeaseUntilUtc, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(2)), Ct);
        }

        var blocked = await Reconciler.RunOnceAsync(Ct);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var takenOver = await Reconciler.RunOnceAsync(Ct);

        Assert.Null(blocked);
        Assert.NotNull(takenOver);
        var lease = app.InScope(db => db.JobLeases.AsNoTracking().Single(l => l.Name == PaymentReconciler.JobName));
        Assert.Null(lease.Owner);
        Assert.NotNull(lease.LastRunFinishedUtc);
    }
}
