using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Testing;

namespace MotCua.BrowserTests;

/// <summary>
/// The app on a real Kestrel port and Debian's Chromium driven by Playwright (no browser download). One Playwright driver
/// and one Chromium serve every fixture of the run (starting them cost each test class seconds of CPU); each test still gets
/// browser contexts of its own (cookies, storage and cache are per context), and a fixture closes those it made.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> s_shared = new(LaunchAsync);
    private readonly ConcurrentBag<IBrowserContext> _contexts = [];

    public AppFactory App { get; } = new() { Captured = new CapturedMessages() };
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Sets the app up (its clock, its settings) before it starts.</summary>
    protected virtual void Configure(AppFactory app)
    {
    }

    public async ValueTask InitializeAsync()
    {
        // Static files as production serves them: the build's compressed copies, not Development's uncompressed re-encoding
        // of files it thinks changed (the every-page test weighs a first visit).
        App.Settings["ReloadStaticAssetsAtRuntime"] = "false";
        Configure(App);
        App.UseKestrel(0);
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        Browser = (await s_shared.Value).Browser;
    }

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            // Chromium and the driver would also end with the test process's pipes; closing them is tidier.
            _ = browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
            playwright.Dispose();
        };
        return (playwright, browser);
    }

    /// <summary>A fresh browser context with a phone-sized or desktop viewport, Vietnamese locale.</summary>
    public Task<IPage> NewPageAsync(bool phone = false) =>
        NewPageAsync(phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 });

    public async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN", ViewportSize = viewport });
        _contexts.Add(context);
        // Playwright's 30 s default was exceeded by a form post while the 2 cores ran at load 30 (CI of 26/11/2026).
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot for the README when MOTCUA_SCREENSHOTS names a folder.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("MOTCUA_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The shared browser outlives this fixture: only this fixture's contexts are closed (closing one twice is harmless).
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already gone with a failed test's page: nothing left to free.
            }
        }

        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
