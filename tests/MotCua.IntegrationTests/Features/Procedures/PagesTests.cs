using System.Net;
using System.Text.RegularExpressions;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Procedures;

public sealed partial class PagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [Fact]
    public async Task The_public_list_searches_without_diacritics()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Procedures?q=khai+sinh", TestContext.Current.CancellationToken));
        Assert.Contains("Thủ tục đăng ký khai sinh", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Chứng thực chữ ký", html, StringComparison.Ordinal);
        var field = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Procedures?field=Gi%E1%BA%A3m+ngh%C3%A8o", TestContext.Current.CancellationToken));
        Assert.Contains("5 thủ tục", field, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_show_documents_demo_marks_and_the_online_button_only_where_allowed()
    {
        var birth = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Procedures/Details?code=1.001193", TestContext.Current.CancellationToken));
        Assert.Contains("Tờ khai đăng ký khai sinh", birth, StringComparison.Ordinal);
        Assert.Contains("giá trị minh họa", birth, StringComparison.Ordinal);
        Assert.Contains("/Portal/Submit?procedure=1.001193", birth, StringComparison.Ordinal);

        // State compensation is not offered online in the demo data.
        var compensation = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/Procedures/Details?code=2.002165", TestContext.Current.CancellationToken));
        Assert.DoesNotContain("/Portal/Submit", compensation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/Procedures/Details?code=nope", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_home_page_has_a_search_box_for_procedures()
    {
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("action=\"/Procedures\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_is_for_administrators_and_reports_errors_in_Vietnamese()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var redirect = await anonymous.GetAsync("/Procedures/Admin/Edit?code=1.001193", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);

        var leader = await app.ClientFor("lanhdao");
        var denied = await leader.GetAsync("/Procedures/Admin/Edit?code=1.001193", TestContext.Current.CancellationToken);
        var deniedHtml = await denied.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || denied.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/Account", StringComparison.Ordinal));
        Assert.DoesNotContain("Input.Name", deniedHtml, StringComparison.Ordinal);

        var admin = await app.ClientFor("admin");
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync("/Procedures/Admin/Edit?code=2.000908", TestContext.Current.CancellationToken));
        Assert.Contains("Thủ tục cấp bản sao từ sổ gốc", form, StringComparison.Ordinal);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var post = await admin.PostAsync("/Procedures/Admin/Edit?code=2.000908", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = "2.000908",
            ["Input.Name"] = "",
            ["Input.ProcessingDays"] = "hai",
            ["Input.Fees[0].Kind"] = "Fixed",
            ["Input.Fees[0].Amount"] = "",
        }), TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("error-summary", html, StringComparison.Ordinal);
        Assert.Contains("Giá trị không hợp lệ.", html, StringComparison.Ordinal);

        var post2 = await admin.PostAsync("/Procedures/Admin/Edit?code=2.000908", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = "2.000908",
            ["Input.Name"] = "",
            ["Input.ProcessingDays"] = "1",
            ["Input.Fees[0].Kind"] = "Fixed",
            ["Input.Fees[0].Amount"] = "",
        }), TestContext.Current.CancellationToken);
        var html2 = WebUtility.HtmlDecode(await post2.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Tên thủ tục là bắt buộc", html2, StringComparison.Ordinal);
        Assert.Contains("Nhập mức thu (đồng).", html2, StringComparison.Ordinal);
        Assert.Contains("class=\"field-error\"", html2, StringComparison.Ordinal);

        var ok = await admin.PostAsync("/Procedures/Admin/Edit?code=2.000908", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Code"] = "2.000908",
            ["Input.Name"] = "Thủ tục cấp bản sao từ sổ gốc",
            ["Input.Field"] = "Chứng thực",
            ["Input.ProcessingDays"] = "2",
            ["Input.Fees[0].Kind"] = "Fixed",
            ["Input.Fees[0].Amount"] = "0",
            ["Input.Documents[0].Name"] = "Giấy tờ tùy thân",
            ["Input.Documents[0].Kind"] = "Original",
            ["Input.Documents[0].Count"] = "1",
        }), TestContext.Current.CancellationToken);
        var details = WebUtility.HtmlDecode(await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Phiên bản 2", details, StringComparison.Ordinal);
        Assert.Contains("Giấy tờ tùy thân", details, StringComparison.Ordinal);
    }
}
