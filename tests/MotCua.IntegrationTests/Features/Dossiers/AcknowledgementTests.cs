using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 11 item 2: the 8-working-hour acknowledgement of online dossiers.</summary>
public sealed class AcknowledgementTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static DateTimeOffset Local(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Online_submission_gets_a_deadline_in_working_hours_and_accept_records_the_acknowledgement()
    {
        app.Clock.SetUtcNow(Local(2025, 6, 6, 15)); // Friday 15:00: 2 h today, 4.5 h Monday morning, 1.5 h after lunch
        var code = await SubmitOnlineAsync();

        var stored = await DossierAsync(code);
        Assert.Equal(Local(2025, 6, 9, 15).UtcDateTime, stored.AckDeadlineUtc);
        Assert.Null(stored.AcknowledgedAtUtc);

        app.Clock.SetUtcNow(Local(2025, 6, 9, 10));
        var desk = await app.ClientFor("motcua.phuocbinh");
        await ActOkAsync(desk, code, new { action = "accept" });

        stored = await DossierAsync(code);
        Assert.Equal(Local(2025, 6, 9, 10).UtcDateTime, stored.AcknowledgedAtUtc);
        Assert.Equal(Local(2025, 6, 6, 15).UtcDateTime, stored.SubmittedAtUtc);
    }

    [Fact]
    public async Task The_desk_inbox_counts_down_the_remaining_working_hours_without_script()
    {
        app.Clock.SetUtcNow(Local(2025, 6, 24, 9)); // Tuesday 09:00
        var code = await SubmitOnlineAsync();
        app.Clock.SetUtcNow(Local(2025, 6, 24, 14)); // 2.5 h + 0.5 h used: 5 h left

        var desk = await PageClient.SignedInAsync(app, "motcua.phuocbinh");
        var html = await desk.GetStringAsync("/Dossiers?tab=reception", TestContext.Current.CancellationToken);

        var row = html[html.IndexOf(code, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("còn 5 giờ 0 phút làm việc", row, StringComparison.Ordinal);

        app.Clock.SetUtcNow(Local(2025, 6, 25, 11, 30)); // Wednesday 11:30: deadline was 09:00, 2.5 h over
        desk = await PageClient.SignedInAsync(app, "motcua.phuocbinh");
        html = await desk.GetStringAsync("/Dossiers?tab=reception", TestContext.Current.CancellationToken);
        row = html[html.IndexOf(code, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("quá 2 giờ 30 phút làm việc", row, StringComparison.Ordinal);
        Assert.Contains("Quá hạn", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_acknowledgement_rate_counts_on_time_late_and_overdue_submissions_of_the_period()
    {
        // Week of 16/06/2025: one answered in time, one late, one never answered, one still in time.
        app.Clock.SetUtcNow(Local(2025, 6, 16, 8));
        var onTime = await SubmitOnlineAsync();
        var late = await SubmitOnlineAsync();
        var never = await SubmitOnlineAsync();
        app.Clock.SetUtcNow(Local(2025, 6, 16, 9));
        var desk = await app.ClientFor("motcua.phuocbinh");
        await ActOkAsync(desk, onTime, new { action = "request-supplement", note = "Thiếu bản sao" });
        app.Clock.SetUtcNow(Local(2025, 6, 17, 16)); // deadline was Tuesday 08:00
        desk = await app.ClientFor("motcua.phuocbinh");
        await ActOkAsync(desk, late, new { action = "accept" });
        await SubmitOnlineAsync(); // Tuesday 16:00: still within its deadline

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var path = await db.Units.Where(u => u.Code == "22783").Select(u => u.Path).SingleAsync(TestContext.Current.CancellationToken);
        var rate = await Acknowledgements.RateAsync(db, path, new DateOnly(2025, 6, 16), new DateOnly(2025, 6, 22), app.Clock.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken);

        Assert.Equal(new MotCua.Domain.Dossiers.AcknowledgementRate(OnTime: 1, Late: 1, PendingInTime: 1, PendingOverdue: 1), rate);
        Assert.Equal(50.0, rate.Percent);
        Assert.NotEmpty(never);

        var elsewhere = await Acknowledgements.RateAsync(db, "58/584/22792/", new DateOnly(2025, 6, 16), new DateOnly(2025, 6, 22), app.Clock.GetUtcNow().UtcDateTime, TestContext.Current.CancellationToken);
        Assert.Equal(0, elsewhere.Total);
    }

    private async Task<string> SubmitOnlineAsync()
    {
        var citizen = await app.ClientFor("congdan");
        var response = await ReceiveAsync(citizen, "22783", channel: "online");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("code").GetString()!;
    }

    private async Task<Dossier> DossierAsync(string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking().SingleAsync(d => d.Code == code, TestContext.Current.CancellationToken);
    }
}
