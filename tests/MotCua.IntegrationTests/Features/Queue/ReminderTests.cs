using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Queue;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Queue.QueueApi;

namespace MotCua.IntegrationTests.Features.Queue;

/// <summary>Issue 11 item 4: a booking reminder the working day before, sent once.</summary>
public sealed class ReminderTests : IClassFixture<AppFactory>
{
    private readonly AppFactory app;

    public ReminderTests(AppFactory app)
    {
        // The test runs the passes itself; the background job would race it for the lease.
        app.Settings["Queue:RemindersEnabled"] = "false";
        this.app = app;
    }

    [Fact]
    public async Task A_reminder_goes_out_once_on_the_working_day_before_the_booking()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero));
        var anonymous = app.CreateClient();
        var friday = (await SlotsAsync(anonymous, "584.MC", "2025-06-06"))[0].GetProperty("id").GetInt32();
        var monday = (await SlotsAsync(anonymous, "584.MC", "2025-06-09"))[0].GetProperty("id").GetInt32();
        (await BookAsync(anonymous, friday, "0917000111")).EnsureSuccessStatusCode();
        var mondayBooking = await (await BookAsync(anonymous, monday, "0917000222")).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var reminders = app.Services.GetRequiredService<QueueReminders>();

        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await RemindersToAsync("0917000111"));

        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 5, 2, 0, 0, TimeSpan.Zero));
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await RemindersToAsync("0917000111"));
        Assert.Equal(0, await RemindersToAsync("0917000222"));

        // Friday reminds of Monday: the weekend is not a working day.
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 6, 2, 0, 0, TimeSpan.Zero));
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        await reminders.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await RemindersToAsync("0917000111"));
        Assert.Equal(1, await RemindersToAsync("0917000222"));
        await using var scope = app.Services.CreateAsyncScope();
        var sms = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.To == "0917000222", TestContext.Current.CancellationToken);
        Assert.Contains(mondayBooking.GetProperty("code").GetString()!, sms.Body, StringComparison.Ordinal);
        Assert.Contains("09/06/2025", sms.Body, StringComparison.Ordinal);
        // Every pass is a recorded scheduled run, so a reminder pass that stops coming shows on /Operations.
        Assert.Equal(5, await scope.ServiceProvider.GetRequiredService<AppDbContext>().ScheduledRuns
            .CountAsync(r => r.Job == QueueReminders.JobName, TestContext.Current.CancellationToken));
    }

    private async Task<int> RemindersToAsync(string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
            .CountAsync(m => m.To == phone && m.Kind == NotificationKind.BookingReminder, TestContext.Current.CancellationToken);
    }
}
