using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Assisted;

/// <summary>Issue 11 item 5: a desk officer files online for a present citizen, who confirms with a code sent to their phone.</summary>
public sealed class AssistedSubmissionTests(AssistedSubmissionTests.Factory app) : IClassFixture<AssistedSubmissionTests.Factory>
{
    /// <summary>The app with a fake phone: the code is read from what it received (the outbox row never shows it).</summary>
    public sealed class Factory : AppFactory
    {
        public Factory() => Captured = new CapturedMessages();
    }

    [Fact]
    public async Task The_citizens_one_time_code_turns_the_prepared_submission_into_an_online_assisted_dossier()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var id = await StartAsync(desk, "0915000555");

        var sms = await SmsAsync("0915000555");
        var code = await app.Captured!.LatestCodeAsync(app.Services, "0915000555");
        Assert.Equal(NotificationKind.OneTimeCode, sms.Kind);

        var wrong = await desk.PostAsJsonAsync($"/api/v1/assisted-submissions/{id}/confirm", new { code = code == "000000" ? "111111" : "000000" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        var confirmed = await desk.PostAsJsonAsync($"/api/v1/assisted-submissions/{id}/confirm", new { code }, TestContext.Current.CancellationToken);
        var body = await confirmed.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal("AwaitingReception", body.GetProperty("status").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var dossier = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.AsNoTracking()
            .SingleAsync(d => d.Code == body.GetProperty("code").GetString(), TestContext.Current.CancellationToken);
        Assert.Equal(Channel.Online, dossier.Channel);
        Assert.True(dossier.Assisted);
        Assert.NotNull(dossier.AckDeadlineUtc);

        var again = await desk.PostAsJsonAsync($"/api/v1/assisted-submissions/{id}/confirm", new { code }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task An_expired_code_creates_nothing()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.phuocbinh");
        var id = await StartAsync(desk, "0915000666");
        var code = await app.Captured!.LatestCodeAsync(app.Services, "0915000666");

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var late = await desk.PostAsJsonAsync($"/api/v1/assisted-submissions/{id}/confirm", new { code }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Dossiers.CountAsync(d => d.Applicant.Phone == "0915000666", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Only_a_desk_officer_prepares_an_assisted_submission()
    {
        var specialist = await app.ClientFor("chuyenvien");
        var response = await specialist.PostAsJsonAsync("/api/v1/assisted-submissions", new { procedureCode = Certification, unitCode = "584.MC" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<long> StartAsync(HttpClient desk, string phone)
    {
        var documents = AllDocuments(await ProcedureAsync(desk, Certification));
        var started = await desk.PostAsJsonAsync("/api/v1/assisted-submissions", new
        {
            procedureCode = Certification,
            unitCode = "22783",
            applicant = new { fullName = "Mang Thị Nhờ Nộp", idNumber = "058190005555", phone },
            documents,
        }, TestContext.Current.CancellationToken);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(started.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetInt64();
    }

    private async Task<OutboxMessage> SmsAsync(string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.To == phone && m.Kind == NotificationKind.OneTimeCode).OrderByDescending(m => m.Id).FirstAsync(TestContext.Current.CancellationToken);
    }
}
