using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MotCua.Web.Features.NationalPortal;

/// <summary>
/// Serves a <see cref="FakeDvcqgPortal"/> over HTTP: <c>POST /</c> takes the service bodies, <c>GET /</c> lists what it holds
/// (owners masked). The <c>fake-dvcqg</c> command and the integration tests start it the same way.
/// </summary>
public static class FakeDvcqgHost
{
    public const string Usage = "fake-dvcqg [--urls http://127.0.0.1:5091] [--token T] [--fail-every N]  a stand-in national portal that validates the sync bodies and answers like the real one";

    public static async Task<(WebApplication App, Uri Address)> StartAsync(FakeDvcqgPortal portal, string url, bool console = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (console)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FakeDvcqg");
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var (status, reply) = portal.Handle(body, http.Request.Headers.Authorization.ToString());
            // The service and the answer only: the bodies carry personal data.
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("{Service} → {Status} {ErrorCode} {Message}", portal.Requests[^1].Service, status, reply.ErrorCode, reply.Message);
            }

            http.Response.StatusCode = status;
            await http.Response.WriteAsJsonAsync(reply, Dvcqg.Json, http.RequestAborted);
        });
        app.MapGet("/", () => Microsoft.AspNetCore.Http.Results.Json(portal.Codes.Select(portal.Summary).ToArray(), Dvcqg.Json));
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>The <c>fake-dvcqg</c> command: runs until stopped (Ctrl+C).</summary>
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsProduction())
        {
            Console.Error.WriteLine("fake-dvcqg is refused in the Production environment: it is a stand-in for development and tests.");
            return 1;
        }

        var o = AdminCommands.Options(args);
        var url = o.GetValueOrDefault("urls") ?? "http://127.0.0.1:5091";
        var portal = new FakeDvcqgPortal
        {
            AccessToken = o.GetValueOrDefault("token"),
            FailEveryNth = int.TryParse(o.GetValueOrDefault("fail-every"), out var n) ? n : 0,
        };
        var (fake, address) = await StartAsync(portal, url, console: true);
        Console.WriteLine($"Fake national portal (DVCQG) on {address}; run the app with Integrations__Dvcqg__BaseUrl={address}"
            + (portal.AccessToken is null ? "" : " and Integrations__Dvcqg__AccessToken=<the token>") + ". GET / lists what it holds.");
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C.
        }

        await fake.StopAsync(CancellationToken.None);
        await fake.DisposeAsync();
        return 0;
    }
}
