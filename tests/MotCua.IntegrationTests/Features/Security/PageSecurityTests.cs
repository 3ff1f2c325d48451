using System.Net;
using System.Text.RegularExpressions;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Antiforgery on every form, security headers on every answer, and pages that a CSP without inline script allows.</summary>
public sealed partial class PageSecurityTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Fact]
    public async Task Every_post_form_carries_a_token_and_a_post_without_it_is_refused_and_stores_nothing()
    {
        var values = await EndpointCatalog.SampleValuesAsync(app);
        var before = await app.DigestAsync();
        var forms = 0;
        var failures = new List<string>();
        foreach (var (row, principal) in AllowedPageViews())
        {
            var client = await app.As(principal);
            var url = EndpointCatalog.Fill(row.Url, values);
            if (await HtmlAsync(client, url) is not { } html)
            {
                continue;
            }

            foreach (Match form in FormRegex().Matches(html))
            {
                var tag = form.Groups["tag"].Value;
                if (!MethodPost().IsMatch(tag))
                {
                    continue;
                }

                forms++;
                if (!form.Value.Contains("name=\"__RequestVerificationToken\"", StringComparison.Ordinal))
                {
                    failures.Add($"{row.Key} as {principal}: a post form without an antiforgery token: {tag}");
                }

                var action = ActionAttr().Match(tag) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups[1].Value) : url;
                var fields = InputRegex().Matches(form.Value)
                    .Select(m => (Name: WebUtility.HtmlDecode(m.Groups["name"].Value), Value: WebUtility.HtmlDecode(ValueAttr().Match(m.Value).Groups[1].Value)))
                    .Where(f => f.Name != "__RequestVerificationToken")
                    .Select(f => new KeyValuePair<string, string>(f.Name, f.Value));
                using var response = await client.PostAsync(action, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
                if (response.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"{row.Key} as {principal}: POST {action} without a token answered {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(forms >= 15, $"only {forms} post forms were found: the page list or the sample values are wrong");
        Assert.Equal(before, await app.DigestAsync());
    }

    [Fact]
    public async Task Pages_have_no_inline_script_style_or_event_handler_so_the_csp_holds()
    {
        var values = await EndpointCatalog.SampleValuesAsync(app);
        var failures = new List<string>();
        foreach (var (row, principal) in AllowedPageViews())
        {
            var client = await app.As(principal);
            if (await HtmlAsync(client, EndpointCatalog.Fill(row.Url, values)) is not { } html)
            {
                continue;
            }

            foreach (Match m in InlineCode().Matches(html))
            {
                failures.Add($"{row.Key} as {principal}: {m.Value}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/api/v1/procedures/2.000815")]
    [InlineData("/api/v1/dossiers/khong-co")]
    [InlineData("/khong-co-trang-nay")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        var client = await app.As(Principals.Admin);
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
    }

    /// <summary>The page's HTML, or null when it answers with a redirect (sign-out, language switch).</summary>
    private static async Task<string?> HtmlAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : null;
    }

    private static IEnumerable<(EndpointAccess.Row Row, string Principal)> AllowedPageViews() =>
        from row in EndpointAccess.Table
        where row.Key.StartsWith("PAGE ", StringComparison.Ordinal)
        from i in Enumerable.Range(0, Principals.All.Length)
        where row.Expect[i] == 'Y'
        select (row, Principals.All[i]);

    [GeneratedRegex("""<form(?<tag>\b[^>]*)>.*?</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormRegex();

    [GeneratedRegex(@"method\s*=\s*""post""", RegexOptions.IgnoreCase)]
    private static partial Regex MethodPost();

    [GeneratedRegex(@"\baction\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ActionAttr();

    [GeneratedRegex("""<(input|select|textarea)\b[^>]*\bname\s*=\s*"(?<name>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex InputRegex();

    [GeneratedRegex(@"\bvalue\s*=\s*""([^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttr();

    /// <summary>What a CSP without 'unsafe-inline' blocks: script bodies, style elements and attributes, on* handlers, javascript: URLs.</summary>
    [GeneratedRegex("""<script\b(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle\s*=|\son[a-z]+\s*=\s*["']|javascript:""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
