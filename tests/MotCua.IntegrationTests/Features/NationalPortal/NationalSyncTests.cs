using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Domain.NationalPortal;
using MotCua.Testing;
using MotCua.Web.Features.NationalPortal;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.NationalPortal;

/// <summary>Issue 22 items 1, 2 and 6: dossiers and their progress reach a fake national portal through the sync outbox.</summary>
public sealed class NationalSyncTests(NationalPortalFactory app) : IClassFixture<NationalPortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // 09:00 in Bác Ái on working days of December 2026 (one day per test, so that the day's indicators are the test's own).
    private static DateTimeOffset Day(int day) => new(2026, 12, day, 2, 0, 0, TimeSpan.Zero);

    private NationalSyncDispatcher Dispatcher => app.Services.GetRequiredService<NationalSyncDispatcher>();

    private static async Task<int> DrainAsync(NationalSyncDispatcher dispatcher)
    {
        var total = 0;
        for (var i = 0; i < 50; i++)
        {
            var claimed = await dispatcher.DispatchOnceAsync(Ct);
            if (claimed == 0)
            {
                return total;
            }

            total += claimed;
        }

        throw new InvalidOperationException("The sync did not settle.");
    }

    private List<(string? Service, string? IsUpdating, string ErrorCode, JsonElement Body)> RequestsFor(string code) =>
        [.. app.Portal.Requests.Where(r => r.Body.Contains($"\"{code}\"", StringComparison.Ordinal))
            .Select(r => JsonDocument.Parse(r.Body).RootElement)
            .Zip(app.Portal.Requests.Where(r => r.Body.Contains($"\"{code}\"", StringComparison.Ordinal)))
            .Select(x => (x.Second.Service, x.First.TryGetProperty("isUpdating", out var u) ? u.GetString() : null, x.Second.ErrorCode, x.First))];

    private static JsonElement Sync(JsonElement dossier) => dossier.GetProperty("nationalSync");

    private async Task<string> ReceiveAsync(string unit = "56.BACAI") =>
        (await ReceivedAsync(await app.ClientFor("motcua.bacai"), unit)).GetProperty("code").GetString()!;

    [Fact]
    public async Task A_dossier_is_added_then_updated_with_its_progress_and_holds_are_not_reported_done()
    {
        app.Clock.SetUtcNow(Day(8));
        await app.PrepareAsync();
        var desk = await app.ClientFor("motcua.bacai");
        var specialist = await app.ClientFor("chuyenvien.bacai");
        var leader = await app.ClientFor("lanhdao.bacai");
        var code = await ReceiveAsync();
        Assert.Equal("pending", Sync(await GetAsync(desk, code)).GetProperty("state").GetString());

        await DrainAsync(Dispatcher);

        var held = app.Portal.Dossier(code)!.Value;
        Assert.Equal("2", held.GetProperty("TrangThaiHoSo").GetString());
        Assert.Equal("1", held.GetProperty("KenhThucHien").GetString());
        Assert.Equal("1", held.GetProperty("LoaiDoiTuong").GetString());
        Assert.Equal("2.000815", held.GetProperty("MaTTHC").GetString());
        Assert.Equal("058090001234", held.GetProperty("SoGiayToChuHoSo").GetString());
        Assert.Equal("20261208090000", held.GetProperty("NgayTiepNhan").GetString());
        var first = RequestsFor(code);
        Assert.Equal([(Dvcqg.SyncDossier, "False", "0"), (Dvcqg.SyncProgress, null, "0")], first.Select(r => (r.Service, r.IsUpdating, r.ErrorCode)));
        // Only what the fields need: no phone, address or birth date of the applicant goes out.
        Assert.All(first, r =>
        {
            Assert.DoesNotContain("0912345678", r.Body.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("Ma Hoa", r.Body.GetRawText(), StringComparison.Ordinal);
        });
        var synced = Sync(await GetAsync(desk, code));
        Assert.Equal("synced", synced.GetProperty("state").GetString());
        Assert.Equal(2, synced.GetProperty("nationalStatus").GetInt32());
        Assert.Equal(1.0, (await IndicatorAsync("2026-12-08")).GetDouble());

        // A supplement hold is 5, never "done"; the change waits (the rate drops) until the next pass.
        await ActOkAsync(desk, code, new { action = "request-supplement", note = "Thiếu tờ khai có chữ ký" });
        Assert.Equal("pending", Sync(await GetAsync(desk, code)).GetProperty("state").GetString());
        Assert.Equal(0.0, (await IndicatorAsync("2026-12-08")).GetDouble());
        await DrainAsync(Dispatcher);
        held = app.Portal.Dossier(code)!.Value;
        Assert.Equal("5", held.GetProperty("TrangThaiHoSo").GetString());
        var supplement = held.GetProperty("DanhSachHoSoBoSung")[0];
        Assert.Equal("Thiếu tờ khai có chữ ký", supplement.GetProperty("NoiDungBoSung").GetString());
        Assert.Equal("0", supplement.GetProperty("TrangThaiBoSung").GetString());
        Assert.Equal((Dvcqg.SyncDossier, "True"), (RequestsFor(code)[2].Service, RequestsFor(code)[2].IsUpdating));
        Assert.Equal(1.0, (await IndicatorAsync("2026-12-08")).GetDouble());

        await ActOkAsync(desk, code, new { action = "receive-supplement" });
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        await ActOkAsync(specialist, code, new { action = "submit-for-approval" });
        await ActOkAsync(leader, code, new { action = "approve" });
        await RecordResultAsync(specialist, code);
        await ActOkAsync(desk, code, new { action = "return-result" });
        await DrainAsync(Dispatcher);

        held = app.Portal.Dossier(code)!.Value;
        Assert.Equal("10", held.GetProperty("TrangThaiHoSo").GetString());
        Assert.True(Dvcqg.IsDate(held.GetProperty("NgayTra").GetString()));
        Assert.True(Dvcqg.IsDate(held.GetProperty("NgayKetThucXuLy").GetString()));
        Assert.Equal("1", held.GetProperty("DanhSachHoSoBoSung")[0].GetProperty("TrangThaiBoSung").GetString());

        // Every history event reached the portal once, in order, with its national status.
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", Ct);
        var progress = app.Portal.Progress(code);
        Assert.Equal(history!.Length, progress.Count);
        var sentItems = RequestsFor(code).Where(r => r.Service == Dvcqg.SyncProgress).Sum(r => r.Body.GetProperty("data").GetArrayLength());
        Assert.Equal(history.Length, sentItems);
        Assert.Equal(
            history.Select(e => NationalStatus.Of(Enum.Parse<DossierStatus>(e.GetProperty("stateAfter").GetString()!)).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            progress.Select(p => p.GetProperty("TrangThai").GetString()));
        Assert.Equal(["2", "5", "2", "4"], progress.Take(4).Select(p => p.GetProperty("TrangThai").GetString()));
        Assert.Equal("10", progress[^1].GetProperty("TrangThai").GetString());
        Assert.All(progress, p => Assert.DoesNotContain("Mỹ Hường", p.GetRawText(), StringComparison.Ordinal));

        // The result link is public, signed and time-limited.
        var link = held.GetProperty("DanhSachGiayToKetQua")[0].GetProperty("DuongDanTepTinKetQua").GetString()!;
        Assert.StartsWith(NationalPortalFactory.PublicOrigin + "/api/v1/files/public/", link, StringComparison.Ordinal);
        var path = link[NationalPortalFactory.PublicOrigin.Length..];
        using var anonymous = app.CreateClient();
        var pdf = await anonymous.GetAsync(path, Ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path[..^3] + (path[^3] == 'A' ? "B" : "A") + path[^2..], Ct)).StatusCode);
        app.Clock.SetUtcNow(Day(8).AddDays(31));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_add_the_portal_already_holds_becomes_an_update()
    {
        app.Clock.SetUtcNow(Day(9));
        await app.PrepareAsync();
        var code = await ReceiveAsync();
        await DrainAsync(Dispatcher);
        // As if the add's answer had been lost: MotCua does not know the portal holds it.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.NationalSyncs.Where(s => s.DossierCode == code).ExecuteUpdateAsync(s => s.SetProperty(x => x.AddedAtPortal, false), Ct);
        }

        await ActOkAsync(await app.ClientFor("motcua.bacai"), code, new { action = "forward", toUnitCode = "56.BACAI" });
        await DrainAsync(Dispatcher);

        Assert.Equal(
            [(Dvcqg.SyncDossier, "False", "0"), (Dvcqg.SyncProgress, null, "0"), (Dvcqg.SyncDossier, "False", Dvcqg.AlreadyExists), (Dvcqg.SyncDossier, "True", "0"), (Dvcqg.SyncProgress, null, "0")],
            RequestsFor(code).Select(r => (r.Service, r.IsUpdating, r.ErrorCode)));
        Assert.Equal("4", app.Portal.Dossier(code)!.Value.GetProperty("TrangThaiHoSo").GetString());
        Assert.Equal("synced", Sync(await GetAsync(await app.ClientFor("motcua.bacai"), code)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_error_reply_is_kept_with_the_dossier_and_retried_with_a_doubling_backoff()
    {
        app.Clock.SetUtcNow(Day(10));
        await app.PrepareAsync();
        var desk = await app.ClientFor("motcua.bacai");
        var code = await ReceiveAsync();
        app.Portal.ReplyNext(1, 200, "-99", "Mã thủ tục chưa được công bố trên CSDL quốc gia");
        await DrainAsync(Dispatcher);

        var failed = Sync(await GetAsync(desk, code));
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Equal(1, failed.GetProperty("attempts").GetInt32());
        Assert.Contains("-99", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains("chưa được công bố", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(Day(10).UtcDateTime.AddSeconds(60), failed.GetProperty("nextAttemptAt").GetDateTime());
        var status = await desk.GetFromJsonAsync<JsonElement>("/api/v1/integrations/dvcqg/status", Ct);
        Assert.True(status.GetProperty("configured").GetBoolean());
        Assert.True(status.GetProperty("counts").GetProperty("failed").GetInt64() >= 1);
        Assert.Contains(await desk.GetFromJsonAsync<JsonElement[]>("/api/v1/integrations/dvcqg/failures", Ct) ?? [], f => f.GetProperty("code").GetString() == code);
        Assert.Contains(code, await desk.GetStringAsync("/NationalPortal", Ct), StringComparison.Ordinal);

        // Not due before its backoff; the second failure doubles it (503, an outage).
        app.Clock.SetUtcNow(Day(10).AddSeconds(59));
        Assert.Equal(0, await DrainAsync(Dispatcher));
        app.Portal.ReplyNext(1, 503, "-500", "Hệ thống đang bận");
        app.Clock.SetUtcNow(Day(10).AddSeconds(60));
        await DrainAsync(Dispatcher);
        failed = Sync(await GetAsync(desk, code));
        Assert.Equal(2, failed.GetProperty("attempts").GetInt32());
        Assert.Contains("HTTP 503", failed.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(Day(10).UtcDateTime.AddSeconds(60 + 120), failed.GetProperty("nextAttemptAt").GetDateTime());

        // The officer's retry makes it due at once; intake never waited for any of this.
        var retry = await desk.PostAsync($"/api/v1/integrations/dvcqg/dossiers/{code}/retry", null, Ct);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        await DrainAsync(Dispatcher);
        var ok = Sync(await GetAsync(desk, code));
        Assert.Equal("synced", ok.GetProperty("state").GetString());
        Assert.Equal(0, ok.GetProperty("attempts").GetInt32());
        Assert.Equal(JsonValueKind.Null, ok.GetProperty("lastError").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsync($"/api/v1/integrations/dvcqg/dossiers/{code}/retry", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.PostAsync("/api/v1/integrations/dvcqg/dossiers/KHONG-CO/retry", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_claim_whose_process_died_is_delivered_once_after_its_lease_expires()
    {
        app.Clock.SetUtcNow(Day(11));
        await app.PrepareAsync();
        var code = await ReceiveAsync();
        using var scope = app.Services.CreateScope();
        var options = app.Services.GetRequiredService<IOptions<DvcqgOptions>>();
        var factory = app.Services.GetRequiredService<IServiceScopeFactory>();
        var dying = new NationalSyncDispatcher(factory, app.Clock, options, NullLogger<NationalSyncDispatcher>.Instance, "instance-A")
        {
            AfterDossierConfirmed = _ => throw new ProcessKilled(),
        };
        var survivor = new NationalSyncDispatcher(factory, app.Clock, options, NullLogger<NationalSyncDispatcher>.Instance, "instance-B");

        // A claims, the portal takes the add, and A dies before it sends the progress or marks the dossier.
        await Assert.ThrowsAsync<ProcessKilled>(() => dying.DispatchOnceAsync(Ct));
        Assert.Equal("pending", Sync(await GetAsync(await app.ClientFor("motcua.bacai"), code)).GetProperty("state").GetString());

        // B leaves A's lease alone until it expires, then finishes the job: an update (the add was recorded), the progress once.
        Assert.Equal(0, await DrainAsync(survivor));
        app.Clock.SetUtcNow(Day(11).AddSeconds(121));
        Assert.Equal(1, await DrainAsync(survivor));
        Assert.Equal(
            [(Dvcqg.SyncDossier, "False", "0"), (Dvcqg.SyncDossier, "True", "0"), (Dvcqg.SyncProgress, null, "0")],
            RequestsFor(code).Select(r => (r.Service, r.IsUpdating, r.ErrorCode)));
        Assert.Single(app.Portal.Progress(code));
        Assert.Equal("synced", Sync(await GetAsync(await app.ClientFor("motcua.bacai"), code)).GetProperty("state").GetString());
        Assert.Equal(0, await DrainAsync(Dispatcher));
    }

    [Fact]
    public async Task The_fake_refuses_what_the_portal_would_refuse()
    {
        var portal = new FakeDvcqgPortal { AccessToken = "t" };
        Assert.Equal((401, Dvcqg.Unauthorized), Reply(portal.Handle("""{"service":"DongBoHoSoMC","isUpdating":"False","data":[{}]}""", "Bearer x")));
        Assert.Equal((200, Dvcqg.Invalid), Reply(portal.Handle("""{"service":"DongBoHoSoMC","isUpdating":"false","data":[{}]}""", "Bearer t")));
        Assert.Equal((200, Dvcqg.Invalid), Reply(portal.Handle("""{"service":"LayThuTuc","data":[{}]}""", "Bearer t")));
        var (_, reply) = portal.Handle("""{"service":"DongBoHoSoMC","isUpdating":"False","data":[{"MaHoSo":"X","TrangThaiHoSo":"10","NgayTiepNhan":"2026-12-08"}]}""", "Bearer t");
        Assert.Contains("NgayTiepNhan", reply.Message, StringComparison.Ordinal);
        Assert.Contains("NgayKetThucXuLy", reply.Message, StringComparison.Ordinal);
        Assert.Contains("KenhThucHien", reply.Message, StringComparison.Ordinal);
        Assert.Equal((200, Dvcqg.NotFound), Reply(portal.Handle(
            """{"service":"CapNhatTienDoHoSoMC","data":[{"MaHoSo":"X","NguoiXuLy":"A","ChucDanh":"B","ThoiDiemXuLy":"20261208090000","PhongBanXuLy":"C","NoiDungXuLy":"D","TrangThai":"2","NgayBatDau":"20261208090000"}]}""", "Bearer t")));
        await Task.CompletedTask;

        static (int, string) Reply((int Status, DvcqgReply Reply) r) => (r.Status, r.Reply.ErrorCode);
    }

    private async Task<JsonElement> IndicatorAsync(string day)
    {
        var leader = await app.ClientFor("lanhdao.bacai");
        var json = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/indicators?unit=56.BACAI&from={day}&to={day}", Ct);
        return json.GetProperty("indicators").GetProperty("nationalSyncRate");
    }

    private sealed class ProcessKilled : Exception;
}

/// <summary>Without <c>Integrations:Dvcqg:BaseUrl</c> nothing is sent and every state says so.</summary>
public sealed class NationalSyncNotConfiguredTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Nothing_is_sent_and_the_state_says_not_configured()
    {
        var ct = TestContext.Current.CancellationToken;
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;

        Assert.Equal(0, await app.Services.GetRequiredService<NationalSyncDispatcher>().DispatchOnceAsync(ct));
        var sync = (await GetAsync(desk, code)).GetProperty("nationalSync");
        Assert.Equal("notConfigured", sync.GetProperty("state").GetString());
        Assert.Equal(2, sync.GetProperty("nationalStatus").GetInt32());
        var status = await desk.GetFromJsonAsync<JsonElement>("/api/v1/integrations/dvcqg/status", ct);
        Assert.False(status.GetProperty("configured").GetBoolean());
        Assert.Equal("notConfigured", status.GetProperty("state").GetString());
        Assert.Equal("notConfigured", status.GetProperty("oldestUnsynced").GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsync($"/api/v1/integrations/dvcqg/dossiers/{code}/retry", null, ct)).StatusCode);
    }
}
