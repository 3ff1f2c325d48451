using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Dossiers;
using MotCua.Testing;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Alarms;

/// <summary>The test host with the alarm job and the outbox dispatcher off: the tests run the passes and move the clock.</summary>
public sealed class AlarmsFactory : AppFactory
{
    public AlarmsFactory()
    {
        Settings["Alarms:Enabled"] = "false";
        Settings["Notifications:Dispatcher:Enabled"] = "false";
        Settings["Alarms:Budgets:NotTakenUpHours"] = "2";
    }
}

/// <summary>Issue 11 item 1: every kind of stuck dossier raises an alarm on time and escalates up the unit tree on time.</summary>
public sealed class AlarmTests(AlarmsFactory app) : IClassFixture<AlarmsFactory>
{
    private static DateTimeOffset Local(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Received_but_not_routed_fires_after_8_working_hours_notifies_unit_and_leader_and_escalates_daily_up_to_the_province()
    {
        await GiveStaffContactsAsync();
        app.Clock.SetUtcNow(Local(2025, 6, 3, 9)); // Tuesday 09:00
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;

        await AssertFiresAtAsync(code, AlarmKind.NotRouted, Local(2025, 6, 4, 9), "584.MC"); // 6 h Tuesday + 2 h Wednesday
        var messages = await MessagesAsync(code);
        Assert.Contains(messages, m => m.To == "motcua@demo.motcua.invalid" && m.Channel == NotificationChannel.Email);
        Assert.Contains(messages, m => m.To == "0900000584" && m.Channel == NotificationChannel.Sms); // lanhdao, the district leader

        await RunAsync();
        Assert.Single(await AlarmsAsync(code)); // a second pass raises nothing twice
        Assert.Equal(messages.Length, (await MessagesAsync(code)).Length);

        await AssertEscalatesAtAsync(code, Local(2025, 6, 5, 9), level: 1, "584");
        await AssertEscalatesAtAsync(code, Local(2025, 6, 6, 9), level: 2, "58");
        Assert.Contains(await MessagesAsync(code), m => m.To == "admin@demo.motcua.invalid");

        desk = await app.ClientFor("motcua");
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        await RunAsync();
        Assert.NotNull((await AlarmsAsync(code)).Single(a => a.Kind == AlarmKind.NotRouted).ResolvedAtUtc);
    }

    [Fact]
    public async Task An_online_dossier_not_acknowledged_fires_at_its_8_hour_deadline_and_escalates()
    {
        app.Clock.SetUtcNow(Local(2025, 6, 10, 9));
        var citizen = await app.ClientFor("congdan");
        var response = await ReceiveAsync(citizen, "22783", channel: "online");
        var code = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString()!;

        await AssertFiresAtAsync(code, AlarmKind.NotAcknowledged, Local(2025, 6, 11, 9), "22783");
        await AssertEscalatesAtAsync(code, Local(2025, 6, 12, 9), level: 1, await ParentCodeAsync("22783"));
    }

    [Fact]
    public async Task Forwarded_but_not_taken_up_fires_after_its_budget_at_the_receiving_office()
    {
        app.Clock.SetUtcNow(Local(2025, 6, 17, 9));
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });

        await AssertFiresAtAsync(code, AlarmKind.NotTakenUp, Local(2025, 6, 17, 11), "584.TCKH"); // budget set to 2 working hours
        await AssertEscalatesAtAsync(code, Local(2025, 6, 18, 11), level: 1, "584");

