using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

public sealed class DossierLifecycleTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Tuesday 03/06/2025, 09:00 in Bác Ái.
    private static readonly DateTimeOffset Tuesday = new(2025, 6, 3, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Desk_intake_gets_a_unit_day_code_and_the_calendar_due_date()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua.phuocbinh");
        var procedure = await ProcedureAsync(desk, Certification);
        var days = procedure.GetProperty("processingDays").GetInt32();

        var created = await ReceivedAsync(desk, "22783");

        Assert.Matches(@"^22783-250603-\d{4}$", created.GetProperty("code").GetString());
        Assert.Equal("Received", created.GetProperty("status").GetString());
        Assert.Equal(await CalendarDueAsync(desk, "2025-06-03", days), Date(created, "dueDate"));
    }

    [Fact]
    public async Task Codes_have_no_gaps_and_no_duplicates_under_concurrent_intake()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 12, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.phuoctien");
        var documents = AllDocuments(await ProcedureAsync(desk, Certification));

        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => ReceiveAsync(desk, "22792", documents: documents)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var codes = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString()!));
        var numbers = codes.Select(c => int.Parse(c[^4..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 24), numbers);
    }

    [Fact]
    public async Task Full_path_desk_receives_specialist_processes_leader_approves_desk_returns()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var specialist = await app.ClientFor("chuyenvien");
        var leader = await app.ClientFor("lanhdao");

        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await specialist.GetAsync($"/api/v1/dossiers/{code}", TestContext.Current.CancellationToken)).StatusCode);

        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH" });
        Assert.Equal("InProcess", (await GetAsync(specialist, code)).GetProperty("status").GetString());
        await ActOkAsync(specialist, code, new { action = "submit-for-approval", note = "Đủ điều kiện" });
        var approved = await ActOkAsync(leader, code, new { action = "approve" });
        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.Equal("2025-06-03", approved.GetProperty("finishedOn").GetString());

        var recorded = await RecordResultAsync(specialist, code);
        Assert.Equal(code + "-KQ1", recorded.GetProperty("resultCode").GetString());
        var returned = await ActOkAsync(desk, code, new { action = "return-result" });
        Assert.Equal("Returned", returned.GetProperty("status").GetString());

        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        Assert.Equal(["receive", "forward", "submit-for-approval", "approve", "record-result", "sign-result", "return-result"], history!.Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Supplement_round_trip_moves_the_due_date_exactly_as_the_calendar_says()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua.phuocbinh");
        var created = await ReceivedAsync(desk, "22783");
        var code = created.GetProperty("code").GetString()!;
        var days = (await GetAsync(desk, code)).GetProperty("legalWorkingDays").GetInt32();

        app.Clock.SetUtcNow(Tuesday.AddDays(1)); // Wednesday 04/06: the request day counts as used
        desk = await app.ClientFor("motcua.phuocbinh");
        var paused = await ActOkAsync(desk, code, new { action = "request-supplement", note = "Thiếu bản chính để đối chiếu" });
        Assert.Equal("AwaitingSupplement", paused.GetProperty("status").GetString());

        app.Clock.SetUtcNow(Tuesday.AddDays(6)); // Monday 09/06: the arrival day does not count
        desk = await app.ClientFor("motcua.phuocbinh");
        var resumed = await ActOkAsync(desk, code, new { action = "receive-supplement" });

        Assert.Equal("Received", resumed.GetProperty("status").GetString());
        var expected = await CalendarDueAsync(desk, "2025-06-03", days, "2025-06-04/2025-06-09");
        Assert.Equal(expected, Date(resumed, "appointmentDate"));
        if (days == 2)
        {
            // 1 day used (04/06), 1 left from Tuesday 10/06.
            Assert.Equal(new DateOnly(2025, 6, 10), expected);
        }

        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        Assert.Equal(expected.ToString("yyyy-MM-dd"), history![^1].GetProperty("dueDateAfter").GetString());
    }

    [Fact]
    public async Task Two_officers_acting_at_once_one_wins_and_the_other_gets_409_with_the_current_state()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        var version = (await GetAsync(desk, code)).GetProperty("version").GetInt32();

        var first = await ActAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH", version });
        var second = await ActAsync(leader, code, new { action = "refuse", reasonCode = "KHONG-THAM-QUYEN", note = "Không thuộc thẩm quyền", version });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("InProcess", problem.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Parallel_actions_on_one_dossier_never_lose_an_update()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;
        var version = (await GetAsync(desk, code)).GetProperty("version").GetInt32();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ActAsync(desk, code, new { action = "forward", toUnitCode = "584.TCKH", version })));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        Assert.Equal(2, history!.Length);
    }

    [Fact]
    public async Task An_officer_of_another_commune_neither_sees_nor_acts_on_the_dossier()
    {
        app.Clock.SetUtcNow(Tuesday);
        var phuocBinh = await app.ClientFor("motcua.phuocbinh");
        var phuocTien = await app.ClientFor("motcua.phuoctien");
        var code = (await ReceivedAsync(phuocBinh, "22783")).GetProperty("code").GetString()!;

        Assert.Equal(HttpStatusCode.NotFound, (await phuocTien.GetAsync($"/api/v1/dossiers/{code}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phuocTien.GetAsync($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(phuocTien, code, new { action = "forward", toUnitCode = "22792" })).StatusCode);
        var list = await phuocTien.GetFromJsonAsync<JsonElement>("/api/v1/dossiers?status=Received", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        var intake = await ReceiveAsync(phuocTien, "22783");
        Assert.Equal(HttpStatusCode.BadRequest, intake.StatusCode);
    }

    [Fact]
    public async Task Public_tracking_needs_the_verifier_and_masks_personal_data()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua.phuocbinh");
        var code = (await ReceivedAsync(desk, "22783")).GetProperty("code").GetString()!;
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/tracking/{code}?verifier=0000", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/tracking/{code}", TestContext.Current.CancellationToken)).StatusCode);
        var byId = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=1234", TestContext.Current.CancellationToken);
        var byPhone = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/tracking/{code}?verifier=5678", TestContext.Current.CancellationToken);

        Assert.Equal("Đã tiếp nhận", byId.GetProperty("statusLabel").GetString());
        Assert.Equal(byId.GetProperty("code").GetString(), byPhone.GetProperty("code").GetString());
        var text = byId.ToString();
        Assert.DoesNotContain("Chamaléa", text);
        Assert.DoesNotContain("058090001234", text);
        Assert.DoesNotContain("0912345678", text);
        Assert.NotEmpty(byId.GetProperty("explanation").EnumerateArray());
    }

    [Fact]
    public async Task Decisions_need_a_reason_and_an_apology_keeps_the_legal_date()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        var code = (await ReceivedAsync(desk, "584.MC")).GetProperty("code").GetString()!;

        var noReason = await ActAsync(leader, code, new { action = "refuse" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var unknown = await ActAsync(leader, code, new { action = "teleport" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var wrongRole = await ActAsync(desk, code, new { action = "approve" });
        Assert.Equal(HttpStatusCode.Conflict, wrongRole.StatusCode);

        var before = await GetAsync(desk, code);
        var legal = Date(before, "legalDueDate");
        var apologized = await ActOkAsync(desk, code, new { action = "apologize", note = "Chờ xác minh", newDueDate = legal.AddDays(7).ToString("yyyy-MM-dd") });
        Assert.Equal(legal.AddDays(7), Date(apologized, "appointmentDate"));
        Assert.Equal(legal, Date(apologized, "legalDueDate"));

        var refused = await ActOkAsync(leader, code, new { action = "refuse", reasonCode = "GIAY-TO-GIA-MAO", note = "Giấy tờ giả mạo" });
        Assert.Equal("Refused", refused.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_intakes_get_field_errors_form_02_or_form_03_never_a_500()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua.phuocbinh");

        var badId = await ReceiveAsync(desk, "22783", idNumber: "12345");
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        var problem = await badId.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("12 chữ số", problem.GetProperty("errors").GetProperty("applicant.idNumber")[0].GetString());

        var incomplete = await ReceiveAsync(desk, "22783", documents: []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var form02 = await incomplete.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("02", form02.GetProperty("form").GetString());
        Assert.NotEmpty(form02.GetProperty("missingDocuments").EnumerateArray());

        var unknownChannel = await desk.PostAsJsonAsync("/api/v1/dossiers", new { procedureCode = Certification, unitCode = "22783", channel = "pigeon" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknownChannel.StatusCode);

        var postalWithoutNumber = await ReceiveAsync(desk, "22783", channel: "postal");
        Assert.Equal(HttpStatusCode.BadRequest, postalWithoutNumber.StatusCode);
        var postal = await ReceiveAsync(desk, "22783", channel: "postal", tracking: "EB123456789VN");
        Assert.Equal(HttpStatusCode.Created, postal.StatusCode);
    }

    [Fact]
    public async Task Out_of_competence_is_refused_with_form_03_or_accepted_and_forwarded()
    {
        app.Clock.SetUtcNow(Tuesday);
        var desk = await app.ClientFor("motcua");
        var leader = await app.ClientFor("lanhdao");
        // A civil-status procedure: the communes accept it, the district desk does not.
        var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/procedures?q=khai%20sinh&unit=22783", TestContext.Current.CancellationToken);
        var procedure = list.GetProperty("items")[0].GetProperty("code").GetString()!;

        var refused = await ReceiveAsync(desk, "584.MC", procedure);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var form03 = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("03", form03.GetProperty("form").GetString());
        Assert.NotEmpty(form03.GetProperty("competentUnits").EnumerateArray());

        var forwarded = await ReceiveAsync(desk, "584.MC", procedure, forward: true);
        var body = await forwarded.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, forwarded.StatusCode);
        var code = body.GetProperty("code").GetString()!;
        Assert.StartsWith("584.MC-", code, StringComparison.Ordinal);
        var history = await leader.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        Assert.Equal("forward", history![1].GetProperty("action").GetString());
        Assert.Equal("584.MC", history[1].GetProperty("unitCode").GetString());
        Assert.StartsWith("22", history[1].GetProperty("toUnitCode").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_holiday_moves_open_due_dates_and_says_so_in_their_history()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 16, 2, 0, 0, TimeSpan.Zero)); // Monday 16/06/2025
        var desk = await app.ClientFor("motcua.phuocbinh");
        var code = (await ReceivedAsync(desk, "22783")).GetProperty("code").GetString()!;
        var before = Date(await GetAsync(desk, code), "appointmentDate");

        var admin = await app.ClientFor("admin");
        var added = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-06-17", kind = "holiday", name = "Nghỉ đột xuất (thử nghiệm)", source = "test" }, TestContext.Current.CancellationToken);
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var after = Date(await GetAsync(desk, code), "appointmentDate");
        Assert.Equal(await CalendarDueAsync(desk, "2025-06-16", (await GetAsync(desk, code)).GetProperty("legalWorkingDays").GetInt32()), after);
        Assert.True(after > before);
        var history = await desk.GetFromJsonAsync<JsonElement[]>($"/api/v1/dossiers/{code}/history", TestContext.Current.CancellationToken);
        var last = history![^1];
        Assert.Equal("recompute-due-date", last.GetProperty("action").GetString());
        Assert.Equal(before.ToString("yyyy-MM-dd"), last.GetProperty("dueDateBefore").GetString());
        Assert.Contains("Lịch làm việc thay đổi", last.GetProperty("note").GetString());
    }

    [Fact]
    public async Task An_online_dossier_waits_for_the_desk_then_gets_its_due_date_and_the_applicant_can_withdraw_another()
    {
        app.Clock.SetUtcNow(Tuesday);
        var citizen = await app.ClientFor("congdan");
        var submitted = await ReceiveAsync(citizen, "22783", channel: "online");
        var body = await submitted.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal("AwaitingReception", body.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("dueDate").ValueKind);
        var code = body.GetProperty("code").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, (await ReceiveAsync(citizen, "22783", channel: "direct")).StatusCode);

        app.Clock.SetUtcNow(Tuesday.AddDays(1));
        var desk = await app.ClientFor("motcua.phuocbinh");
        var accepted = await ActOkAsync(desk, code, new { action = "accept" });
        Assert.Equal("Received", accepted.GetProperty("status").GetString());
        Assert.Equal("2025-06-04", accepted.GetProperty("receivedOn").GetString());
        Assert.Equal(await CalendarDueAsync(desk, "2025-06-04", accepted.GetProperty("legalWorkingDays").GetInt32()), Date(accepted, "appointmentDate"));

        citizen = await app.ClientFor("congdan");
        var mine = await citizen.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}", TestContext.Current.CancellationToken);
        Assert.Equal(code, mine.GetProperty("code").GetString());
        var second = (await (await ReceiveAsync(citizen, "22783", channel: "online")).Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString()!;
        var withdrawn = await ActOkAsync(citizen, second, new { action = "withdraw", note = "Nộp nhầm thủ tục" });
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());

        var otherDesk = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(otherDesk, second, new { action = "accept" })).StatusCode);
    }
}
