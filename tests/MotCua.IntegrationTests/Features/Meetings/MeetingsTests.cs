using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Meetings;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Meetings;

/// <summary>
/// Issue 24 at today's commune (Xã Bác Ái, 56.BACAI): the leader schedules, invitees answer and see conflicts, the personal
/// link works only in its window and records the online join, the minutes are signed, tasks raise alarms when late, and
/// the meetings feed meetingsOnlineRate. Each test uses its own week of 2026, so they do not see each other's meetings.
/// </summary>
public sealed class MeetingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string JitsiSecret = MeetingOptions.DemoJitsiSecret;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-7);

    private static async Task<JsonElement> ScheduleAsync(HttpClient client, object body, HttpStatusCode expect = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync("/api/v1/meetings", body, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expect, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static object Meeting(string title, string start, int minutes = 90, string[]? users = null, string[]? units = null, object[]? agenda = null, string? place = null, bool online = true) => new
    {
        title,
        chairUserName = "lanhdao.bacai",
        start,
        durationMinutes = minutes,
        place,
        online,
        inviteUsers = users ?? ["chuyenvien.bacai"],
        inviteUnits = units ?? Array.Empty<string>(),
        agenda = agenda ?? Array.Empty<object>(),
    };

    [Fact]
    public async Task A_meeting_is_scheduled_with_invitations_conflicts_answers_and_a_published_week()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(12, 7, 9)));
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.SingleAsync(u => u.UserName == "chuyenvien.bacai", Ct);
            user.Email = "xu.pinang@bacai.gov.vn";
            user.PhoneNumber = "0912000111";
            await db.SaveChangesAsync(Ct);
        }

        var leader = await app.ClientFor("lanhdao.bacai");
        var upload = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(TestPdf.Bytes("Dự thảo kế hoạch"));
        pdf.Headers.ContentType = new("application/pdf");
        upload.Add(pdf, "file", "du-thao.pdf");
        var fileId = (await (await leader.PostAsync("/api/v1/files", upload, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("fileId").GetString();

        var first = await ScheduleAsync(leader, Meeting("Giao ban tuần", "2026-12-08T08:00", agenda:
            [new { title = "Kế hoạch chuyển đổi số 2027", presenter = "Phòng Văn hóa – Xã hội", documents = new[] { new { fileId, name = "Dự thảo kế hoạch" } } }]));
        Assert.Equal("2026-12-08T08:00", first.GetProperty("startLocal").GetString());
        Assert.Equal(Utc(12, 8, 8), first.GetProperty("startUtc").GetDateTime().ToUniversalTime());
        Assert.Equal("jitsi", first.GetProperty("platform").GetString());
        Assert.Empty(first.GetProperty("conflicts").EnumerateArray());
        var id = first.GetProperty("id").GetInt64();

        // The invitation went through the outbox: e-mail with the personal link, SMS without diacritics.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Kind == NotificationKind.MeetingInvitation && (m.To == "xu.pinang@bacai.gov.vn" || m.To == "0912000111")).ToListAsync(Ct);
            var key = await db.MeetingInvitees.Where(i => i.MeetingId == id && i.Name == "Pinăng Văn Xử").Select(i => i.JoinKey).SingleAsync(Ct);
            var mail = Assert.Single(messages, m => m.Channel == NotificationChannel.Email);
            Assert.Contains("Giao ban tuần", mail.Body, StringComparison.Ordinal);
            Assert.Contains("/api/v1/meetings/join/" + key, mail.Body, StringComparison.Ordinal);
            var sms = Assert.Single(messages, m => m.Channel == NotificationChannel.Sms);
            Assert.Contains("Moi hop: Giao ban tuan luc 08:00 08/12/2026", sms.Body, StringComparison.Ordinal);
        }

        // A second meeting overlapping the first for the same invitee: scheduled, with a warning naming the first.
        var second = await ScheduleAsync(leader, Meeting("Tiếp công dân định kỳ", "2026-12-08T09:00", 60, place: "Phòng tiếp dân", online: false));
        Assert.Contains(second.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("meetingId").GetInt64() == id && c.GetProperty("inviteeName").GetString() == "Pinăng Văn Xử");
        // Back to back is no conflict.
        var third = await ScheduleAsync(leader, Meeting("Họp chi bộ", "2026-12-08T09:30", 30, place: "Hội trường", online: false));
        Assert.DoesNotContain(third.GetProperty("conflicts").EnumerateArray(), c => c.GetProperty("meetingId").GetInt64() == id);

        // The invitee sees it, declines without a reason (400), then with one.
        var specialist = await app.ClientFor("chuyenvien.bacai");
        var mine = await specialist.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}", Ct);
        Assert.StartsWith("/api/v1/meetings/join/", mine.GetProperty("myInvitation").GetProperty("joinUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-08T07:45", mine.GetProperty("myInvitation").GetProperty("joinOpensLocal").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await specialist.PostAsJsonAsync($"/api/v1/meetings/{id}/responses", new { response = "decline" }, Ct)).StatusCode);
        var declined = await specialist.PostAsJsonAsync($"/api/v1/meetings/{id}/responses", new { response = "decline", reason = "Đi công tác huyện" }, Ct);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var accepted = await (await specialist.PostAsJsonAsync($"/api/v1/meetings/{id}/responses", new { response = "accept" }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("accepted", accepted.GetProperty("myInvitation").GetProperty("response").GetString());

        // The invitee reads the agenda document; another commune's officer sees neither the meeting nor the file.
        Assert.Equal(HttpStatusCode.OK, (await specialist.GetAsync($"/api/v1/files/{fileId}", Ct)).StatusCode);
        var other = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/meetings/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/files/{fileId}", Ct)).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/v1/meetings?from=2026-12-07&to=2026-12-13", Ct)).EnumerateArray(), m => m.GetProperty("id").GetInt64() == id);
        var list = await specialist.GetFromJsonAsync<JsonElement>("/api/v1/meetings?from=2026-12-07&to=2026-12-13&unit=56.BACAI", Ct);
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("id").GetInt64() == id && m.GetProperty("myResponse").GetString() == "accepted");

        // The weekly work schedule, published without an account: official names and titles only.
        var week = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/meetings/week?unit=56.BACAI&date=2026-12-10", Ct);
        Assert.Equal("2026-12-07", week.GetProperty("monday").GetString());
        var tuesday = week.GetProperty("days")[1];
        Assert.Equal("Thứ 3, 08/12/2026", tuesday.GetProperty("label").GetString());
        var entry = Assert.Single(tuesday.GetProperty("entries").EnumerateArray(), e => e.GetProperty("title").GetString() == "Giao ban tuần");
        Assert.Equal("08:00–09:30", entry.GetProperty("time").GetString());
        Assert.Equal("Chamaléa Văn Duyệt", entry.GetProperty("chair").GetString());
        Assert.Equal("Trực tuyến", entry.GetProperty("place").GetString());
        Assert.DoesNotContain("Pinăng", week.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("0912000111", week.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_personal_Jitsi_link_works_only_in_its_window_and_records_the_online_join()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(12, 14, 9)));
        var leader = await app.ClientFor("lanhdao.bacai");
        var m = await ScheduleAsync(leader, Meeting("Họp trực tuyến với các thôn", "2026-12-15T14:00", 60));
        var id = m.GetProperty("id").GetInt64();
        var specialist = await app.ClientFor("chuyenvien.bacai");
        var join = (await specialist.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}", Ct)).GetProperty("myInvitation").GetProperty("joinUrl").GetString()!;
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });

        app.Clock.SetUtcNow(new DateTimeOffset(Utc(12, 15, 13, 44)));
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync(join, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/meetings/join/" + new string('0', 32), Ct)).StatusCode);

        app.Clock.SetUtcNow(new DateTimeOffset(Utc(12, 15, 13, 50)));
        leader = await app.ClientFor("lanhdao.bacai");
        var response = await anonymous.GetAsync(join, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = response.Headers.Location!.ToString();
        Assert.StartsWith("https://meet.motcua.local/motcua-" + id + "-", target, StringComparison.Ordinal);
        var room = target["https://meet.motcua.local/".Length..target.IndexOf('?', StringComparison.Ordinal)];
        var token = target[(target.IndexOf("?jwt=", StringComparison.Ordinal) + 5)..];
        var parts = token.Split('.');
        Assert.Equal(HMACSHA256.HashData(Encoding.UTF8.GetBytes(JitsiSecret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1])), FromBase64Url(parts[2]));
        var claims = JsonDocument.Parse(FromBase64Url(parts[1])).RootElement;
        Assert.Equal(room, claims.GetProperty("room").GetString());
        Assert.Equal("meet.motcua.local", claims.GetProperty("sub").GetString());
        Assert.Equal(new DateTimeOffset(Utc(12, 15, 13, 45)).ToUnixTimeSeconds(), claims.GetProperty("nbf").GetInt64());
        Assert.Equal(new DateTimeOffset(Utc(12, 15, 15, 30)).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
        Assert.Equal("Pinăng Văn Xử", claims.GetProperty("context").GetProperty("user").GetProperty("name").GetString());
        Assert.False(claims.GetProperty("context").GetProperty("user").GetProperty("moderator").GetBoolean());

        var view = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}", Ct);
        Assert.Equal("joined-online", view.GetProperty("invitees").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "Pinăng Văn Xử").GetProperty("attendance").GetString());

        // The chair's own link makes a moderator token; after the window closes the link is refused.
        var chairJoin = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{id}", Ct)).GetProperty("myInvitation").GetProperty("joinUrl").GetString()!;
        var chairToken = (await anonymous.GetAsync(chairJoin, Ct)).Headers.Location!.ToString().Split("?jwt=")[1].Split('.')[1];
        Assert.True(JsonDocument.Parse(FromBase64Url(chairToken)).RootElement.GetProperty("context").GetProperty("user").GetProperty("moderator").GetBoolean());
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(12, 15, 15, 31)));
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync(join, Ct)).StatusCode);
    }

    [Fact]
    public async Task Minutes_are_signed_tasks_raise_alarms_when_late_and_meetings_count_toward_the_online_rate()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(11, 2, 9)));
        var leader = await app.ClientFor("lanhdao.bacai");
        var online = (await ScheduleAsync(leader, Meeting("Họp triển khai kế hoạch quý IV", "2026-11-03T08:00", 60))).GetProperty("id").GetInt64();
        var inRoom = (await ScheduleAsync(leader, Meeting("Họp xét duyệt hộ nghèo", "2026-11-04T08:00", 60, users: ["chuyenvien.bacai", "motcua.bacai"], place: "Hội trường UBND xã", online: false))).GetProperty("id").GetInt64();
        _ = await ScheduleAsync(leader, Meeting("Họp chưa diễn ra", "2026-11-05T08:00", 60));

        var specialist = await app.ClientFor("chuyenvien.bacai");
        var join = (await specialist.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{online}", Ct)).GetProperty("myInvitation").GetProperty("joinUrl").GetString()!;
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(11, 3, 8, 5)));
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(join, Ct)).StatusCode);

        // Only the organiser side may write minutes; the invitee is refused.
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(11, 3, 10)));
        (leader, specialist) = (await app.ClientFor("lanhdao.bacai"), await app.ClientFor("chuyenvien.bacai"));
        Assert.Equal(HttpStatusCode.Conflict, (await specialist.PostAsJsonAsync($"/api/v1/meetings/{online}/minutes", new { text = "Biên bản" }, Ct)).StatusCode);
        var minutes = await leader.PostAsJsonAsync($"/api/v1/meetings/{online}/minutes", new
        {
            text = "Thống nhất kế hoạch quý IV.\nGiao Văn phòng hoàn thiện báo cáo.",
            heldOnline = false,
            paperCopies = false,
            tasks = new[] { new { title = "Hoàn thiện báo cáo quý IV gửi huyện", ownerUserName = "chuyenvien.bacai", dueDate = "2026-11-10" } },
        }, Ct);
        var body = await minutes.Content.ReadAsStringAsync(Ct);
        Assert.True(minutes.StatusCode == HttpStatusCode.OK, body);
        var held = JsonDocument.Parse(body).RootElement;
        Assert.Equal("held", held.GetProperty("status").GetString());
        Assert.True(held.GetProperty("countedOnline").GetBoolean());
        Assert.True(held.GetProperty("minutes").GetProperty("isSigned").GetBoolean());
        var pdf = await leader.GetByteArrayAsync($"/api/v1/meetings/{online}/minutes.pdf", Ct);
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        Assert.Contains("/ByteRange", text, StringComparison.Ordinal);
        Assert.Contains("/Type /Sig", text.Replace("/Type/Sig", "/Type /Sig", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await leader.PostAsJsonAsync($"/api/v1/meetings/{online}/minutes", new { text = "Sửa lại" }, Ct)).StatusCode);

        // The room meeting: one present, one absent with a reason, paper copies handed out: held, not online.
        var invitees = (await leader.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{inRoom}", Ct)).GetProperty("invitees").EnumerateArray().ToList();
        long Invitee(string name) => invitees.Single(i => i.GetProperty("name").GetString() == name).GetProperty("id").GetInt64();
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(11, 4, 10)));
        leader = await app.ClientFor("lanhdao.bacai");
        Assert.Equal(HttpStatusCode.BadRequest, (await leader.PostAsJsonAsync($"/api/v1/meetings/{inRoom}/attendance", new { entries = new[] { new { inviteeId = Invitee("Mang Thị Nhận"), attendance = "absent", reason = (string?)null } } }, Ct)).StatusCode);
        var attendance = await leader.PostAsJsonAsync($"/api/v1/meetings/{inRoom}/attendance", new
        {
            entries = new[]
            {
                new { inviteeId = Invitee("Pinăng Văn Xử"), attendance = "present", reason = (string?)null },
                new { inviteeId = Invitee("Mang Thị Nhận"), attendance = "absent", reason = (string?)"Trực bộ phận một cửa" },
            },
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, attendance.StatusCode);
        var roomHeld = await (await leader.PostAsJsonAsync($"/api/v1/meetings/{inRoom}/minutes", new { text = "Thống nhất danh sách hộ nghèo.", paperCopies = true }, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(roomHeld.GetProperty("countedOnline").GetBoolean());
        Assert.Equal("Trực bộ phận một cửa", roomHeld.GetProperty("invitees").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "Mang Thị Nhận").GetProperty("absenceReason").GetString());

        // Counted: 2 held in November (the third was not held), 1 online → 50 %; the plan's 95 % target is named beside it.
        var indicators = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?unit=56.BACAI&from=2026-11-01&to=2026-11-30", Ct);
        Assert.Equal(0.5, indicators.GetProperty("indicators").GetProperty("meetingsOnlineRate").GetDouble());
        var week4 = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?unit=56.BACAI&from=2026-11-04&to=2026-11-04", Ct);
        Assert.Equal(0.0, week4.GetProperty("indicators").GetProperty("meetingsOnlineRate").GetDouble());
        // A unit above counts its subtree; an unrelated commune has no meetings (null, not 0).
        var other = await app.ClientFor("admin");
        var phuocTien = await other.GetFromJsonAsync<JsonElement>("/api/v1/indicators?unit=22792&from=2026-11-01&to=2026-11-30", Ct);
        Assert.Equal(JsonValueKind.Null, phuocTien.GetProperty("indicators").GetProperty("meetingsOnlineRate").ValueKind);

        // The rebuild recomputes the same figures from the meetings.
        using (var scope = app.Services.CreateScope())
        {
            await RebuildAggregates.RunAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Ct, scope.ServiceProvider.GetServices<IAggregateSource>());
        }

        var rebuilt = await leader.GetFromJsonAsync<JsonElement>("/api/v1/indicators?unit=56.BACAI&from=2026-11-01&to=2026-11-30", Ct);
        Assert.Equal(0.5, rebuilt.GetProperty("indicators").GetProperty("meetingsOnlineRate").GetDouble());

        // The task is late after 10/11: the alarm scan raises it once, the owner is told, and it shows as late.
        app.Clock.SetUtcNow(new DateTimeOffset(Utc(11, 11, 9)));
        var scanner = app.Services.GetRequiredService<AlarmScanner>();
        await scanner.RunOnceAsync(Ct);
        await scanner.RunOnceAsync(Ct);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var task = await db.MeetingTasks.AsNoTracking().SingleAsync(x => x.MeetingId == online, Ct);
            Assert.NotNull(task.LateAlarmAtUtc);
            Assert.Equal(1, await db.MeetingEvents.CountAsync(e => e.MeetingId == online && e.Action == "task-late", Ct));
        }

        specialist = await app.ClientFor("chuyenvien.bacai");
        var late = await specialist.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{online}", Ct);
        var lateTask = Assert.Single(late.GetProperty("tasks").EnumerateArray());
        Assert.True(lateTask.GetProperty("late").GetBoolean());
        var done = await specialist.PostAsync($"/api/v1/meetings/tasks/{lateTask.GetProperty("id").GetInt64()}/done", null, Ct);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await specialist.PostAsync($"/api/v1/meetings/tasks/{lateTask.GetProperty("id").GetInt64()}/done", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Scheduling_refuses_bad_input_and_units_outside_the_scope()
    {
        var leader = await app.ClientFor("lanhdao.bacai");
        await ScheduleAsync(leader, new { title = "", start = "2026-12-21T08:00", durationMinutes = 60, inviteUsers = new[] { "chuyenvien.bacai" } }, HttpStatusCode.BadRequest);
        await ScheduleAsync(leader, new { title = "Họp", start = "ngày mai", durationMinutes = 60, inviteUsers = new[] { "chuyenvien.bacai" } }, HttpStatusCode.BadRequest);
        await ScheduleAsync(leader, new { title = "Họp", start = "2026-12-21T08:00", durationMinutes = 2, inviteUsers = new[] { "chuyenvien.bacai" } }, HttpStatusCode.BadRequest);
        await ScheduleAsync(leader, new { title = "Họp", start = "2026-12-21T08:00", durationMinutes = 60, inviteUsers = Array.Empty<string>() }, HttpStatusCode.BadRequest);
        await ScheduleAsync(leader, new { title = "Họp", unitCode = "22792", chairName = "Chủ tịch", start = "2026-12-21T08:00", durationMinutes = 60, inviteUsers = new[] { "chuyenvien.bacai" } }, HttpStatusCode.BadRequest);
        await ScheduleAsync(leader, new { title = "Họp", chairName = "Chủ tịch", start = "2026-12-21T08:00", durationMinutes = 60, inviteUsers = new[] { "chuyenvien.bacai" }, agenda = new[] { new { title = "Mục 1", documents = new[] { new { fileId = new string('a', 32) } } } } }, HttpStatusCode.BadRequest);
        // A unit invited: its staff get personal invitations, and the schedule names the unit.
        var m = await ScheduleAsync(leader, new { title = "Họp với Bộ phận một cửa", chairName = "Chamaléa Văn Duyệt", start = "2026-12-21T08:00+07:00", durationMinutes = 60, place = "Phòng họp số 1", online = false, inviteUnits = new[] { "56.BACAI" } });
        Assert.Equal("2026-12-21T08:00", m.GetProperty("startLocal").GetString());
        Assert.Contains(m.GetProperty("invitees").EnumerateArray(), i => i.GetProperty("name").GetString() == "Mang Thị Nhận");
        Assert.Null(m.GetProperty("myInvitation").GetProperty("joinUrl").GetString());
    }

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b + new string('=', (4 - b.Length % 4) % 4));
    }
}
