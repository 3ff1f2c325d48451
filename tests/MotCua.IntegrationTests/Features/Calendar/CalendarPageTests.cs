using System.Net;
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
}
