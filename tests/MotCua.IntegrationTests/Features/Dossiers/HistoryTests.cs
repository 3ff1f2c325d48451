using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

public sealed class HistoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> ProcessedDossierAsync()
    {
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH", note = "Chuyển phòng TC-KH" });
        return code;
    }

    private async Task<JsonElement> VerifyAsync(string? code = null)
    {
        var admin = await app.ClientFor("admin");
        return await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/history/verify" + (code is null ? "" : "?code=" + code), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_history_rows()
    {
        var code = await ProcessedDossierAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            """UPDATE "DossierEvents" SET "Note" = 'sửa' WHERE "DossierCode" = {0}""", [code], TestContext.Current.CancellationToken));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "DossierEvents" WHERE "DossierCode" = {0}""", [code], TestContext.Current.CancellationToken));

        var ev = await db.DossierEvents.FirstAsync(e => e.DossierCode == code, TestContext.Current.CancellationToken);
        ev.Note = "sửa qua EF";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_tampered_history_row_is_detected()
    {
        var intact = await ProcessedDossierAsync();
        var tampered = await ProcessedDossierAsync();
        Assert.Empty((await VerifyAsync()).GetProperty("broken").EnumerateArray());

        // Someone with direct database access lifts the guard and rewrites a note.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var sql = db.Database.IsNpgsql()
                ? """ALTER TABLE "DossierEvents" DISABLE TRIGGER "DossierEvents_append_only"; UPDATE "DossierEvents" SET "Note" = 'Không có gì' WHERE "DossierCode" = {0} AND "Sequence" = 2; ALTER TABLE "DossierEvents" ENABLE TRIGGER "DossierEvents_append_only";"""
                : """DROP TRIGGER "DossierEvents_no_update"; UPDATE "DossierEvents" SET "Note" = 'Không có gì' WHERE "DossierCode" = {0} AND "Sequence" = 2;""";
            await db.Database.ExecuteSqlRawAsync(sql, [tampered], TestContext.Current.CancellationToken);
        }

        await DatabaseSetup.MigrateAsync(app.Services, TestContext.Current.CancellationToken); // puts the guard back

        var report = await VerifyAsync();
        var broken = Assert.Single(report.GetProperty("broken").EnumerateArray());
        Assert.Equal(tampered, broken.GetProperty("code").GetString());
        Assert.Equal(2, broken.GetProperty("sequence").GetInt64());
        Assert.Empty((await VerifyAsync(intact)).GetProperty("broken").EnumerateArray());

        // The administrator's page shows the same finding.
        var admin = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var login = await admin.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await admin.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin",
            ["Password"] = AppFactory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }), TestContext.Current.CancellationToken);
        var page = await admin.GetStringAsync("/Dossiers/Verify", TestContext.Current.CancellationToken);
        token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var result = await admin.PostAsync("/Dossiers/Verify", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), TestContext.Current.CancellationToken);
        var html = await result.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(tampered, html);
        Assert.DoesNotContain(intact, html);
    }
}
