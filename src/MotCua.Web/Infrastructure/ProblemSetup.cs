using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace MotCua.Web.Infrastructure;

public static class ProblemSetup
{
    public static IHostApplicationBuilder AddProblems(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var t = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
            ctx.ProblemDetails.Title = ctx.ProblemDetails.Status switch
            {
                400 => t["Yêu cầu không hợp lệ"],
                401 => t["Cần đăng nhập"],
                403 => t["Không có quyền"],
                404 => t["Không tìm thấy"],
                405 => t["Phương thức không được hỗ trợ"],
                409 => t["Xung đột dữ liệu"],
                413 => t["Nội dung quá lớn"],
                415 => t["Định dạng nội dung không được hỗ trợ"],
                423 => t["Tài khoản bị khóa"],
                _ when ctx.ProblemDetails.Status >= 500 => t["Lỗi hệ thống"],
                _ => ctx.ProblemDetails.Title,
            };
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) throw so that the handler can explain them in the user's language.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }
}

/// <summary>Turns exceptions into RFC 9457 problem details: user mistakes are 4xx with a clear message, never a 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> t, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception ex, CancellationToken ct)
    {
        var (status, detail) = ex switch
        {
            BadHttpRequestException { InnerException: StringTooLongException tooLong } =>
                (400, t["Giá trị tại {0} dài quá {1} ký tự.", tooLong.Path ?? "$", tooLong.Max].Value),
            ValueTooLongException tooLong => (400, t["Trường {0} dài quá {1} ký tự.", tooLong.Field, tooLong.Max].Value),
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.StringDataRightTruncation } } =>
                (400, t["Một giá trị dài quá mức cho phép."].Value),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, json.LineNumber is { } line
                    ? t["Nội dung JSON không hợp lệ tại {0} (dòng {1}, vị trí {2}).", json.Path ?? "$", line + 1, (json.BytePositionInLine ?? 0) + 1].Value
                    : t["Nội dung JSON không hợp lệ."].Value),
            BadHttpRequestException { StatusCode: 413 } => (413, t["Nội dung gửi lên vượt quá giới hạn cho phép."].Value),
            BadHttpRequestException { StatusCode: 415 } => (415, t["Cần gửi nội dung dạng application/json."].Value),
            BadHttpRequestException bad => (bad.StatusCode, t["Yêu cầu không hợp lệ: {0}", BindingMessage(bad)].Value),
            DbUpdateConcurrencyException => (409, t["Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thử lại."].Value),
            OperationCanceledException when ctx.RequestAborted.IsCancellationRequested => (499, ""),
            _ => (500, t["Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã lỗi."].Value),
        };
        if (status >= 500)
        {
            log.LogError(ex, "Unhandled exception on {Method} {Path}", ctx.Request.Method, ctx.Request.Path);
        }

        ctx.Response.StatusCode = status;
        if (status == 499)
        {
            return true;
        }

        if (ErrorPages.WantsHtml(ctx))
        {
            await ErrorPages.WriteAsync(ctx, status, detail);
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            Exception = ex,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }

    // The framework's own message names the parameter and the value that could not be read; it carries no personal data.
    private static string BindingMessage(BadHttpRequestException ex) => ex.Message;
}

/// <summary>Bodiless error statuses (404, 403, 405 …): an HTML page for a browser's page request, problem details otherwise.</summary>
public static class StatusPages
{
    public static async Task WriteAsync(Microsoft.AspNetCore.Diagnostics.StatusCodeContext context)
    {
        var ctx = context.HttpContext;
        if (ErrorPages.WantsHtml(ctx))
        {
            await ErrorPages.WriteAsync(ctx, ctx.Response.StatusCode);
            return;
        }

        var problems = ctx.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = { Status = ctx.Response.StatusCode } }))
        {
            ctx.Response.ContentType = "text/plain; charset=utf-8";
            await ctx.Response.WriteAsync($"Status Code: {ctx.Response.StatusCode}", ctx.RequestAborted);
        }
    }
}
