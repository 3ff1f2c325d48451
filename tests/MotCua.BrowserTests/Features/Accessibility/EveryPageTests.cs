using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using MotCua.BrowserTests.Pages;

namespace MotCua.BrowserTests.Features.Accessibility;

/// <summary>
/// Issue 21.6: for each role, every page its menu reaches (read from the layout's links, so a new menu item is covered
/// without touching this test) is checked at 360 px and 1366 px: axe-core finds no serious or critical WCAG 2.2 AA
/// violation, the page does not scroll sideways, and its first visit with an empty cache transfers under 150 kB.
/// </summary>
[Collection(TodayTests.Name)]
public sealed class EveryPageTests(TodayBrowserFixture browser)
{
    /// <summary>150 kB (decimal kilobytes): the document with every stylesheet, script, image and font it loads.</summary>
    public const long TransferBudgetBytes = 150_000;

    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    // Links the menu or footer carries that are not MotCua screens; every skip is written to the test's output.
    private static readonly Dictionary<string, string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        ["/language"] = "switches the language and returns to the page it came from (GET with a returnUrl, sets a cookie)",
        ["/api-docs"] = "Scalar's API reference for developers, a third-party page served as is",
    };

    private static readonly Dictionary<string, string?> Accounts = new()
    {
        ["anonymous"] = null,
        ["citizen"] = "congdan",
        ["desk officer"] = "motcua.bacai",
        ["specialist"] = "chuyenvien.bacai",
        ["leader"] = "lanhdao.bacai",
        ["reform officer"] = "noivu",
        ["administrator"] = "admin",
    };

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"{path} is missing: the test project's build copies it from node_modules/axe-core after `npm ci` in tests/MotCua.BrowserTests (package-lock.json pins it).");
    });

    public static TheoryData<string, int> RolesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var role in Accounts.Keys)
        {
            data.Add(role, 360);
            data.Add(role, 1366);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndWidths))]
    public async Task Every_page_in_the_menu_passes_axe_fits_the_width_and_weighs_under_150_kB(string role, int width)
    {
        await browser.DossiersAsync();
        var account = Accounts[role];
        var who = account is null ? role : $"{role} {account}";
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 740 : 768 },
        });
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        try
        {
            var first = await context.NewPageAsync();
            if (account is null)
            {
                await first.GotoAsync("/");
            }
            else
            {
                await new LoginPage(first).SignInAsync(account);
            }

            var notes = new ConcurrentBag<string>();
            var (pages, followed) = await CollectPagesAsync(first, anonymous: account is null, notes);
            await first.CloseAsync();

            var problems = new ConcurrentBag<(string Url, string Problem)>();
            var found = new ConcurrentBag<(int Order, string[] Links)>();
            await CheckAllAsync(context, pages, problems, notes, found, followed);

            // One step further: the first link to each page (by path) the menu's pages lead to, e.g. a dossier, a procedure,
            // the citizen's submit form.
            var site = new Uri(browser.BaseUrl);
            var seen = pages.Select(p => new Uri(site, p).AbsolutePath).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var further = new List<string>();
            foreach (var href in found.OrderBy(f => f.Order).SelectMany(f => f.Links))
            {
                if (Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Authority == site.Authority && !IsSkipped(uri, notes) && seen.Add(uri.AbsolutePath))
                {
                    further.Add(uri.PathAndQuery);
                }
            }

            await CheckAllAsync(context, further, problems, notes, found, followed: []);

            var output = TestContext.Current.TestOutputHelper;
            output?.WriteLine($"[{who} @{width}px] {pages.Count} page(s) from the menu: {string.Join(", ", pages)}");
            output?.WriteLine($"[{who} @{width}px] {further.Count} page(s) one link further: {string.Join(", ", further)}");
            foreach (var note in notes.Distinct().Order(StringComparer.Ordinal))
            {
                output?.WriteLine($"[{who} @{width}px] {note}");
            }

            if (!problems.IsEmpty)
            {
                var message = new StringBuilder($"{problems.Count} problem(s) for the {who} at {width} px:");
                foreach (var (url, problem) in problems.OrderBy(p => p.Url, StringComparer.Ordinal).ThenBy(p => p.Problem, StringComparer.Ordinal))
                {
                    message.Append("\n- ").Append(url).Append(" @").Append(width).Append("px: ").Append(problem);
                }

                Assert.Fail(message.ToString());
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_checks_catch_a_page_that_breaks_each_rule()
    {
        // A page served in place of a real one: an image without text, grey on white, a 2,000 px banner and 60 copies of
        // the real stylesheet (each a real transfer of its own through the query string).
        var styles = string.Concat(Enumerable.Range(1, 60).Select(i => $"<link rel=stylesheet href=\"/css/site.css?copy={i}\">"));
        var html = $"""
            <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kiểm tra</title>{styles}</head>
            <body><main id="main"><h1>Kiểm tra</h1><img src="/css/site.css" width="20" height="20">
            <p style="color:#bbb;background:#fff">Chữ mờ</p><div style="width:2000px;height:10px" id="banner"></div></main></body></html>
            """;
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        await context.RouteAsync("**/harness-check", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        var problems = new ConcurrentBag<(string Url, string Problem)>();
        var notes = new ConcurrentBag<string>();

        await CheckPageAsync(context, "/harness-check", problems, notes);
        await context.CloseAsync();

        var found = problems.Select(p => p.Problem).ToList();
        Assert.Contains(found, p => p.StartsWith("axe critical image-alt", StringComparison.Ordinal) && p.Contains("img", StringComparison.Ordinal));
        Assert.Contains(found, p => p.StartsWith("axe serious color-contrast", StringComparison.Ordinal));
        Assert.Contains(found, p => p.StartsWith("scrolls sideways: scrollWidth", StringComparison.Ordinal) && p.Contains("div#banner (2000 px wide", StringComparison.Ordinal));
        Assert.Contains(found, p => p.StartsWith("transfer ", StringComparison.Ordinal) && p.Contains("/css/site.css?copy=", StringComparison.Ordinal));
        Assert.Equal(4, found.Count);
    }

    /// <summary>
    /// The landing page and every same-site link outside its main content (header, menu, footer); for the anonymous
    /// visitor also the home page's own links. Fragments are dropped; the skip list's links are reported, not visited.
    /// The landing page and the menu's pages (the anonymous visitor's: the home page's) are the ones followed one step further.
    /// </summary>
    private async Task<(List<string> Pages, HashSet<string> Followed)> CollectPagesAsync(IPage first, bool anonymous, ConcurrentBag<string> notes)
    {
        var links = await first.EvaluateAsync<JsonElement>("""
            anonymous => [...document.querySelectorAll('a[href]')]
              .filter(a => anonymous || !a.closest('main'))
              .map(a => ({ href: a.href, follow: !!a.closest('nav') || (anonymous && !!a.closest('main')) }))
            """, anonymous);
        var site = new Uri(browser.BaseUrl);
        var pages = new List<string>();
        var followed = new HashSet<string>(StringComparer.Ordinal);
        var all = links.EnumerateArray().Select(l => (Href: l.GetProperty("href").GetString()!, Follow: l.GetProperty("follow").GetBoolean()));
        foreach (var (href, follow) in all.Prepend((first.Url, true)))
        {
            if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || uri.Authority != site.Authority || IsSkipped(uri, notes))
            {
                continue;
            }

            if (!pages.Contains(uri.PathAndQuery, StringComparer.Ordinal))
            {
                pages.Add(uri.PathAndQuery);
            }

            if (follow)
            {
                followed.Add(uri.PathAndQuery);
            }
        }

        return (pages, followed);
    }

    private static bool IsSkipped(Uri uri, ConcurrentBag<string> notes)
    {
        if (uri.AbsolutePath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return true; // files and data (PDF forms, exports, JSON), not screens
        }

        if (Skipped.TryGetValue(uri.AbsolutePath, out var reason))
        {
            notes.Add($"skipped {uri.AbsolutePath}: {reason}");
            return true;
        }

        return false;
    }

    private async Task CheckAllAsync(IBrowserContext context, List<string> urls, ConcurrentBag<(string, string)> problems, ConcurrentBag<string> notes, ConcurrentBag<(int, string[])> found, HashSet<string> followed)
    {
        // Three tabs at a time: the 2-core machine serves, renders and runs axe; more only queue.
        using var gate = new SemaphoreSlim(3);
        await Task.WhenAll(urls.Select(async (url, order) =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                var links = await CheckPageAsync(context, url, problems, notes);
                if (followed.Contains(url))
                {
                    found.Add((order, links));
                }
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Checks one page and returns the links in its main content.</summary>
    private async Task<string[]> CheckPageAsync(IBrowserContext context, string url, ConcurrentBag<(string, string)> problems, ConcurrentBag<string> notes)
    {
        var page = await context.NewPageAsync();
        try
        {
            // A first visit: nothing from the HTTP cache, so every resource's transfer is counted.
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });

            var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            var status = response?.Status ?? 0;
            if (status >= 400 || status == 0)
            {
                problems.Add((url, $"HTTP {status}"));
                return [];
            }

            var contentType = response is null ? "" : await response.HeaderValueAsync("content-type") ?? "";
            if (!contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add($"skipped {url}: not an HTML page ({contentType})");
                return [];
            }

            var final = new Uri(page.Url);
            if (final.Authority != new Uri(browser.BaseUrl).Authority)
            {
                notes.Add($"skipped {url}: it leaves the site for {final.GetLeftPart(UriPartial.Path)}");
                return [];
            }

            if (final.PathAndQuery != url)
            {
                notes.Add($"{url} went to {final.PathAndQuery}");
            }

            try
            {
                // htmx loads parts after the load event; a page that keeps polling is measured as it stands after 3 s.
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 3_000 });
            }
            catch (TimeoutException)
            {
                notes.Add($"{url}: network not idle after 3 s, measured as it stood");
            }

            await CheckTransferAsync(page, url, problems, notes);
            await CheckSidewaysScrollAsync(page, url, problems);
            await CheckAxeAsync(page, url, problems);
            return await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main a[href]')].map(a => a.href)");
        }
        catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
        {
            notes.Add($"skipped {url}: a download, not a page");
            return [];
        }
        catch (PlaywrightException e)
        {
            problems.Add((url, "the browser failed: " + e.Message.Split('\n')[0]));
            return [];
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static async Task CheckTransferAsync(IPage page, string url, ConcurrentBag<(string, string)> problems, ConcurrentBag<string> notes)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
              .map(e => ({ name: e.name, type: e.initiatorType || 'document', bytes: Math.max(e.transferSize || 0, e.encodedBodySize || 0) }))
            """);
        var resources = json.EnumerateArray()
            .Select(r => new Resource(r.GetProperty("name").GetString()!, r.GetProperty("type").GetString()!, r.GetProperty("bytes").GetInt64()))
            .ToArray();
        var total = resources.Sum(r => r.Bytes);
        notes.Add($"weighs {Kb(total)} on a first visit ({resources.Length} resources, document {Kb(resources.FirstOrDefault(r => r.Type is "document" or "navigation")?.Bytes ?? 0)}): {url}");
        if (total > TransferBudgetBytes)
        {
            var biggest = resources.OrderByDescending(r => r.Bytes).Take(5)
                .Select(r => $"{new Uri(r.Name).PathAndQuery} ({r.Type}) {Kb(r.Bytes)}");
            problems.Add((url, $"transfer {Kb(total)} over the {Kb(TransferBudgetBytes)} budget on a first visit ({resources.Length} resources); biggest: {string.Join("; ", biggest)}"));
        }
    }

    private static async Task CheckSidewaysScrollAsync(IPage page, string url, ConcurrentBag<(string, string)> problems)
    {
        // The elements that stick out on the right while their parent does not: where the overflow starts.
        var overflow = await page.EvaluateAsync<JsonElement>("""
            () => {
              const width = window.innerWidth, scrollWidth = document.documentElement.scrollWidth;
              if (scrollWidth <= width) return null;
              const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + [...el.classList].map(c => '.' + c).join('')
                + (el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : '');
              const sticksOut = el => el.getBoundingClientRect().right > width + 0.5;
              const origins = [...document.body.querySelectorAll('*')]
                .filter(el => sticksOut(el) && !(el.parentElement && el.parentElement !== document.body && sticksOut(el.parentElement)))
                .map(el => ({ el, right: el.getBoundingClientRect().right, w: el.getBoundingClientRect().width }))
                .sort((a, b) => b.right - a.right).slice(0, 3)
                .map(o => `${[o.el.parentElement, o.el].filter(e => e && e !== document.body).map(describe).join(' > ')} (${Math.round(o.w)} px wide, right edge at ${Math.round(o.right)} px)`);
              return { scrollWidth, width, origins };
            }
            """);
        if (overflow.ValueKind == JsonValueKind.Object)
        {
            var origins = string.Join("; ", overflow.GetProperty("origins").EnumerateArray().Select(o => o.GetString()));
            problems.Add((url, $"scrolls sideways: scrollWidth {overflow.GetProperty("scrollWidth").GetInt32()} px > innerWidth {overflow.GetProperty("width").GetInt32()} px; widest: {origins}"));
        }
    }

    private static async Task CheckAxeAsync(IPage page, string url, ConcurrentBag<(string, string)> problems)
    {
        // Evaluated as one expression through the DevTools protocol, which the page's Content-Security-Policy does not govern.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var json = await page.EvaluateAsync<JsonElement>("""
            async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
              .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                           targets: v.nodes.slice(0, 6).map(n => n.target.join(' ')),
                           summary: (v.nodes[0].failureSummary || '').replace(/\s+/g, ' ').slice(0, 220) }))
            """, WcagTags);
        foreach (var v in json.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!, v.GetProperty("count").GetInt32(),
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)], v.GetProperty("summary").GetString()!)))
        {
            var more = v.Count > v.Targets.Length ? $" and {v.Count - v.Targets.Length} more" : "";
            problems.Add((url, $"axe {v.Impact} {v.Id} ({v.Help}) on {v.Count} element(s): {string.Join(" | ", v.Targets)}{more}; first: {v.Summary}"));
        }
    }

    private static string Kb(long bytes) => (bytes / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " kB";

    private sealed record Resource(string Name, string Type, long Bytes);

    private sealed record Violation(string Id, string Impact, string Help, int Count, string[] Targets, string Summary);
}
