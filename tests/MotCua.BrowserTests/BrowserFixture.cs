using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MotCua.Testing;

namespace MotCua.BrowserTests;

/// <summary>The app on a real Kestrel port and Debian's Chromium driven by Playwright (no browser download).</summary>
public class BrowserFixture : IAsyncLifetime
{
    public AppFactory App { get; } = new() { Captured = new CapturedMessages() };
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;

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
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context with a phone-sized or desktop viewport, Vietnamese locale.</summary>
    public Task<IPage> NewPageAsync(bool phone = false) =>
        NewPageAsync(phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 });

    public async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "vi-VN", ViewportSize = viewport });
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
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
