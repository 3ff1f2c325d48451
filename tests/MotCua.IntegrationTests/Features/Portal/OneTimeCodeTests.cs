using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Domain.Portal;
using MotCua.Web.Features.Notifications;

namespace MotCua.IntegrationTests.Features.Portal;

/// <summary>The one one-time-code service (sign-up and assisted submission) and its messages, which staff cannot read.</summary>
public sealed class OneTimeCodeTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CodeMessage To(string phone) => new(NotificationChannel.Sms, phone, null, "Ma: {0}");

    private async Task<T> WithCodesAsync<T>(Func<OneTimeCodes, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OneTimeCodes>());
    }

    private async Task<Guid> IssueAsync(string purpose, string phone)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var row = scope.ServiceProvider.GetRequiredService<OneTimeCodes>().Issue(purpose, To(phone), NotificationKind.OneTimeCode);
        await scope.ServiceProvider.GetRequiredService<MotCua.Web.Infrastructure.AppDbContext>().SaveChangesAsync(Ct);
        return row.Id;
    }

    [Fact]
    public async Task The_sign_up_code_reaches_the_phone_but_never_the_outbox_row_or_the_admin_page()
    {
        var client = app.CreateClient();
        var started = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Katơr Thị Mai",
            idNumber = "058096009001",
            phone = "0906009001",
            channel = "sms",
            password = "Mai@2025abc",
        }, Ct);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var waiting = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == "0906009001", Ct));

        var code = await app.LatestCodeAsync("0906009001");

        var sent = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == waiting.Id, Ct));
        Assert.True(waiting.Sensitive);
        Assert.DoesNotContain(code, waiting.Body, StringComparison.Ordinal);
        Assert.NotNull(sent.SentAtUtc);
        Assert.Equal(SensitiveBodies.Placeholder, sent.Body);
        Assert.Contains(app.Captured!.Sent, m => m.To == "0906009001" && m.Body.Contains(code, StringComparison.Ordinal));
        var admin = await app.ClientFor("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Notifications", Ct));
        Assert.Contains("*******001", html, StringComparison.Ordinal);
        Assert.DoesNotContain(code, html, StringComparison.Ordinal);
        Assert.DoesNotContain(waiting.Body, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assisted_submission_code_goes_through_the_same_service()
    {
        var desk = await app.ClientFor("motcua.phuocbinh");
        var documents = Dossiers.DossierApi.AllDocuments(await Dossiers.DossierApi.ProcedureAsync(desk, PortalFlow.Certification));
        var started = await desk.PostAsJsonAsync("/api/v1/assisted-submissions", new
        {
            procedureCode = PortalFlow.Certification,
            unitCode = "22783",
            applicant = new { fullName = "Mang Thị Nhờ", idNumber = "058190009002", phone = "0906009002" },
            documents,
        }, Ct);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();
        var codeId = await app.WithDbAsync(db => db.Set<MotCua.Web.Features.Assisted.AssistedSubmission>().Where(a => a.Id == id).Select(a => a.CodeId).SingleAsync(Ct));
        var code = await app.LatestCodeAsync("0906009002");

        var stored = await app.WithDbAsync(db => db.Set<OneTimeCodeRecord>().AsNoTracking().SingleAsync(c => c.Id == codeId, Ct));
        var confirmed = await desk.PostAsJsonAsync($"/api/v1/assisted-submissions/{id}/confirm", new { code }, Ct);

        Assert.Equal("assisted-submission", stored.Purpose);
        Assert.DoesNotContain(code, stored.Hash, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        Assert.Equal(SensitiveBodies.Placeholder, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == "0906009002" && m.Kind == NotificationKind.OneTimeCode).Select(m => m.Body).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_code_confirms_only_its_own_purpose_and_only_once()
    {
        var id = await IssueAsync("sign-up", "0906009003");
        var code = await app.LatestCodeAsync("0906009003");

        var otherPurpose = await WithCodesAsync(c => c.VerifyAsync(id, "assisted-submission", code, Ct));
        var first = await WithCodesAsync(c => c.VerifyAsync(id, "sign-up", code, Ct));
        var again = await WithCodesAsync(c => c.VerifyAsync(id, "sign-up", code, Ct));

        Assert.NotEqual(CodeCheck.Accepted, otherPurpose.Check);
        Assert.Equal(CodeCheck.Accepted, first.Check);
        Assert.Equal(CodeCheck.Expired, again.Check);
    }

    [Fact]
    public async Task Attempts_are_counted_before_checking_so_parallel_guesses_stop_at_the_limit()
    {
        var id = await IssueAsync("sign-up", "0906009004");
        var code = await app.LatestCodeAsync("0906009004");
        var wrong = code == "000000" ? "111111" : "000000";

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => WithCodesAsync(c => c.VerifyAsync(id, "sign-up", wrong, Ct))));
        var right = await WithCodesAsync(c => c.VerifyAsync(id, "sign-up", code, Ct));

        Assert.Equal(5, verdicts.Count(v => v.Check == CodeCheck.Wrong));
        Assert.Equal(7, verdicts.Count(v => v.Check == CodeCheck.TooManyAttempts));
        Assert.Equal(CodeCheck.TooManyAttempts, right.Check);
        Assert.Equal(5, await app.WithDbAsync(db => db.Set<OneTimeCodeRecord>().Where(c => c.Id == id).Select(c => c.Attempts).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_resend_replaces_the_code_and_resets_attempts_until_the_send_limit()
    {
        var id = await IssueAsync("sign-up", "0906009005");
        var first = await app.LatestCodeAsync("0906009005");
        var wrong = first == "000000" ? "111111" : "000000";
        await WithCodesAsync(c => c.VerifyAsync(id, "sign-up", wrong, Ct));

        var second = await WithCodesAsync(c => c.ResendAsync(id, To("0906009005"), NotificationKind.OneTimeCode, Ct));
        var third = await WithCodesAsync(c => c.ResendAsync(id, To("0906009005"), NotificationKind.OneTimeCode, Ct));
        var fourth = await WithCodesAsync(c => c.ResendAsync(id, To("0906009005"), NotificationKind.OneTimeCode, Ct));
        var latest = await app.LatestCodeAsync("0906009005");

        Assert.NotNull(second);
        Assert.NotNull(third);
        Assert.Null(fourth);
        Assert.Equal(0, third!.Attempts);
        Assert.Equal(3, app.Captured!.CountTo("0906009005"));
        if (first != latest)
        {
            Assert.Equal(CodeCheck.Wrong, (await WithCodesAsync(c => c.VerifyAsync(id, "sign-up", first, Ct))).Check);
        }

        Assert.Equal(CodeCheck.Accepted, (await WithCodesAsync(c => c.VerifyAsync(id, "sign-up", latest, Ct))).Check);
    }

    [Fact]
    public async Task An_expired_code_is_refused_even_when_right()
    {
        var id = await IssueAsync("sign-up", "0906009006");
        var code = await app.LatestCodeAsync("0906009006");

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        try
        {
            Assert.Equal(CodeCheck.Expired, (await WithCodesAsync(c => c.VerifyAsync(id, "sign-up", code, Ct))).Check);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-11));
        }
    }
}
