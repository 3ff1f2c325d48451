using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Issue 21.4: the header names the authority and unit served; developer links only for staff.</summary>
public sealed class SiteHeaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_public_sees_the_province_and_unit_served_today_and_no_developer_links_staff_see_their_own_unit_and_them()
    {
        using var app = new AppFactory();
        _ = app.Services;
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));

        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var home = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/", Ct));
        Assert.Contains("UBND tỉnh Khánh Hòa · <span data-testid=\"public-unit\">Xã Bác Ái</span>", home, StringComparison.Ordinal);
        Assert.Contains("Hệ thống một cửa điện tử", home, StringComparison.Ordinal);
        Assert.DoesNotContain("/api-docs", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/health\"", home, StringComparison.Ordinal);

        var staff = await PageClient.SignedInAsync(app, "chuyenvien.bacai");
        var page = await staff.GetAsync("/Staff", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        Assert.Contains("UBND tỉnh Khánh Hòa · <span data-testid=\"user-unit\">Xã Bác Ái</span>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api-docs\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/health\"", html, StringComparison.Ordinal);

        // A district-era officer is named under the province of that era.
        var old = await PageClient.SignedInAsync(app, "chuyenvien");
        var oldHtml = WebUtility.HtmlDecode(await old.GetStringAsync("/Staff", Ct));
        Assert.Contains("UBND tỉnh Ninh Thuận · <span data-testid=\"user-unit\">Phòng Tài chính – Kế hoạch</span>", oldHtml, StringComparison.Ordinal);

        // The province's own administrator: the province named once, as the unit.
        var admin = await PageClient.SignedInAsync(app, "admin");
        var adminHtml = WebUtility.HtmlDecode(await admin.GetStringAsync("/Staff", Ct));
        Assert.Contains("<span class=\"served\" data-testid=\"served-unit\"><span data-testid=\"user-unit\">Tỉnh Ninh Thuận</span></span>", adminHtml, StringComparison.Ordinal);
    }
}
