using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Calendar;

public sealed class CalendarPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Public_due_date_page_shows_the_date_and_why()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Calendar/DueDate?ReceivedOn=2024-06-03&WorkingDays=5&PauseFrom=2024-06-05&PauseTo=2024-06-10", Ct));
        Assert.Contains("13/06/2024", html, StringComparison.Ordinal);
        Assert.Contains("Vì sao là ngày này?", html, StringComparison.Ordinal);
        Assert.Contains("<details", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_due_date_page_explains_bad_input()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Calendar/DueDate?ReceivedOn=2024-02-30&WorkingDays=0", Ct));
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Số ngày làm việc phải là số nguyên từ 1 đến 365.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calendar_admin_page_needs_a_staff_sign_in()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/Calendar?year=2025", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent AddForm(string token) => new(new Dictionary<string, string>
    {
        ["year"] = "2025",
        ["Input.Date"] = "2025-11-20",
        ["Input.Kind"] = "holiday",
        ["Input.Name"] = "Nghỉ thử qua trang (dữ liệu mẫu)",
        ["Input.Source"] = "test",
        ["Input.Unit"] = "",
        ["__RequestVerificationToken"] = token,
    });

    private async Task<string> Due()
    {
        var body = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/calendar/due-date?receivedOn=2025-11-19&workingDays=1", Ct);
        return body.GetProperty("dueDate").GetString()!;
    }

    [Fact]
    public async Task Administrator_adds_and_deletes_a_day_through_the_page()
    {
        var admin = await PageClient.SignedInAsync(app, "admin");
        var add = await admin.PostAsync("/Calendar?handler=Add", AddForm(await PageClient.TokenAsync(admin, "/Calendar?year=2025")), Ct);
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        Assert.Equal("2025-11-21", await Due());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/Calendar?year=2025", Ct));
        Assert.Contains("Nghỉ thử qua trang (dữ liệu mẫu)", page, StringComparison.Ordinal);

        var delete = await admin.PostAsync("/Calendar?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["date"] = "2025-11-20",
            ["unit"] = "",
            ["year"] = "2025",
            ["__RequestVerificationToken"] = await PageClient.TokenAsync(admin, "/Calendar?year=2025"),
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        Assert.Equal("2025-11-20", await Due());
    }

    [Fact]
    public async Task A_desk_officer_reads_the_calendar_page_but_cannot_change_it()
    {
        var desk = await PageClient.SignedInAsync(app, "motcua");
        var page = WebUtility.HtmlDecode(await desk.GetStringAsync("/Calendar?year=2025", Ct));
        Assert.Contains("Ngày Chiến thắng", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Add", page, StringComparison.Ordinal);
        var add = await desk.PostAsync("/Calendar?handler=Add", AddForm(await PageClient.TokenAsync(desk, "/Account/Login")), Ct);
        Assert.Contains("/Account/Denied", add.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("2025-11-20", await Due());
    }
}