        var specialist = await app.ClientFor("chuyenvien");
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        await RunAsync();
        var alarms = await AlarmsAsync(code);
        Assert.NotNull(alarms.Single(a => a.Kind == AlarmKind.NotTakenUp).ResolvedAtUtc);
        // The office moved, but its processing step (due the day of receipt) is still late: that alarm takes over.
        Assert.Null(alarms.Single(a => a.Kind == AlarmKind.StepOverdue).ResolvedAtUtc);
    }

    [Fact]
    public async Task Approved_but_not_returned_fires_after_16_working_hours_and_escalates()
    {
        app.Clock.SetUtcNow(Local(2025, 6, 24, 9));
        var desk = await app.ClientFor("motcua");
        var specialist = await app.ClientFor("chuyenvien");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        await ActOkAsync(leader, code, new { action = "approve" });

        await AssertFiresAtAsync(code, AlarmKind.NotReturned, Local(2025, 6, 26, 9), "584.TCKH"); // 6 + 8 + 2 working hours
        await AssertEscalatesAtAsync(code, Local(2025, 6, 27, 9), level: 1, "584");
    }

    [Fact]
    public async Task A_step_past_its_own_due_date_fires_after_that_day_and_escalates()
    {
        app.Clock.SetUtcNow(Local(2025, 6, 10, 9));
        var desk = await app.ClientFor("motcua");
        var specialist = await app.ClientFor("chuyenvien");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        string stepName;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The current processing step, due Wednesday 11/06 (hand-set so that the test does not depend on the demo template).
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var dossier = await db.Dossiers.Include(d => d.Steps).SingleAsync(d => d.Code == code, TestContext.Current.CancellationToken);
            var step = dossier.Steps.Where(s => s.StartedAtUtc != null && s.CompletedAtUtc == null).OrderBy(s => s.Order).FirstOrDefault();
            if (step is null)
            {
                var unitId = await db.Units.Where(u => u.Code == "584.TCKH").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
                dossier.Steps.Add(step = new DossierStep { Order = 1, Name = "Thẩm định", UnitId = unitId, Role = "specialist", WorkingDays = 1, StartedAtUtc = Local(2025, 6, 10, 9).UtcDateTime });
            }

            step.DueDate = new DateOnly(2025, 6, 11);
            stepName = step.Name;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await AssertFiresAtAsync(code, AlarmKind.StepOverdue, Local(2025, 6, 11, 17), "584.TCKH");
        Assert.Equal(stepName, (await AlarmsAsync(code)).Single().NextAction);
        await AssertEscalatesAtAsync(code, Local(2025, 6, 12, 17), level: 1, "584");
    }

    [Fact]
    public async Task Two_scanners_at_once_raise_each_alarm_once_and_only_one_holds_the_lease()
    {
        app.Clock.SetUtcNow(Local(2025, 6, 17, 9));
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        app.Clock.SetUtcNow(Local(2025, 6, 18, 10));

        var other = ActivatorUtilities.CreateInstance<AlarmScanner>(app.Services);
        var results = await Task.WhenAll(RunAsync(), other.RunOnceAsync(TestContext.Current.CancellationToken));

        Assert.Contains(results, r => r.Ran);
        Assert.Single(await AlarmsAsync(code));
        await using var scope = app.Services.CreateAsyncScope();
        var lease = await scope.ServiceProvider.GetRequiredService<AppDbContext>().JobLeases.AsNoTracking().SingleAsync(j => j.Name == MotCua.Web.Features.Alarms.AlarmScanner.JobName, TestContext.Current.CancellationToken);
        Assert.Null(lease.Owner); // released after the pass
        Assert.True(lease.Runs >= 1);
    }

    [Fact]
    public async Task A_pass_sends_at_most_its_cap_of_alarms_oldest_due_first_and_leaves_the_rest_to_the_next_pass()
    {
        await GiveStaffContactsAsync();
        app.Clock.SetUtcNow(Local(2025, 6, 24, 9)); // Tuesday 09:00, a week before the district's units end
        var desk = await app.ClientFor("motcua");
        var first = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        app.Clock.SetUtcNow(Local(2025, 6, 24, 10));
        var second = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;

        // Whatever else the shared database owes is sent before both fall due (9:00 and 10:00 on Wednesday).
        app.Clock.SetUtcNow(Local(2025, 6, 25, 8, 59));
        for (var i = 0; i < 100 && (await RunAsync()).Deferred > 0; i++)
        {
        }

        app.Clock.SetUtcNow(Local(2025, 6, 25, 10, 1));
        var config = new ConfigurationBuilder()
            .AddConfiguration(app.Services.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Alarms:MaxNotificationsPerPass"] = "1" })
            .Build();
        var capped = ActivatorUtilities.CreateInstance<AlarmScanner>(app.Services, (IConfiguration)config);
        var pass = await capped.RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, pass.Raised + pass.Escalated);
        Assert.True(pass.Deferred >= 1);
        Assert.Single(await AlarmsAsync(first));
        Assert.Empty(await AlarmsAsync(second));
        Assert.NotEmpty(await MessagesAsync(first));

        await RunAsync();
        var late = Assert.Single(await AlarmsAsync(second));
        Assert.Equal(Local(2025, 6, 25, 10).UtcDateTime, late.DueUtc);
    }

    [Fact]
    public async Task A_pass_after_the_first_reads_only_the_dossiers_whose_history_grew_and_raises_what_a_full_pass_would()
    {
        var ct = TestContext.Current.CancellationToken;
        app.Clock.SetUtcNow(Local(2025, 6, 9, 9)); // Monday 09:00
        var config = new ConfigurationBuilder()
            .AddConfiguration(app.Services.GetRequiredService<IConfiguration>())
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Alarms:LateEvents"] = "0" })
            .Build();
        var scanner = ActivatorUtilities.CreateInstance<AlarmScanner>(app.Services, (IConfiguration)config);
        var first = await scanner.RunOnceAsync(ct);
        Assert.True(first.Full);

        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        var next = await scanner.RunOnceAsync(ct);
        Assert.False(next.Full);
        Assert.Equal(1, next.DossiersRead);
        Assert.Equal(0, (await scanner.RunOnceAsync(ct)).DossiersRead);

        // Not routed for 8 working hours: the pass raises it from what it kept, without reading the dossier again.
        app.Clock.SetUtcNow(Local(2025, 6, 10, 9, 1));
        var due = await scanner.RunOnceAsync(ct);
        Assert.Equal(0, due.DossiersRead);
        Assert.Equal(Local(2025, 6, 10, 9).UtcDateTime, Assert.Single(await AlarmsAsync(code), a => a.Kind == AlarmKind.NotRouted).DueUtc);

        // A new scanner reads every watched dossier and finds nothing else to raise or close.
        var full = await ActivatorUtilities.CreateInstance<AlarmScanner>(app.Services).RunOnceAsync(ct);
        Assert.True(full.Full);
        Assert.True(full.DossiersRead > 1);
        Assert.Equal((0, 0), (full.Raised, full.Resolved));

        desk = await app.ClientFor("motcua");
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        var routed = await scanner.RunOnceAsync(ct);
        Assert.Equal(1, routed.DossiersRead);
        Assert.NotNull((await AlarmsAsync(code)).Single(a => a.Kind == AlarmKind.NotRouted).ResolvedAtUtc);
    }

    [Fact]
    public async Task The_list_counts_each_open_alarms_working_hours_as_the_calendar_does_over_years()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var calendar = await scope.ServiceProvider.GetRequiredService<MotCua.Web.Features.Calendar.CalendarService>().ForUnitAsync(null, TestContext.Current.CancellationToken);
        var now = Local(2026, 12, 7, 15, 20).UtcDateTime;
        var waited = AlarmsSetup.WaitedUntil(calendar, now);
        DateTime[] since = [Local(2021, 1, 4, 8, 15).UtcDateTime, Local(2023, 4, 30, 23, 59).UtcDateTime, Local(2025, 6, 3, 9).UtcDateTime,
            Local(2026, 12, 7, 7).UtcDateTime, Local(2026, 12, 4, 16, 45).UtcDateTime, Local(2021, 1, 4, 8, 15).UtcDateTime];
        foreach (var s in since)
        {
            var expected = MotCua.Domain.Calendar.WorkingTime.Between(calendar, Vn(s), Vn(now));
            Assert.Equal(expected, waited(s));
        }

        Assert.True(waited(since[0]).TotalHours > 8 * 200 * 5); // five years of working days, not a few
        static DateTime Vn(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone);
    }

    private async Task AssertFiresAtAsync(string code, AlarmKind kind, DateTimeOffset due, string unitCode)
    {
        app.Clock.SetUtcNow(due.AddMinutes(-1));
        await RunAsync();
        Assert.DoesNotContain(await AlarmsAsync(code), a => a.Kind == kind);

        app.Clock.SetUtcNow(due.AddMinutes(1));
        await RunAsync();
        var alarm = Assert.Single(await AlarmsAsync(code), a => a.Kind == kind);
        Assert.Equal(due.UtcDateTime, alarm.DueUtc);
        Assert.Equal(0, alarm.Level);
        Assert.Equal(unitCode, await UnitCodeAsync(alarm.UnitId));
    }

    private async Task AssertEscalatesAtAsync(string code, DateTimeOffset at, int level, string toUnitCode)
    {
        app.Clock.SetUtcNow(at.AddMinutes(-1));
        await RunAsync();
        Assert.Equal(level - 1, (await AlarmsAsync(code)).Single(a => a.ResolvedAtUtc == null).Level);

        app.Clock.SetUtcNow(at.AddMinutes(1));
        await RunAsync();
        var alarm = (await AlarmsAsync(code)).Single(a => a.ResolvedAtUtc == null);
        Assert.Equal(level, alarm.Level);
        Assert.Equal(toUnitCode, await UnitCodeAsync(alarm.NotifiedUnitId));
    }

    private Task<ScanResult> RunAsync() => app.Services.GetRequiredService<AlarmScanner>().RunOnceAsync(TestContext.Current.CancellationToken);

    private async Task<Alarm[]> AlarmsAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Alarms.AsNoTracking().Where(a => a.DossierCode == code).ToArrayAsync(TestContext.Current.CancellationToken);
    }

    private async Task<OutboxMessage[]> MessagesAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.DossierCode == code && m.Kind == NotificationKind.Alarm).ToArrayAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> UnitCodeAsync(int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Units.Where(u => u.Id == id).Select(u => u.Code).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> ParentCodeAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Parent!.Code).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task GiveStaffContactsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        await db.Users.Where(u => u.UserName == "motcua" || u.UserName == "admin").ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, u => u.UserName + "@demo.motcua.invalid"), ct);
        await db.Users.Where(u => u.UserName == "lanhdao").ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "0900000584"), ct);
    }
}
