using System.Net;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>After 1/7/2025 the district and its communes are gone: today's dossiers go to the new communes' demo accounts.</summary>
public sealed class TwoTierStructureTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly DateTimeOffset AfterReform = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_commune_receives_processes_and_approves_a_dossier_today()
    {
        app.Clock.SetUtcNow(AfterReform);
        var desk = await app.ClientFor("motcua.bacai");

        var received = await ReceivedAsync(desk, "56.BACAI");
        var code = received.GetProperty("code").GetString()!;
        Assert.StartsWith("56.BACAI-261126-", code, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 30), Date(received, "dueDate"));

        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        await ActOkAsync(await app.ClientFor("chuyenvien.bacai"), code, new { action = "submit-for-approval" });
        var approved = await ActOkAsync(await app.ClientFor("lanhdao.bacai"), code, new { action = "approve" });
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_district_desk_that_ended_gets_a_clear_refusal_and_a_notice_on_its_intake_page()
    {
        app.Clock.SetUtcNow(AfterReform);

        var refused = await ReceiveAsync(await app.ClientFor("motcua"), "584.MC");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var page = await PageClient.SignedInAsync(app, "motcua");
        var html = await page.GetStringAsync("/Dossiers/Receive", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"unit-ended\"", html, StringComparison.Ordinal);
        Assert.Contains("30/06/2025", html, StringComparison.Ordinal);
    }
}
