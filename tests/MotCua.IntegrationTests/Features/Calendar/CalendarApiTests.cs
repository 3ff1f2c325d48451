using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Calendar;

public sealed class CalendarApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> DueDate(string query)
    {
        var response = await app.CreateClient().GetAsync("/api/v1/calendar/due-date?" + query, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Anyone_gets_a_due_date_that_skips_named_holidays()
    {
        var body = await DueDate("receivedOn=2025-04-29&workingDays=1");
        Assert.Equal("2025-05-05", body.GetProperty("dueDate").GetString());
        Assert.False(body.GetProperty("estimated").GetBoolean());
        var lines = body.GetProperty("explanation").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Contains("30/04/2025 Ngày Chiến thắng", lines);
        Assert.Contains("01/05/2025 Ngày Quốc tế Lao động", lines);
    }

    [Fact]
    public async Task Due_date_keeps_days_used_before_a_supplement_pause()
    {
        var body = await DueDate("receivedOn=2024-06-03&workingDays=5&pause=2024-06-05/2024-06-10");
        Assert.Equal("2024-06-13", body.GetProperty("dueDate").GetString());
        Assert.Contains(body.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.StartsWith("Tạm dừng tính thời hạn từ 05/06/2024 đến 10/06/2024", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Repeated_pauses_all_count()
    {
        var body = await DueDate("receivedOn=2024-06-03&workingDays=5&pause=2024-06-04/2024-06-05&pause=2024-06-07/2024-06-10");
        Assert.Equal("2024-06-12", body.GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Make_up_Saturday_is_counted_and_named()
    {
        var body = await DueDate("receivedOn=2025-04-25&workingDays=1");
        Assert.Equal("2025-04-26", body.GetProperty("dueDate").GetString());
        Assert.Contains(body.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.StartsWith("26/04/2025 Thứ Bảy làm việc bù", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Years_beyond_official_data_are_flagged_as_estimated()
    {
        var body = await DueDate("receivedOn=2027-04-29&workingDays=1");
        Assert.Equal("2027-05-04", body.GetProperty("dueDate").GetString());
        Assert.True(body.GetProperty("estimated").GetBoolean());
        Assert.True(body.GetProperty("lastOfficialYear").GetInt32() >= 2026); // another test may import later years
    }

    [Theory]
    [InlineData("receivedOn=2025-02-30&workingDays=5", "receivedOn")]
    [InlineData("receivedOn=hôm-nay&workingDays=5", "receivedOn")]
    [InlineData("workingDays=5", "receivedOn")]
    [InlineData("receivedOn=2025-06-02&workingDays=0", "workingDays")]
    [InlineData("receivedOn=2025-06-02&workingDays=-3", "workingDays")]
    [InlineData("receivedOn=2025-06-02&workingDays=366", "workingDays")]
    [InlineData("receivedOn=2025-06-02&workingDays=abc", "workingDays")]
    [InlineData("receivedOn=2025-06-02&workingDays=5&pause=2025-06-05/2025-06-04", "pause")]
    [InlineData("receivedOn=2025-06-02&workingDays=5&pause=2025-06-01/2025-06-04", "pause")]
    [InlineData("receivedOn=2025-06-02&workingDays=5&pause=2025-06-05", "pause")]
    [InlineData("receivedOn=1999-12-31&workingDays=5", "receivedOn")]
    [InlineData("receivedOn=2101-01-03&workingDays=5", "receivedOn")]
    [InlineData("receivedOn=2025-06-02&workingDays=5&unit=KHONGCO", "unit")]
    public async Task Bad_input_gets_a_400_with_a_Vietnamese_message(string query, string field)
    {
        var response = await app.CreateClient().GetAsync("/api/v1/calendar/due-date?" + query, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches("[ạảãáàâấầẩẫậăắằẳẵặêếềểễệôốồổỗộơớờởỡợưứừửữựđ]", message.ToLowerInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("congdan")]
    [InlineData("motcua")]
    [InlineData("lanhdao")]
    public async Task Only_administrators_edit_the_calendar(string? userName)
    {
        var client = userName is null ? app.CreateClient() : await app.ClientFor(userName);
        var expected = userName is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        var post = await client.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-06-10", kind = "holiday", name = "Thử" }, Ct);
        Assert.Equal(expected, post.StatusCode);
        var delete = await client.DeleteAsync("/api/v1/calendar/days/2025-04-30", Ct);
        Assert.Equal(expected, delete.StatusCode);
        var import = await client.PostAsync("/api/v1/calendar/import", new StringContent("date,name,kind,source\n2025-06-10,Thử,holiday,x\n", Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(expected, import.StatusCode);
    }

    [Fact]
    public async Task Staff_read_a_years_days_but_citizens_cannot()
    {
        var staff = await app.ClientFor("motcua");
        var days = await staff.GetFromJsonAsync<JsonElement[]>("/api/v1/calendar/days?year=2025", Ct);
        Assert.Contains(days!, d => d.GetProperty("date").GetString() == "2025-04-26" && d.GetProperty("kind").GetString() == "makeup-workday");
        Assert.All(days!, d => Assert.StartsWith("2025-", d.GetProperty("date").GetString(), StringComparison.Ordinal));

        var citizen = await app.ClientFor("congdan");
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/calendar/days?year=2025", Ct)).StatusCode);
    }

    [Fact]
    public async Task Admin_edits_change_the_due_date_answer()
    {
        var admin = await app.ClientFor("admin");
        Assert.Equal("2025-06-10", (await DueDate("receivedOn=2025-06-09&workingDays=1")).GetProperty("dueDate").GetString());

        var post = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-06-10", kind = "holiday", name = "Ngày nghỉ thử (dữ liệu mẫu)", source = "test" }, Ct);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var after = await DueDate("receivedOn=2025-06-09&workingDays=1");
        Assert.Equal("2025-06-11", after.GetProperty("dueDate").GetString());
        Assert.Contains(after.GetProperty("explanation").EnumerateArray(), e => e.GetString() == "10/06/2025 Ngày nghỉ thử (dữ liệu mẫu)");

        var again = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-06-10", kind = "holiday", name = "Ngày nghỉ thử, đổi tên" }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/calendar/days/2025-06-10", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/v1/calendar/days/2025-06-10", Ct)).StatusCode);
        Assert.Equal("2025-06-10", (await DueDate("receivedOn=2025-06-09&workingDays=1")).GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task A_units_own_day_off_applies_to_that_unit_only()
    {
        var admin = await app.ClientFor("admin");
        var post = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-07-15", kind = "holiday", name = "Lễ hội địa phương (dữ liệu mẫu)", unit = "584" }, Ct);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal("2025-07-16", (await DueDate("receivedOn=2025-07-14&workingDays=1&unit=22783")).GetProperty("dueDate").GetString());
        Assert.Equal("2025-07-15", (await DueDate("receivedOn=2025-07-14&workingDays=1")).GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Bad_calendar_edits_get_field_messages()
    {
        var admin = await app.ClientFor("admin");
        var response = await admin.PostAsJsonAsync("/api/v1/calendar/days", new { date = "2025-31-12", kind = "nghi", name = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("date", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Import_is_idempotent_and_reports_bad_rows_by_line()
    {
        var admin = await app.ClientFor("admin");
        const string csv = "date,name,kind,source\n"
            + "2030-01-01,Tết Dương lịch 2030 (dữ liệu mẫu),holiday,test\n"
            + "2030-02-31,Ngày sai,holiday,test\n"
            + "2030-03-02,\"Làm bù, dữ liệu mẫu\",makeup_workday,\"a, b\"\n"
            + "2030-03-03,Loại sai,nghi,test\n"
            + "2030-01-01,Trùng dòng 2,holiday,test\n";

        async Task<JsonElement> Import()
        {
            var response = await admin.PostAsync("/api/v1/calendar/import", new StringContent(csv, Encoding.UTF8, "text/csv"), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        }

        var first = await Import();
        Assert.Equal(2, first.GetProperty("imported").GetInt32());
        Assert.Equal(0, first.GetProperty("skipped").GetInt32());
        Assert.Equal([3, 5, 6], first.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));

        var second = await Import();
        Assert.Equal(0, second.GetProperty("imported").GetInt32());
        Assert.Equal(0, second.GetProperty("updated").GetInt32());
        Assert.Equal(2, second.GetProperty("skipped").GetInt32());

        var changed = await admin.PostAsync("/api/v1/calendar/import",
            new StringContent("date,name,kind,source\n2030-01-01,Tết Dương lịch (đổi tên),holiday,test\n", Encoding.UTF8, "text/csv"), Ct);
        Assert.Equal(1, (await changed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("updated").GetInt32());

        var days = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/calendar/days?year=2030", Ct);
        Assert.Equal(2, days!.Length);
        Assert.Equal("Làm bù, dữ liệu mẫu", days[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_demo_seed_loads_the_official_calendar()
    {
        var staff = await app.ClientFor("admin");
        var all = new List<JsonElement>();
        for (var year = 2021; year <= 2026; year++)
        {
            all.AddRange((await staff.GetFromJsonAsync<JsonElement[]>($"/api/v1/calendar/days?year={year}", Ct))!.Where(d => d.GetProperty("unit").ValueKind == JsonValueKind.Null));
        }

        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "DemoData", "holidays-vn.csv")).Count(l => l.Length > 0) - 1;
        Assert.Equal(lines, all.Count);
    }
}
