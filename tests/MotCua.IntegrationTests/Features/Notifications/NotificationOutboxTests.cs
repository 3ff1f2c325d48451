using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Notifications;

public sealed class NotificationOutboxTests(NotificationsFactory app) : IClassFixture<NotificationsFactory>
{
    // Tuesday 03/06/2025, 09:00 in Bác Ái.
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Receiving_with_phone_and_email_enqueues_a_receipt_on_both_channels()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua.phuocbinh");

        var created = await ReceiveWithContactsAsync(desk, "22783", "huong.chamalea@example.vn", "0912345678");
        var code = created.GetProperty("code").GetString()!;

        var messages = await OutboxAsync(code);
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(NotificationKind.Receipt, m.Kind));
        var email = Assert.Single(messages, m => m.Channel == NotificationChannel.Email);
        var sms = Assert.Single(messages, m => m.Channel == NotificationChannel.Sms);
        Assert.Equal("huong.chamalea@example.vn", email.To);
        Assert.Equal("0912345678", sms.To);
        var due = Date(created, "dueDate").ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var procedureName = (await GetAsync(desk, code)).GetProperty("procedureName").GetString()!;
        foreach (var m in messages)
        {
            Assert.Contains(code, m.Body, StringComparison.Ordinal);
            Assert.Contains(procedureName, m.Body, StringComparison.Ordinal);
            Assert.Contains(due, m.Body, StringComparison.Ordinal);
            Assert.Contains($"/Tracking?code={code}", m.Body, StringComparison.Ordinal);
            Assert.Null(m.SentAtUtc);
        }
    }

    [Fact]
    public async Task A_refused_or_invalid_intake_enqueues_nothing()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua.phuocbinh");
        var before = await CountAsync();

        var invalid = await ReceiveWithContactsAsync(desk, "22783", "a@example.vn", "0912345678", idNumber: "123", expectSuccess: false);
        var incomplete = await ReceiveWithContactsAsync(desk, "22783", "a@example.vn", "0912345678", documents: [], expectSuccess: false);

        Assert.Equal(JsonValueKind.Object, invalid.ValueKind);
        Assert.Equal(JsonValueKind.Object, incomplete.ValueKind);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Supplement_request_apology_and_result_enqueue_messages_only_with_the_committed_action()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var specialist = await app.ClientFor("chuyenvien");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceiveWithContactsAsync(desk, "584.MC", null, "0987654321")).GetProperty("code").GetString()!;

        await ActOkAsync(desk, code, new { action = "request-supplement", note = "Thiếu bản chính để đối chiếu" });
        await ActOkAsync(desk, code, new { action = "receive-supplement" });
        var legal = Date(await GetAsync(desk, code), "legalDueDate");
        var version = (await GetAsync(desk, code)).GetProperty("version").GetInt32();
        var newDue = legal.AddDays(7);
        // Two officers apologise at once: one wins, the loser's message must not survive its rolled-back action.
        var racing = await Task.WhenAll(
            ActAsync(desk, code, new { action = "apologize", note = "Chờ xác minh", newDueDate = newDue.ToString("yyyy-MM-dd"), version }),
            ActAsync(desk, code, new { action = "apologize", note = "Chờ xác minh", newDueDate = newDue.ToString("yyyy-MM-dd"), version }));
        Assert.Single(racing, r => r.IsSuccessStatusCode);
        Assert.Single(racing, r => r.StatusCode == HttpStatusCode.Conflict);
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        await ActOkAsync(specialist, code, new { action = "submit-for-approval", note = "Đủ điều kiện" });
        await ActOkAsync(leader, code, new { action = "approve" });
        await RecordResultAsync(specialist, code);

        var messages = await OutboxAsync(code);
        Assert.All(messages, m => Assert.Equal(NotificationChannel.Sms, m.Channel));
        Assert.Equal(
            [NotificationKind.Receipt, NotificationKind.SupplementRequest, NotificationKind.Apology, NotificationKind.ResultReady],
            messages.Select(m => m.Kind));
        Assert.Contains("Thiếu bản chính để đối chiếu", messages[1].Body, StringComparison.Ordinal);
        Assert.Contains(newDue.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), messages[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dispatch_pass_sends_email_over_smtp_and_sms_through_the_file_gateway()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua.phuocbinh");
        var code = (await ReceiveWithContactsAsync(desk, "22783", "nguoinop@example.vn", "0911222333")).GetProperty("code").GetString()!;

        await DrainAsync(app.Services.GetRequiredService<OutboxDispatcher>());

        var mail = Assert.Single(app.Mail, m => m.Subject != null && m.Subject.Contains(code, StringComparison.Ordinal));
        Assert.Equal("nguoinop@example.vn", mail.To.Mailboxes.Single().Address);
        Assert.Contains($"/Tracking?code={code}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("đã được tiếp nhận", mail.TextBody!, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync(app.SmsFile, Ct)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var sms = Assert.Single(lines, l => l.GetProperty("text").GetString()!.Contains(code, StringComparison.Ordinal));
        Assert.Equal("0911222333", sms.GetProperty("to").GetString());
        Assert.All(await OutboxAsync(code), m =>
        {
            Assert.NotNull(m.SentAtUtc);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.LeaseOwner);
        });
    }

    [Fact]
    public async Task Failures_retry_with_exponential_backoff_and_end_as_failed_after_max_attempts()
    {
        var start = new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(start);
        await DrainAsync(app.Services.GetRequiredService<OutboxDispatcher>());
        var id = await InsertAsync("RETRY-1", "0900000001");
        var options = Options.Create(new NotificationOptions { Dispatcher = { MaxAttempts = 3, BackoffSeconds = 30 } });
        var broken = new FileSmsGateway(Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N") + ".jsonl"), failEveryNth: 1);
        var dispatcher = Dispatcher("retry", broken, options);

        Assert.Equal(1, await dispatcher.DispatchOnceAsync(Ct));
        var first = await MessageAsync(id);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(start.UtcDateTime.AddSeconds(30), first.NextAttemptAtUtc);
        Assert.Contains("injected failure", first.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("0900000001", first.LastError, StringComparison.Ordinal);
        Assert.Null(first.LeaseOwner);

        app.Clock.SetUtcNow(start.AddSeconds(29));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(Ct));
        app.Clock.SetUtcNow(start.AddSeconds(30));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(Ct));
        var second = await MessageAsync(id);
        Assert.Equal(2, second.Attempts);
        Assert.Equal(start.UtcDateTime.AddSeconds(30 + 60), second.NextAttemptAtUtc);
        Assert.False(second.FailedPermanently);

        app.Clock.SetUtcNow(start.AddSeconds(90));
        Assert.Equal(1, await dispatcher.DispatchOnceAsync(Ct));
        var last = await MessageAsync(id);
        Assert.Equal(3, last.Attempts);
        Assert.True(last.FailedPermanently);
        Assert.Null(last.SentAtUtc);

        app.Clock.SetUtcNow(start.AddDays(2));
        Assert.Equal(0, await dispatcher.DispatchOnceAsync(Ct));
        Assert.False(File.Exists(broken.Path));
    }

    [Fact]
    public async Task The_file_gateway_fails_every_nth_send_and_the_retry_delivers_it()
    {
        var start = new DateTimeOffset(2025, 7, 2, 2, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(start);
        await DrainAsync(app.Services.GetRequiredService<OutboxDispatcher>());
        var a = await InsertAsync("NTH-A", "0900000002");
        var b = await InsertAsync("NTH-B", "0900000003");
        var gateway = new FileSmsGateway(Path.Combine(Path.GetTempPath(), "motcua-tests", Guid.NewGuid().ToString("N") + ".jsonl"), failEveryNth: 2);
        var dispatcher = Dispatcher("nth", gateway, Options.Create(new NotificationOptions()));

        await dispatcher.DispatchOnceAsync(Ct);
        Assert.NotNull((await MessageAsync(a)).SentAtUtc);
        Assert.Null((await MessageAsync(b)).SentAtUtc);
        app.Clock.SetUtcNow(start.AddMinutes(1));
        await dispatcher.DispatchOnceAsync(Ct);

        Assert.NotNull((await MessageAsync(b)).SentAtUtc);
        Assert.Equal(2, (await MessageAsync(b)).Attempts);
        Assert.Equal(2, (await File.ReadAllLinesAsync(gateway.Path, Ct)).Length);
        File.Delete(gateway.Path);
    }

    [Fact]
    public async Task A_crashed_instances_lease_blocks_others_until_it_expires()
    {
        var start = new DateTimeOffset(2025, 7, 3, 2, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(start);
        await DrainAsync(app.Services.GetRequiredService<OutboxDispatcher>());
        var id = await InsertAsync("LEASE-1", "0900000004");
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.LeaseOwner, "crashed").SetProperty(m => m.LeaseUntilUtc, start.UtcDateTime.AddSeconds(120)), Ct);
        }

        var counting = new CountingGateway();
        var survivor = Dispatcher("survivor", counting, Options.Create(new NotificationOptions()));
        Assert.Equal(0, await survivor.DispatchOnceAsync(Ct));
        app.Clock.SetUtcNow(start.AddSeconds(121));
        Assert.Equal(1, await survivor.DispatchOnceAsync(Ct));

        Assert.Equal(1, counting.Sends["LEASE-1"]);
        Assert.NotNull((await MessageAsync(id)).SentAtUtc);
    }

    [Fact]
    public async Task Two_instances_dispatching_at_once_never_send_a_message_twice()
    {
        var start = new DateTimeOffset(2025, 7, 4, 2, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(start);
        await DrainAsync(app.Services.GetRequiredService<OutboxDispatcher>());
        var codes = Enumerable.Range(1, 50).Select(i => $"RACE-{i:D2}").ToArray();
        foreach (var code in codes)
        {
            await InsertAsync(code, "0900000005");
        }

        var counting = new CountingGateway { Delay = TimeSpan.FromMilliseconds(5) };
        var options = Options.Create(new NotificationOptions { Dispatcher = { BatchSize = 7 } });
        var one = Dispatcher("instance-1", counting, options);
        var two = Dispatcher("instance-2", counting, options);

        var claimed = await Task.WhenAll(Task.Run(() => DrainAsync(one)), Task.Run(() => DrainAsync(two)));

        Assert.Equal(50, claimed.Sum());
        Assert.All(codes, c => Assert.Equal(1, counting.Sends.GetValueOrDefault(c)));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(50, await db.OutboxMessages.CountAsync(m => m.DossierCode.StartsWith("RACE-") && m.SentAtUtc != null && m.Attempts == 1, Ct));
    }

    [Fact]
    public async Task An_instance_that_chose_candidates_claimed_meanwhile_by_another_sends_nothing()
    {
        var start = new DateTimeOffset(2025, 7, 5, 2, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(start);
        await DrainAsync(app.Services.GetRequiredService<OutboxDispatcher>());
        string[] codes = ["GAP-1", "GAP-2", "GAP-3"];
        foreach (var code in codes)
        {
            await InsertAsync(code, "0900000006");
        }

        var counting = new CountingGateway();
        var blocked = new BlockingGateway(counting);
        var late = Dispatcher("late", counting, Options.Create(new NotificationOptions()));
        var early = Dispatcher("early", blocked, Options.Create(new NotificationOptions()));
        Task<int>? earlyPass = null;
        late.AfterCandidatesChosen = async () =>
        {
            earlyPass = Task.Run(() => early.DispatchOnceAsync(Ct), Ct);
            await blocked.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        };

        var lateClaimed = await late.DispatchOnceAsync(Ct);
        blocked.Release.SetResult();
        var earlyClaimed = await earlyPass!;

        Assert.Equal(0, lateClaimed);
        Assert.Equal(3, earlyClaimed);
        Assert.All(codes, c => Assert.Equal(1, counting.Sends.GetValueOrDefault(c)));
    }

    [Fact]
    public async Task The_outbox_page_is_for_administrators_and_masks_recipients()
    {
        app.Clock.SetUtcNow(Tuesday);
        await InsertAsync("PAGE-1", "0977123456");

        var admin = await app.ClientFor("admin");
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync("/Notifications?status=pending", Ct));
        Assert.Contains("PAGE-1", html, StringComparison.Ordinal);
        Assert.Contains("*******456", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0977123456", html, StringComparison.Ordinal);

        var desk = await app.ClientFor("motcua");
        var denied = await desk.GetAsync("/Notifications", Ct);
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
    }

    private OutboxDispatcher Dispatcher(string owner, ISmsGateway sms, IOptions<NotificationOptions> options) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), app.Services.GetRequiredService<IEmailSender>(), sms, app.Services.GetRequiredService<IWebhookSender>(), app.Clock, options,
            NullLogger<OutboxDispatcher>.Instance, app.Services.GetRequiredService<SensitiveBodies>(), owner);

    private static async Task<int> DrainAsync(OutboxDispatcher dispatcher)
    {
        var total = 0;
        int n;
        while ((n = await dispatcher.DispatchOnceAsync(Ct)) > 0)
        {
            total += n;
        }

        return total;
    }

    private async Task<long> InsertAsync(string dossierCode, string phone)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var m = new OutboxMessage
        {
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Channel = NotificationChannel.Sms,
            To = phone,
            Body = $"Hồ sơ {dossierCode} đã được tiếp nhận.",
            DossierCode = dossierCode,
            Kind = NotificationKind.Receipt,
        };
        db.OutboxMessages.Add(m);
        await db.SaveChangesAsync(Ct);
        return m.Id;
    }

    private async Task<List<OutboxMessage>> OutboxAsync(string code)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.DossierCode == code).OrderBy(m => m.Id).ToListAsync(Ct);
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct);
    }

    private async Task<int> CountAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(Ct);
    }

    private static async Task<JsonElement> ReceiveWithContactsAsync(
        HttpClient client, string unitCode, string? email, string? phone, string idNumber = "058090001234", object[]? documents = null, bool expectSuccess = true)
    {
        documents ??= AllDocuments(await ProcedureAsync(client, Certification));
        var response = await client.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode = Certification,
            unitCode,
            channel = "direct",
            applicant = new { fullName = "Chamaléa Thị Mỹ Hường", idNumber, phone, email, address = "Thôn Ma Hoa, xã Phước Bình" },
            documents,
        }, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode == expectSuccess, $"{response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Holds its first send until released, so that the claim stays open while another instance tries.</summary>
    private sealed class BlockingGateway(ISmsGateway inner) : ISmsGateway
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task SendAsync(string phone, string text, CancellationToken ct)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(ct);
            await inner.SendAsync(phone, text, ct);
        }
    }

    /// <summary>Counts sends per dossier code; the message text names the code.</summary>
    private sealed class CountingGateway : ISmsGateway
    {
        public ConcurrentDictionary<string, int> Sends { get; } = new();

        public TimeSpan Delay { get; init; }

        public async Task SendAsync(string phone, string text, CancellationToken ct)
        {
            await Task.Delay(Delay, ct);
            var code = text.Split(' ')[2];
            Sends.AddOrUpdate(code, 1, (_, n) => n + 1);
        }
    }
}
