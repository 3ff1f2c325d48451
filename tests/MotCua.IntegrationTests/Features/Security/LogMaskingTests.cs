using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.Web.Features.Notifications;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Nghị định 13/2023: logs never carry a full personal ID number or phone number.</summary>
public sealed class LogMaskingTests
{
    private const string IdNumber = "079187654321";
    private const string Phone = "0987654321";

    [Fact]
    public async Task An_intake_its_tracking_and_its_notifications_log_no_full_id_number_or_phone()
    {
        var sink = new CapturedLogs();
        using var app = new SecurityApp();
        app.Settings["Logging:LogLevel:Default"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Trace";
        app.Settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        var withLogs = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(sink)));
        var ct = TestContext.Current.CancellationToken;
        var client = withLogs.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "motcua", password = MotCua.Testing.AppFactory.DemoPassword }, ct);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("accessToken").GetString());

        var received = await DossierApi.ReceiveAsync(client, "584.MC", idNumber: IdNumber, phone: Phone);
        Assert.True(received.IsSuccessStatusCode, await received.Content.ReadAsStringAsync(ct));
        var code = (await received.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("code").GetString()!;
        await client.GetAsync($"/api/v1/dossiers/{code}", ct);
        await client.GetAsync($"/api/v1/tracking/{code}?verifier=4321", ct);
        await client.GetAsync($"/Tracking?code={code}&verifier=4321", ct);
        await withLogs.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(ct);

        var lines = sink.Lines.ToArray();
        Assert.True(lines.Length > 20, $"only {lines.Length} log lines were captured: the capture is not working");
        Assert.Contains(lines, l => l.Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(IdNumber, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Phone, StringComparison.Ordinal) || l.Contains("84987654321", StringComparison.Ordinal));
    }
}
