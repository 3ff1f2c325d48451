using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.Testing;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Issue 21: the design system's stacked tables, form fields and the compressed first visit (docs/design.md).</summary>
public sealed partial class DesignComponentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_stacked_tables_body_cells_take_their_column_headers_as_labels()
    {
        var html = """
            <caption>x</caption>
            <thead><tr><th colspan="2">Nhóm</th><th>Ghi chú</th></tr><tr><th scope="col">Mã <span class="muted">(số)</span></th><th>Hạn &amp; giờ</th><th></th></tr></thead>
            <tbody><tr><th scope="row">A</th><td>09/12/2026</td><td><button>Xóa</button></td></tr>
            <tr><td colspan="2">gộp</td><td data-label="Riêng">r</td></tr>
            <tr><td>1</td><td><table><thead><tr><th>Trong</th></tr></thead><tbody><tr><td>lồng</td></tr></tbody></table></td><td>z</td></tr></tbody>
            """;

        var labelled = StackTable.Label(html);

        // The last header row names the columns; a row header (th) is the card's title and an empty header names nothing.
        Assert.Contains("<th scope=\"row\">A</th><td data-label=\"Hạn &amp; giờ\">09/12/2026</td><td><button>", labelled, StringComparison.Ordinal);
        // A colspan covers its columns; a cell's own label is kept.
        Assert.Contains("<td data-label=\"Mã (số)\" colspan=\"2\">gộp</td><td data-label=\"Riêng\">r</td>", labelled, StringComparison.Ordinal);
        // A nested table's cells are its own business; the outer row goes on after it.
        Assert.Contains("<td>lồng</td>", labelled, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Mã (số)\">1</td><td data-label=\"Hạn &amp; giờ\"><table>", labelled, StringComparison.Ordinal);
        Assert.EndsWith("<td>z</td></tr></tbody>", labelled.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal("<tr><td>no head</td></tr>", StackTable.Label("<tr><td>no head</td></tr>"));
    }

    [Fact]
    public async Task Every_data_table_of_a_page_collapses_to_labelled_cards()
    {
        using var app = new AppFactory();
        var client = await PageClient.SignedInAsync(app, "admin");

        foreach (var url in new[] { "/Procedures/Details?code=2.000815", "/Indicators", "/Calendar", "/Staff/Users", "/ReformPlan/Overview" })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync(url, Ct));
            var tables = Table().Matches(html).Select(m => m.Value).ToList();
            Assert.NotEmpty(tables);
            foreach (var table in tables)
            {
                Assert.Contains("stack", TableClass().Match(table).Groups[1].Value, StringComparison.Ordinal);
                var cells = Cell().Matches(table).Select(m => m.Groups[1].Value).ToList();
                // Only cells under an empty header (an action column) go without a label.
                Assert.True(cells.Count(c => !c.Contains("data-label=", StringComparison.Ordinal)) <= cells.Count / 3, $"{url}: {table[..Math.Min(300, table.Length)]}");
            }
        }

        var indicators = WebUtility.HtmlDecode(await client.GetStringAsync("/Indicators", Ct));
        Assert.Contains("<td data-label=\"Kết quả\">", indicators, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_with_an_error_shows_it_inline_and_tells_its_box()
    {
        using var app = new AppFactory();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await PageClient.TokenAsync(client, "/Portal/SignUp");

        var response = await client.PostAsync("/Portal/SignUp", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AccountType"] = "citizen",
            ["FullName"] = "Nguyễn Văn Thử",
            ["IdNumber"] = "123",
            ["Phone"] = "0912345678",
            ["Channel"] = "sms",
            ["Password"] = "MotCua@Demo2025x",
            ["__RequestVerificationToken"] = token,
        }), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#idNumber\">", html, StringComparison.Ordinal);
        Assert.Matches(IdBox(), html);
        Assert.Contains("<p class=\"field-error\" id=\"idNumber-error\">", html, StringComparison.Ordinal);
        // A field without an error says nothing extra.
        Assert.DoesNotContain("id=\"phone-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"field\"><label for=\"phone\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_json_go_out_compressed_and_static_files_precompressed()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var page = await client.GetAsync("/Procedures", Ct);
        var json = await client.GetAsync("/api/v1/procedures?pageSize=5", Ct);
        var css = await client.GetAsync("/css/site.css", Ct);
        using var gzipOnly = app.CreateClient();
        gzipOnly.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var gzipPage = await gzipOnly.GetAsync("/Procedures", Ct);

        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.Equal(["br"], json.Content.Headers.ContentEncoding);
        Assert.Equal(["gzip"], gzipPage.Content.Headers.ContentEncoding);
        Assert.Contains(css.Content.Headers.ContentEncoding.Single(), new[] { "br", "gzip" });
        // Brotli takes a page of Vietnamese text to well under a third of its size.
        using var plain = app.CreateClient();
        var uncompressed = await plain.GetByteArrayAsync("/Procedures", Ct);
        var compressed = await page.Content.ReadAsByteArrayAsync(Ct);
        Assert.True(compressed.Length * 3 < uncompressed.Length, $"{compressed.Length} of {uncompressed.Length} bytes");
    }

    [Fact]
    public async Task The_apology_takes_its_new_date_as_dd_MM_yyyy_whatever_the_browsers_language()
    {
        using var app = new AppFactory();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7)));
        var api = await app.ClientFor("motcua.bacai");
        var code = (await Features.Dossiers.DossierApi.ReceivedAsync(api, "56.BACAI")).GetProperty("code").GetString()!;
        var desk = await PageClient.SignedInAsync(app, "motcua.bacai");
        desk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var html = await desk.GetStringAsync($"/Dossiers/Details?code={code}", Ct);
        var box = NewDateBox().Match(html);
        Assert.True(box.Success, "no apology date box");
        Assert.Contains("type=\"text\"", box.Value, StringComparison.Ordinal);
        Assert.Contains("data-datepicker", box.Value, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"dd/mm/yyyy\"", box.Value, StringComparison.Ordinal);
        var form = ApologyForm().Match(html).Value;

        var posted = await desk.PostAsync($"/Dossiers/Details?code={code}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["ActionName"] = "apologize",
            ["Version"] = FormVersion().Match(form).Groups[1].Value,
            ["NewDueDate"] = "21/12/2026",
            ["Note"] = "Chờ xác minh thêm",
            ["__RequestVerificationToken"] = FormToken().Match(form).Groups[1].Value,
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var dossier = await api.GetStringAsync($"/api/v1/dossiers/{code}", Ct);
        Assert.Contains("\"appointmentDate\":\"2026-12-21\"", dossier, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<input[^>]*id=""new-date""[^>]*>")]
    private static partial Regex NewDateBox();

    [GeneratedRegex(@"<form[^>]*data-testid=""action-apologize"".*?</form>", RegexOptions.Singleline)]
    private static partial Regex ApologyForm();

    [GeneratedRegex(@"name=""Version"" value=""(\d+)""")]
    private static partial Regex FormVersion();

    [GeneratedRegex(@"name=""__RequestVerificationToken"" type=""hidden"" value=""([^""]+)""")]
    private static partial Regex FormToken();

    [GeneratedRegex(@"<table\b.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex(@"<table[^>]*class=""([^""]*)""")]
    private static partial Regex TableClass();

    [GeneratedRegex(@"<td\b([^>]*)>")]
    private static partial Regex Cell();

    [GeneratedRegex(@"<input id=""idNumber""[^>]*aria-describedby=""idNumber-error""[^>]*aria-invalid=""true""")]
    private static partial Regex IdBox();
}
