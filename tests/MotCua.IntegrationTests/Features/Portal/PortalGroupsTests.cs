using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Portal;

/// <summary>Issue 21.4: the portal and the public list group procedures by life event and by field, search without diacritics, and a citizen lands on their dossiers.</summary>
public sealed partial class PortalGroupsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("""<details id="(?<id>[^"]+)"[^>]*data-testid="group"[^>]*>\s*<summary><span class="group-name">(?<name>[^<]+)</span> <span class="count" data-testid="group-count">(?<count>\d+) thủ tục</span>""")]
    private static partial Regex Group();

    private static async Task<string> GetAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));

    [Fact]
    public async Task Anonymous_portal_shows_search_and_collapsed_groups_with_counts_not_the_flat_list()
    {
        var html = await GetAsync(app.CreateClient(), "/Portal");

        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("role=\"search\"", StringComparison.Ordinal) < html.IndexOf("data-testid=\"life-event-groups\"", StringComparison.Ordinal));
        var groups = Group().Matches(html).Select(m => (Id: m.Groups["id"].Value, Name: m.Groups["name"].Value, Count: int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        var events = groups.Where(g => g.Id.StartsWith("su-kien-", StringComparison.Ordinal)).ToArray();
        var fields = groups.Where(g => g.Id.StartsWith("linh-vuc-", StringComparison.Ordinal)).ToArray();

        // 58 of the 64 demo procedures are offered online; each is in exactly one field and at least one life event.
        var online = int.Parse(Regex.Match(html, "data-testid=\"online-total\">(\\d+) thủ tục").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(58, online);
        Assert.Equal(online, fields.Sum(f => f.Count));
        Assert.Contains(fields, f => f.Name == "Hộ tịch" && f.Count > 20);
        Assert.True(events.Sum(e => e.Count) >= online);
        Assert.DoesNotContain(events, e => e.Id == "su-kien-khac");
        Assert.Contains(events, e => e.Name == "Khai sinh" && e.Count >= 10);
        Assert.Contains(events, e => e.Name == "Kết hôn" && e.Count >= 5);
        Assert.Contains(events, e => e.Name == "Khai tử – thừa kế");
        Assert.Contains(events, e => e.Name == "Người có công, bảo trợ xã hội" && e.Count == 5);
        Assert.DoesNotContain(events, e => e.Count == 0);

        // Collapsed: no group is open unless asked for; every procedure is still one click away, without JavaScript.
        Assert.DoesNotContain(" open", Regex.Match(html, "<details[^>]*>").Value, StringComparison.Ordinal);
        Assert.Contains("/Portal/Submit?procedure=1.001193", html, StringComparison.Ordinal);
        var opened = await GetAsync(app.CreateClient(), "/Portal?group=ket-hon");
        Assert.Matches("<details id=\"su-kien-ket-hon\" open=\"open\"", opened);
        Assert.Single(Regex.Matches(opened, "<details[^>]* open="));
    }

    [Theory]
    [InlineData("dang ky khai sinh", "Thủ tục đăng ký khai sinh")]
    [InlineData("DANG KY KET HON", "Thủ tục đăng ký kết hôn")]
    [InlineData("chung thuc ban sao", "Chứng thực bản sao từ bản chính")]
    public async Task A_portal_search_without_diacritics_finds_the_procedure_first(string query, string name)
    {
        var html = await GetAsync(app.CreateClient(), "/Portal?q=" + Uri.EscapeDataString(query));

        var results = html[html.IndexOf("data-testid=\"search-results\"", StringComparison.Ordinal)..];
        var first = Regex.Match(results, "<a href=\"/Portal/Submit\\?procedure=[^\"]+\">([^<]+)</a>").Groups[1].Value;
        Assert.StartsWith(name, first, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"life-event-groups\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_search_that_finds_nothing_says_so_and_offers_the_groups()
    {
        var html = await GetAsync(app.CreateClient(), "/Portal?q=xyzzy");
        Assert.Contains("data-testid=\"result-count\">0 thủ tục<", html, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy thủ tục phù hợp", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"all-groups\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_list_offers_the_groups_with_counts_and_filters_by_life_event()
    {
        var client = app.CreateClient();
        var html = await GetAsync(client, "/Procedures");
        Assert.Contains("data-testid=\"life-event-groups\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"field-groups\"", html, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/Procedures\\?event=khai-sinh\">Khai sinh</a> <span class=\"count\">\\d+</span>", html);
        Assert.Contains("data-testid=\"result-count\">64 thủ tục<", html, StringComparison.Ordinal);

        var marriage = await GetAsync(client, "/Procedures?event=ket-hon");
        Assert.Contains("Thủ tục đăng ký kết hôn", marriage, StringComparison.Ordinal);
        Assert.Contains("Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", marriage, StringComparison.Ordinal);
        Assert.DoesNotContain("Thủ tục đăng ký khai tử<", marriage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"life-event-groups\"", marriage, StringComparison.Ordinal);

        // The life event and the words combine; an unknown event filters nothing and fails nothing.
        var both = await GetAsync(client, "/Procedures?event=ket-hon&q=luu+dong");
        Assert.Contains("data-testid=\"result-count\">1 thủ tục<", both, StringComparison.Ordinal);
        Assert.Contains("Thủ tục đăng ký kết hôn lưu động", both, StringComparison.Ordinal);
        var unknown = await client.GetAsync("/Procedures?event=%3Cscript%3E", Ct);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("data-testid=\"result-count\">64 thủ tục<", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_has_no_developer_link()
    {
        var html = await GetAsync(app.CreateClient(), "/");
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.DoesNotContain("/api-docs", main, StringComparison.Ordinal);
        Assert.DoesNotContain("Kết nối hệ thống", main, StringComparison.Ordinal);
        Assert.Contains("href=\"/Portal\"", main, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_signing_in_lands_on_their_dossiers_and_an_officer_on_the_workspace()
    {
        Assert.Equal("/Portal/Mine", (await SignInAsync("congdan", null)).Headers.Location!.ToString());
        Assert.Equal("/Staff", (await SignInAsync("motcua.phuocbinh", null)).Headers.Location!.ToString());

        // A page that sent the citizen to sign in gets them back.
        Assert.Equal("/Portal/Submit?procedure=2.000815", (await SignInAsync("congdan", "/Portal/Submit?procedure=2.000815")).Headers.Location!.ToString());
        Assert.Equal("/Portal/Mine", (await SignInAsync("congdan", "https://evil.example/")).Headers.Location!.ToString());
    }

    private async Task<HttpResponseMessage> SignInAsync(string user, string? returnUrl)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var url = returnUrl is null ? "/Account/Login" : "/Account/Login?returnUrl=" + Uri.EscapeDataString(returnUrl);
        var token = await PageClient.TokenAsync(client, url);
        var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user,
            ["Password"] = AppFactory.DemoPassword,
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
