using System.Globalization;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// How a v1 operation is retired (docs/api.md): it keeps working until its sunset, every answer says so in the
/// <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594) and <c>Link: rel="deprecation"</c> headers, and the contract
/// marks it <c>deprecated</c>, so that generated clients warn their users.
/// </summary>
public static class ApiDeprecation
{
    public sealed record Notice(DateTimeOffset Since, DateTimeOffset Sunset, string Link);

    public static TBuilder Deprecated<TBuilder>(this TBuilder endpoint, DateTimeOffset since, DateTimeOffset sunset, string link)
        where TBuilder : IEndpointConventionBuilder
    {
        var notice = new Notice(since, sunset, link);
        endpoint.WithMetadata(notice);
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Deprecated = true;
            operation.Description = $"{operation.Description} Deprecated since {since:yyyy-MM-dd}; removed after {sunset:yyyy-MM-dd} (see {link}).".Trim();
            return Task.CompletedTask;
        });
        return endpoint;
    }

    /// <summary>Adds the headers to every answer of a deprecated operation, errors included.</summary>
    public static WebApplication UseApiDeprecation(this WebApplication app)
    {
        app.Use((ctx, next) =>
        {
            if (ctx.GetEndpoint()?.Metadata.GetMetadata<Notice>() is { } notice)
            {
                ctx.Response.OnStarting(() =>
                {
                    ctx.Response.Headers["Deprecation"] = "@" + notice.Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    ctx.Response.Headers["Sunset"] = notice.Sunset.ToString("R", CultureInfo.InvariantCulture);
                    ctx.Response.Headers.Append("Link", $"<{notice.Link}>; rel=\"deprecation\"; type=\"text/html\"");
                    return Task.CompletedTask;
                });
            }

            return next(ctx);
        });
        return app;
    }
}
