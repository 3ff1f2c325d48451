using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>
/// The page doors: every Razor Pages POST handler, posted by every principal from its own cookie session with a valid
/// antiforgery token and a valid form, so that authorization and the handler decide, not the token check.
/// </summary>
public sealed class PagePostMatrixTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>"POST /Folder/Page" or "POST /Folder/Page?handler=Name" for every POST handler of every compiled page.</summary>
    public static async Task<SortedSet<string>> DiscoverAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                keys.Add($"POST {page.ViewEnginePath}" + (handler.Name is { Length: > 0 } name ? "?handler=" + name : ""));
            }
        }

        return keys;
    }

    [Fact]
    public async Task Every_page_post_handler_is_classified()
    {
        _ = app.Services;
        var mapped = await DiscoverAsync(app.Services);
        var classified = PagePosts.Table.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var unclassified = mapped.Where(k => !classified.Contains(k)).ToList();
        var stale = classified.Where(k => !mapped.Contains(k)).ToList();

        Assert.True(unclassified.Count == 0, "Add these to tests/MotCua.IntegrationTests/Features/Security/PagePosts.cs:\n" + string.Join("\n", unclassified));
        Assert.True(stale.Count == 0, "Rows for page handlers that no longer exist:\n" + string.Join("\n", stale));
        Assert.Equal(PagePosts.Table.Length, classified.Count);
        Assert.All(PagePosts.Table, r => Assert.Matches("^[YNR]{8}$", r.Expect));
        Assert.True(mapped.Count >= 40, $"only {mapped.Count} page handlers found: the discovery is broken");
    }

    [Fact]
    public async Task Each_principal_posting_a_valid_form_with_a_valid_token_gets_exactly_what_the_table_says()
    {
        var values = await ValuesAsync();
        var sessions = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        var tried = 0;
        var n = 0;
        foreach (var row in PagePosts.Table)
        {
            for (var i = 0; i < Principals.All.Length; i++)
            {
                var principal = Principals.All[i];
                var expected = row.Expect[i];
                var c = new PagePosts.Case(app, values, principal, ++n);
                tried++;
                var result = await PostAsync(row, c, row.FreshClient ? await SessionAsync(principal) : sessions.TryGetValue(principal, out var s) ? s : sessions[principal] = await SessionAsync(principal));
                if (result.Actual != expected)
                {
                    failures.Add($"{row.Key} as {principal}: expected {expected}, got {result.Actual} — {result.Detail}");
                }
                else if (expected != 'Y' && result.Stored)
                {
                    failures.Add($"{row.Key} as {principal}: refused ({result.Detail}) but a stored row changed");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{tried} page posts with valid tokens over {PagePosts.Table.Length} handlers: {failures.Count} disagreements");
        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} page posts disagree with PagePosts.cs:\n" + string.Join("\n", failures));
    }

    public sealed record Result(char Actual, bool Stored, string Detail);

    /// <summary>Prepares the case, reads a token from the page (or, when the principal may not open it, from a public form), posts, classifies.</summary>
    internal async Task<Result> PostAsync(PagePosts.Row row, PagePosts.Case c, HttpClient client)
    {
        PagePosts.Post post;
        try
        {
            post = await row.Prepare(c);
        }
        catch (Exception e)
        {
            return new('!', false, "could not prepare the case: " + e.Message);
        }

        var page = System.Text.RegularExpressions.Regex.Replace(post.Url, @"[?&]handler=[^&]*", "");
        var token = await TokenAsync(client, page) ?? await TokenAsync(client, "/Feedback/Send");
        if (token is null)
        {
            return new('!', false, "no antiforgery token for this session");
        }

        var before = await app.DigestAsync();
        HttpContent content;
        if (post.Files is { Count: > 0 } files)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (k, v) in post.Fields.Append(new("__RequestVerificationToken", token)))
            {
                multipart.Add(new StringContent(v), k);
            }

            foreach (var (field, name, bytes) in files)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new("application/pdf");
                multipart.Add(file, field, name);
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(post.Fields.Append(new("__RequestVerificationToken", token)));
        }

        using var response = await client.PostAsync(post.Url, content, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var stored = await app.DigestAsync() != before;
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var detail = $"POST {post.Url} → {status} {location} {Shorten(body)}";
        if (Environment.GetEnvironmentVariable("MOTCUA_DUMP_PAGES") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            await File.WriteAllTextAsync(Path.Combine(dump, $"{c.N:D4}-{c.Principal}.html"), $"<!-- {row.Key} {detail} -->\n" + body, Ct);
        }
        char actual;
        if (status >= 500)
        {
            actual = '5';
        }
        else if (status == 400)
        {
            actual = '4';
        }
        else if (status is 401 or 403 or 404 || (status is >= 300 and < 400 && SignInOrDenied(location)))
        {
            actual = 'N';
        }
        else if (status >= 400)
        {
            actual = 'R';
        }
        else
        {
            var why = row.Kind == PagePosts.Effect.Stores && !stored ? "nothing stored" : null;
            why ??= row.Check is { } check ? await check(c, response, body, client) : null;
            actual = why is null ? 'Y' : 'R';
            detail = why is null ? detail : why + " — " + detail + ErrorText(body);
        }

        return new(actual, stored, detail);
    }

    /// <summary>The demo rows the forms point at, plus the first document of the certification procedure.</summary>
    internal async Task<Dictionary<string, string>> ValuesAsync()
    {
        var values = await EndpointCatalog.SampleValuesAsync(app);
        values["firstDocument"] = JsonDocument.Parse(values["documents"]).RootElement[0].GetProperty("name").GetString()!;
        return values;
    }

    /// <summary>A browser session: cookies kept, redirects not followed, signed in through the sign-in page unless anonymous.</summary>
    internal async Task<HttpClient> SessionAsync(string principal)
    {
        return Principals.Account(principal) is { } userName
            ? await PageClient.SignedInAsync(app, userName)
            : app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    private static async Task<string?> TokenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        return response.StatusCode == HttpStatusCode.OK ? HtmlForms.Token(await response.Content.ReadAsStringAsync(Ct)) : null;
    }

    private static bool SignInOrDenied(string location) =>
        location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || location.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page's own error and notice texts, to say why a post did not succeed.</summary>
    private static string ErrorText(string html)
    {
        var errors = System.Text.RegularExpressions.Regex.Matches(html, @"class=""[^""]*(error|alert|notice|field-validation)[^""]*""[^>]*>([^<]{3,200})<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[2].Value.Trim())).Where(t => t.Length > 0).Distinct().Take(3);
        var text = string.Join(" | ", errors);
        return text.Length == 0 ? "" : " [" + text + "]";
    }

    private static string Shorten(string body) => body.Length > 120 ? body[..120].ReplaceLineEndings(" ") : body.ReplaceLineEndings(" ");
}
