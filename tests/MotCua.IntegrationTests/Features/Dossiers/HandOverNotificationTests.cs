using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.IntegrationTests.Features.Security;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 20 item 5: the applicant of a handed-over dossier is told, through the outbox, which unit now handles it.</summary>
public sealed class HandOverNotificationTests
{
    private const string IdNumber = "058187650042";
    private const string Phone = "0978123456";
    private const string Email = "ho.ten@example.vn";

    private static readonly DateTimeOffset BeforeEnd = new(2025, 6, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AfterEnd = new(2025, 7, 2, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_applicant_gets_an_sms_and_an_email_naming_the_successor_and_the_logs_carry_no_id_or_phone()
    {
        var sink = new CapturedLogs();
        using var app = new SecurityApp();
        app.Settings["Logging:LogLevel:Default"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Trace";
        using var withLogs = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(sink)));
        _ = withLogs.Services;
        app.Clock.SetUtcNow(BeforeEnd);

        var desk = withLogs.CreateClient();
        var token = await desk.PostAsJsonAsync("/api/v1/auth/token", new { username = "motcua.phuocbinh", password = MotCua.Testing.AppFactory.DemoPassword }, Ct);
        desk.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString());
        var procedure = await DossierApi.ProcedureAsync(desk, DossierApi.Certification);
        var received = await desk.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = DossierApi.Certification,
            unitCode = "22783",
            channel = "direct",
            applicant = new { fullName = "Pi Năng Thị Hoa", idNumber = IdNumber, phone = Phone, email = Email, address = "Thôn Ma Hoa, xã Phước Bình" },
            documents = DossierApi.AllDocuments(procedure),
        }, Ct);
        var dossier = await received.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(received.IsSuccessStatusCode, dossier.ToString());
        var code = dossier.GetProperty("code").GetString()!;
        var appointment = DateOnly.Parse((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}", Ct)).GetProperty("appointmentDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var dispatcher = withLogs.Services.GetRequiredService<OutboxDispatcher>();
        await dispatcher.DispatchOnceAsync(Ct);
        var sentBefore = app.Captured!.Sent.Count;

        app.Clock.SetUtcNow(AfterEnd);
        using (var scope = withLogs.Services.CreateScope())
        {
            // The console command's path (no signed-in user): Xã Phước Bình (22783) names Xã Bác Ái Tây as its successor.
            var done = Assert.IsType<HandOverDossiers.HandedOver>(await scope.ServiceProvider.GetRequiredService<HandOverDossiers>().HandleAsync("22783", null, null, Ct));
            Assert.Equal("56.BACAITAY", done.ToCode);
        }

        List<OutboxMessage> outbox;
        using (var scope = withLogs.Services.CreateScope())
        {
            outbox = await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.DossierCode == code && m.Kind == NotificationKind.HandedOver).ToListAsync(Ct);
        }

        Assert.Equal(2, outbox.Count);
        var sms = Assert.Single(outbox, m => m.Channel == NotificationChannel.Sms);
        var email = Assert.Single(outbox, m => m.Channel == NotificationChannel.Email);
        Assert.Equal(Phone, sms.To);
        Assert.Equal(Email, email.To);
        Assert.Equal(AfterEnd.UtcDateTime, sms.CreatedAtUtc);
        Assert.Equal($"Hồ sơ {code} được bàn giao cho Xã Bác Ái Tây", email.Subject);
        foreach (var body in new[] { sms.Body, email.Body })
        {
            Assert.Contains($"Hồ sơ {code} (", body, StringComparison.Ordinal);
            Assert.Contains("nay do Xã Bác Ái Tây tiếp tục giải quyết", body, StringComparison.Ordinal);
            Assert.Contains($"Ngày hẹn trả kết quả giữ nguyên: {appointment:dd/MM/yyyy}", body, StringComparison.Ordinal);
            Assert.Contains($"/Tracking?code={code}", body, StringComparison.Ordinal);
            Assert.DoesNotContain(IdNumber, body, StringComparison.Ordinal);
        }

        Assert.StartsWith("Kính gửi Pi Năng Thị Hoa,", email.Body, StringComparison.Ordinal);

        // Delivered as any dossier notification: the phone and the mailbox receive it.
        await dispatcher.DispatchOnceAsync(Ct);
        var delivered = app.Captured.Sent.Skip(sentBefore).ToArray();
        Assert.Contains(delivered, m => m.To == Phone && m.Body.Contains("Xã Bác Ái Tây", StringComparison.Ordinal));
        Assert.Contains(delivered, m => m.To == Email && m.Subject == email.Subject);

        // A second run moves nothing and tells nobody again.
        using (var scope = withLogs.Services.CreateScope())
        {
            Assert.Equal(0, Assert.IsType<HandOverDossiers.HandedOver>(await scope.ServiceProvider.GetRequiredService<HandOverDossiers>().HandleAsync("22783", null, null, Ct)).Count);
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.DossierCode == code && m.Kind == NotificationKind.HandedOver, Ct));
        }

        // Nghị định 13/2023: the hand-over, its outbox rows and their delivery logged no full ID number, phone or e-mail address.
        var lines = sink.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("HandedOver", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(IdNumber, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Phone, StringComparison.Ordinal) || l.Contains("84978123456", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Email, StringComparison.OrdinalIgnoreCase));
    }
}
