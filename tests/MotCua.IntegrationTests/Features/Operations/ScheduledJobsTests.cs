using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Testing;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Operations;
using MotCua.Web.Features.Payments;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>Scheduled work records each run, survives a restart without repeating itself, and the admin page raises a missed run.</summary>
public sealed class ScheduledJobsTests
{
    [Fact]
    public async Task Each_dispatcher_run_is_recorded_and_a_missed_run_raises_an_alarm_on_the_admin_page()
    {
        using var app = new AppFactory();
        app.Settings["Notifications:Dispatcher:Enabled"] = "true";
        app.Settings["Notifications:Dispatcher:IntervalSeconds"] = "3600"; // the background loop waits on the test clock: only the passes below run
        var ct = TestContext.Current.CancellationToken;
        var admin = await app.ClientFor("admin");
        var dispatcher = app.Services.GetRequiredService<OutboxDispatcher>();

        await dispatcher.RunScheduledPassAsync(ct);
        var fresh = await admin.GetStringAsync("/Operations", ct);
        var jobs = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/jobs", ct);

        Assert.DoesNotContain("data-testid=\"job-alarm\" data-job=\"outbox\"", fresh);
        var outbox = Assert.Single(jobs!, j => j.GetProperty("name").GetString() == "outbox");
        Assert.False(outbox.GetProperty("missed").GetBoolean());
        Assert.True(outbox.GetProperty("runsLastDay").GetInt32() >= 1);

        // Nothing ran for four hours (three intervals plus a minute is the tolerance): the page says so.
        app.Clock.Advance(TimeSpan.FromHours(4));
        var late = await admin.GetStringAsync("/Operations", ct);
        Assert.Contains("data-testid=\"job-alarm\" data-job=\"outbox\"", late);
        Assert.Contains("lỡ lịch chạy", late);

        await dispatcher.RunScheduledPassAsync(ct);
        Assert.DoesNotContain("data-testid=\"job-alarm\" data-job=\"outbox\"", await admin.GetStringAsync("/Operations", ct));
    }

    [Fact]
    public async Task Alarm_scans_and_payment_reconciliations_are_recorded_idempotent_and_a_missed_run_of_either_raises_an_alarm()
    {
        using var app = new AppFactory();
        app.Settings["Notifications:Dispatcher:Enabled"] = "false";
        // The schedulers are stopped (their hosted services removed): only the passes below run, as when a scheduler dies.
        using var stopped = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            foreach (var d in s.Where(PeriodicJobSetup.RunsScheduledJob).ToList())
            {
                s.Remove(d);
            }
        }));
        var ct = TestContext.Current.CancellationToken;
        using var admin = await ClientForAsync(stopped, "admin");
        using var desk = await ClientForAsync(stopped, "motcua");
        await DossierApi.ReceivedAsync(desk, "584.MC");
        var scanner = stopped.Services.GetRequiredService<AlarmScanner>();
        var reconciler = stopped.Services.GetRequiredService<PaymentReconciler>();

        var first = await scanner.RunOnceAsync(ct);
        var again = await scanner.RunOnceAsync(ct);
        Assert.True(first.Ran && again.Ran);
        Assert.Equal((0, 0), (again.Raised, again.Escalated)); // a second pass over the same state changes nothing
        Assert.NotNull(await reconciler.RunOnceAsync(ct));

        var jobs = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/jobs", ct);
        var alarms = Assert.Single(jobs!, j => j.GetProperty("name").GetString() == AlarmScanner.JobName);
        var payments = Assert.Single(jobs!, j => j.GetProperty("name").GetString() == PaymentReconciler.JobName);
        Assert.Equal(2, alarms.GetProperty("runsLastDay").GetInt32());
        Assert.Equal(1, payments.GetProperty("runsLastDay").GetInt32());
        Assert.False(alarms.GetProperty("missed").GetBoolean() || payments.GetProperty("missed").GetBoolean());
        var fresh = await admin.GetStringAsync("/Operations", ct);
        Assert.DoesNotContain($"data-testid=\"job-alarm\" data-job=\"{AlarmScanner.JobName}\"", fresh);
        Assert.DoesNotContain($"data-testid=\"job-alarm\" data-job=\"{PaymentReconciler.JobName}\"", fresh);

        // Both run every 300 s: 20 minutes without a run is past the tolerance (three intervals plus a minute).
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var late = await admin.GetStringAsync("/Operations", ct);
        Assert.Contains($"data-testid=\"job-alarm\" data-job=\"{AlarmScanner.JobName}\"", late);
        Assert.Contains($"data-testid=\"job-alarm\" data-job=\"{PaymentReconciler.JobName}\"", late);

        // A reconciliation run (here the administrator's button) clears its alarm; the stopped scanner's stays.
        Assert.NotNull(await reconciler.RunOnceAsync(ct));
        var after = await admin.GetStringAsync("/Operations", ct);
        Assert.Contains($"data-testid=\"job-alarm\" data-job=\"{AlarmScanner.JobName}\"", after);
        Assert.DoesNotContain($"data-testid=\"job-alarm\" data-job=\"{PaymentReconciler.JobName}\"", after);
    }

    private static async Task<HttpClient> ClientForAsync(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = user, password = AppFactory.DemoPassword }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task After_a_crash_mid_delivery_a_restarted_dispatcher_sends_each_message_once_and_a_second_pass_sends_nothing()
    {
        using var app = new AppFactory();
        app.Settings["Notifications:Dispatcher:Enabled"] = "false";
        var ct = TestContext.Current.CancellationToken;
        var desk = await app.ClientFor("motcua");
        await DossierApi.ReceivedAsync(desk, "584.MC");
        await DossierApi.ReceivedAsync(desk, "584.MC");
        using (var scope = app.Services.CreateScope())
        {
            // The crashed instance had claimed every message and died before sending: its lease is all that is left.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var until = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(2);
            await db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, "crashed-instance").SetProperty(m => m.LeaseUntilUtc, until), ct);
        }

        // The restarted app is a new host on the same database: a new dispatcher with its own owner id.
        using var restarted = app.WithWebHostBuilder(_ => { });
        var dispatcher = restarted.Services.GetRequiredService<OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.RunScheduledPassAsync(ct)); // the lease still holds
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var first = await dispatcher.RunScheduledPassAsync(ct);
        var second = await dispatcher.RunScheduledPassAsync(ct);

        using var check = app.Services.CreateScope();
        var messages = await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().ToListAsync(ct);
        Assert.True(messages.Count >= 2);
        Assert.Equal(messages.Count, first);
        Assert.Equal(0, second);
        Assert.All(messages, m => Assert.Equal(1, m.Attempts));
        Assert.All(messages, m => Assert.NotNull(m.SentAtUtc));
        var runs = await check.ServiceProvider.GetRequiredService<AppDbContext>().ScheduledRuns.AsNoTracking().Where(r => r.Job == "outbox").ToListAsync(ct);
        Assert.Equal([0, messages.Count, 0], runs.OrderBy(r => r.Id).Select(r => r.Processed));
    }
}
