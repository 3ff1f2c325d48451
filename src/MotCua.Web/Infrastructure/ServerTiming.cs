using System.Diagnostics;
using System.Globalization;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// Adds <c>Server-Timing: app;dur=…</c> (milliseconds from the request's arrival in the pipeline to the response's headers)
/// so that a page-timing run reports what the server spent apart from the network and the client (issue 25.3).
/// For a buffered page or JSON answer the headers go out after the body is rendered; a streamed file's time excludes the stream.
/// </summary>
public static class ServerTiming
{
    public const string Header = "Server-Timing";

    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app) => app.Use(static (context, next) =>
    {
        var start = Stopwatch.GetTimestamp();
        context.Response.OnStarting(static state =>
        {
            var (response, started) = ((HttpResponse, long))state;
            response.Headers[Header] = "app;dur=" + Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }, (context.Response, start));
        return next(context);
    });
}
