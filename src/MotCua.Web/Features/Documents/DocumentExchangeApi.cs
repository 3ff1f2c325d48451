using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Operations;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>What <c>POST /api/v1/documents/edxml</c> answers: the documents registered (or found again), or the status recorded.</summary>
public sealed record EdxmlImportAnswer(string Kind, long[] DocumentIds, string? StatusCode, bool Duplicate);

/// <summary>The edXML exchange (issue 23.5): export, import, send, recall, refuse; the transports and the folder inbox.</summary>
public static class DocumentExchangeApi
{
    public const string InboxJob = "edxml-inbox";

    public static IHostApplicationBuilder AddDocumentExchange(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ExchangeOptions>(builder.Configuration.GetSection(ExchangeOptions.Section));
        builder.Services.AddScoped<ExchangeRecipients>();
        builder.Services.AddScoped<ExportEdxml>();
        builder.Services.AddScoped<ImportEdxml>();
        builder.Services.AddScoped<SendDocument>();
        builder.Services.AddScoped<RecallDocument>();
        builder.Services.AddScoped<Notifications.IExchangeSender, ExchangeSender>();
        builder.Services.AddHttpClient(HttpEdxmlTransport.ClientName, c => c.Timeout = TimeSpan.FromSeconds(100));
        var o = builder.Configuration.GetSection(ExchangeOptions.Section).Get<ExchangeOptions>() ?? new();
        if (o.Transport.Equals(ExchangeOptions.Folder, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<IEdxmlTransport, FolderEdxmlTransport>();
        }
        else if (o.Transport.Equals(ExchangeOptions.Http, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddSingleton<IEdxmlTransport, HttpEdxmlTransport>();
        }
        else
        {
            builder.Services.AddSingleton<IEdxmlTransport, NoEdxmlTransport>();
        }

        builder.Services.AddSingleton<ExchangeInbox>();
        builder.Services.AddScheduledJob(
            new(InboxJob, "Nhận gói tin edXML (thư mục)", TimeSpan.FromSeconds(Math.Max(1, o.InboxIntervalSeconds)),
                o.InboxEnabled && o.Transport.Equals(ExchangeOptions.Folder, StringComparison.OrdinalIgnoreCase)),
            (sp, ct) => sp.GetRequiredService<ExchangeInbox>().RunScheduledPassAsync(ct));
        return builder;
    }

    public static void MapDocumentExchangeApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:long}/edxml", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, string[]? to, ExportEdxml handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(id, to, user, ct) switch
            {
                ExportEdxml.Exported(var bytes, var name) => TypedResults.File(bytes, "application/xml", name),
                ExportEdxml.Invalid(var field, var message) => Invalid(field, message),
                ExportEdxml.NotFound => TypedResults.NotFound(),
                ExportEdxml.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            })
            .Doc("exportDocumentEdxml", "Xuất văn bản đi thành gói tin edXML",
                "An issued outgoing document as a signed QCVN 102:2016 edXML package (XMLDSig RSA-SHA256, attachments in base64); to = recipient unit codes (default: those it was sent to). Documents with a secrecy level are refused (409).")
            .ProducesFile("application/xml")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/edxml", async Task<Results<Created<EdxmlImportAnswer>, Ok<EdxmlImportAnswer>, ValidationProblem, ProblemHttpResult>> (
                HttpRequest request, ImportEdxml handler, IOptions<ExchangeOptions> options, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            {
                var max = options.Value.MaxPackageBytes;
                if (request.ContentType is not { } type || !(type.StartsWith("application/xml", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/xml", StringComparison.OrdinalIgnoreCase)))
                {
                    return TypedResults.Problem(t["Gửi gói tin edXML với Content-Type application/xml."], statusCode: StatusCodes.Status415UnsupportedMediaType);
                }

                if (request.ContentLength > max)
                {
                    return TypedResults.Problem(t["Gói tin quá lớn (tối đa {0} MB).", max / 1024 / 1024], statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                var bytes = await ReadAsync(request.Body, max, ct);
                if (bytes is null)
                {
                    return TypedResults.Problem(t["Gói tin quá lớn (tối đa {0} MB).", max / 1024 / 1024], statusCode: StatusCodes.Status413PayloadTooLarge);
                }

                return await handler.HandleAsync(bytes, user, ct) switch
                {
                    ImportEdxml.Imported(var ids, true) => TypedResults.Ok(new EdxmlImportAnswer("document", ids, null, true)),
                    ImportEdxml.Imported(var ids, false) => TypedResults.Created($"/api/v1/documents/{ids[0]}", new EdxmlImportAnswer("document", ids, null, false)),
                    ImportEdxml.StatusRecorded(var id, var code, var duplicate) => TypedResults.Ok(new EdxmlImportAnswer("status", [id], code, duplicate)),
                    ImportEdxml.Invalid(var field, var message) => Invalid(field, message),
                    var other => throw Unexpected(other),
                };
            })
            .Doc("importDocumentEdxml", "Nhận gói tin edXML (văn bản đến hoặc trạng thái)",
                "Receives a QCVN 102:2016 package (application/xml): a document is registered as incoming in the receiving unit (idempotent on its DocumentId), "
                + "a status package is recorded on the document it answers. The XML signature must verify; DTDs are refused. Machine clients need scope documents:exchange.")
            .Accepts<string>("application/xml")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AllowClients(ClientScope.DocumentsExchange);

        group.MapPost("/{id:long}/send", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, SendRequest body, SendDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(id, body, user, ct) switch
            {
                SendDocument.Sent(var d) => TypedResults.Ok(d),
                SendDocument.Invalid(var field, var message) => Invalid(field, message),
                SendDocument.NotFound => TypedResults.NotFound(),
                SendDocument.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            })
            .Doc("sendDocumentEdxml", "Gửi liên thông văn bản đi",
                "Sends an issued outgoing document as edXML to recipient units (unit codes of the tree or configured peers) through the outbox; statuses come back per recipient.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:long}/recall", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, ReasonRequest body, RecallDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            Acted(await handler.RecallAsync(id, body, user, ct)))
            .Doc("recallDocumentEdxml", "Thu hồi văn bản đã gửi liên thông", "Sends status 13 (thu hồi) to every recipient of a sent document, with the reason.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:long}/refuse", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, ReasonRequest body, RecallDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            Acted(await handler.RefuseAsync(id, body, user, ct)))
            .Doc("refuseDocumentEdxml", "Từ chối tiếp nhận văn bản liên thông", "Sends status 02 (từ chối tiếp nhận) to the sender of a document received over edXML and not yet assigned.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The body up to <paramref name="max"/> bytes, or null when it is longer.</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, long max, CancellationToken ct)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            if (copy.Length + read > max)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound> Acted(RecallDocument.Outcome outcome) => outcome switch
    {
        RecallDocument.Done(var d) => TypedResults.Ok(d),
        RecallDocument.Invalid(var field, var message) => Invalid(field, message),
        RecallDocument.NotFound => TypedResults.NotFound(),
        RecallDocument.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
        var other => throw Unexpected(other),
    };

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static InvalidOperationException Unexpected(object outcome) => new($"Unhandled exchange outcome {outcome.GetType().Name}.");
}

/// <summary>
/// The folder transport's receiving half: imports every <c>*.edxml</c> of <c>Documents:Exchange:Inbox</c> for the units of this
/// instance, then moves it to <c>processed/</c>, or to <c>failed/</c> with the reason beside it.
/// </summary>
public sealed partial class ExchangeInbox(IServiceScopeFactory scopes, IOptions<ExchangeOptions> options, IWebHostEnvironment env, ILogger<ExchangeInbox> log)
{
    public async Task<int> RunScheduledPassAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ScheduledJobs>().RunAsync(DocumentExchangeApi.InboxJob, "inbox", RunOnceAsync, n => n, ct);
    }

    /// <summary>One pass over the inbox; returns how many packages it read.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var folder = Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.Inbox));
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var count = 0;
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.edxml").OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Take(200))
        {
            ct.ThrowIfCancellationRequested();
            string? problem;
            if (file.Length > options.Value.MaxPackageBytes)
            {
                problem = "too large";
            }
            else
            {
                using var scope = scopes.CreateScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<ImportEdxml>().HandleAsync(await File.ReadAllBytesAsync(file.FullName, ct), ImportEdxml.Inbox, ct);
                problem = outcome is ImportEdxml.Invalid(var field, var message) ? $"{field}: {message}" : null;
            }

            var target = Path.Combine(folder, problem is null ? "processed" : "failed");
            Directory.CreateDirectory(target);
            File.Move(file.FullName, Path.Combine(target, file.Name), overwrite: true);
            if (problem is not null)
            {
                await File.WriteAllTextAsync(Path.Combine(target, file.Name + ".txt"), problem, ct);
                LogFailed(file.Name, problem);
            }

            count++;
        }

        return count;
    }

    [LoggerMessage(LogLevel.Warning, "edXML package {File} refused: {Problem}")]
    private partial void LogFailed(string file, string problem);
}
