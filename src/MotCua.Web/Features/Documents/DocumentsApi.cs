using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

public static class DocumentsApi
{
    public static IHostApplicationBuilder AddDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReadDocuments>();
        builder.Services.AddScoped<RegisterDocument>();
        builder.Services.AddScoped<AssignDocument>();
        builder.Services.AddScoped<RecordDocumentProgress>();
        builder.Services.AddScoped<WorkFiles>();
        builder.Services.AddScoped<Files.IFileReadGrant, DocumentFilesReadable>();
        builder.AddDocumentDrafts();
        builder.AddDocumentExchange();
        return builder;
    }

    public static RouteGroupBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/documents").WithTags("Documents").RequireAuthorization(AccountsSetup.StaffPolicy);
        group.MapPost("/incoming", async Task<Results<Created<DocumentView>, ValidationProblem>> (IncomingRequest body, RegisterDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            Registered(await handler.IncomingAsync(body, user, ct)))
            .Doc("registerIncomingDocument", "Vào sổ văn bản đến", "Registers an incoming document with the next số đến of the unit's yearly series.");
        group.MapPost("/outgoing", async Task<Results<Created<DocumentView>, ValidationProblem>> (OutgoingRequest body, RegisterDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            Registered(await handler.OutgoingAsync(body, user, ct)))
            .Doc("issueOutgoingDocument", "Cấp số và ban hành văn bản đi", "Numbers and issues an outgoing document: số from its numbering book, ký hiệu per ND 30/2020.");
        group.MapGet("/", async Task<Results<Ok<DocumentPage>, ValidationProblem>> (
                string? q, string? direction, DateOnly? from, DateOnly? to, int? page, int? pageSize, ReadDocuments reads, ClaimsPrincipal user, IStringLocalizer<SharedResource> t, CancellationToken ct) =>
            {
                DocumentDirection? dir = direction switch { null or "" => null, "incoming" => DocumentDirection.Incoming, "outgoing" => DocumentDirection.Outgoing, _ => (DocumentDirection)(-1) };
                if (dir == (DocumentDirection)(-1))
                {
                    return Invalid("direction", t["direction là incoming hoặc outgoing."]);
                }

                if (page is < 1 or > 100_000 || pageSize is < 1 or > ReadDocuments.MaxPageSize || q is { Length: > 200 } || (from is { } f && to is { } x && f > x))
                {
                    return Invalid("page", t["Tham số tìm kiếm không hợp lệ (trang từ 1, tối đa {0} dòng một trang, từ ngày không sau đến ngày).", ReadDocuments.MaxPageSize]);
                }

                return TypedResults.Ok(await reads.ListAsync(user, q, dir, from, to, page ?? 1, pageSize ?? 20, ct));
            })
            .Doc("listDocuments", "Tra cứu sổ văn bản đến, đi", "Pages the registers of the caller's unit subtree; q matches trích yếu and số ký hiệu without diacritics.");
        group.MapGet("/{id:long}", async Task<Results<Ok<DocumentView>, NotFound>> (long id, ReadDocuments reads, ClaimsPrincipal user, CancellationToken ct) =>
            await reads.OneAsync(id, user, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound())
            .Doc("getDocument", "Xem văn bản", "One document with its header, attachments, holders and history.");
        group.MapPost("/{id:long}/assignments", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, AssignRequest body, AssignDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(id, body, user, ct) switch
            {
                AssignDocument.Assigned(var d) => TypedResults.Ok(d),
                AssignDocument.Invalid(var field, var message) => Invalid(field, message),
                AssignDocument.NotFound => TypedResults.NotFound(),
                AssignDocument.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            })
            .Doc("assignDocument", "Giao xử lý văn bản đến", "A leader assigns an incoming document: one chủ trì, phối hợp and để biết holders, a deadline in working days or a date.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/progress", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, ProgressRequest body, RecordDocumentProgress handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(id, body, user, ct) switch
            {
                RecordDocumentProgress.Recorded(var d) => TypedResults.Ok(d),
                RecordDocumentProgress.Invalid(var field, var message) => Invalid(field, message),
                RecordDocumentProgress.NotFound => TypedResults.NotFound(),
                RecordDocumentProgress.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            })
            .Doc("recordDocumentProgress", "Cập nhật tiến độ, kết thúc xử lý văn bản", "A holder records progress or closes their part (close: true).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDraftsApi();
        group.MapDocumentExchangeApi();

        var files = app.MapGroup("/api/v1/workfiles").WithTags("Documents").RequireAuthorization(AccountsSetup.StaffPolicy);
        files.MapPost("/", async Task<Results<Created<WorkFileView>, ValidationProblem, ProblemHttpResult, NotFound>> (OpenWorkFileRequest body, WorkFiles handler, ClaimsPrincipal user, CancellationToken ct) =>
            Made(await handler.OpenAsync(body, user, ct)))
            .Doc("openWorkFile", "Lập hồ sơ công việc", "Opens a work file (hồ sơ công việc) for a matter.").ProducesProblem(StatusCodes.Status409Conflict);
        files.MapGet("/", async (bool? open, WorkFiles handler, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(user, open, ct)))
            .Doc("listWorkFiles", "Danh sách hồ sơ công việc", "Work files of the caller's unit subtree, newest first (200 at most).");
        files.MapGet("/{id:long}", async Task<Results<Ok<WorkFileView>, NotFound>> (long id, WorkFiles handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.OneAsync(id, user, ct) is { } f ? TypedResults.Ok(f) : TypedResults.NotFound())
            .Doc("getWorkFile", "Xem hồ sơ công việc", "One work file with its documents, notes and tasks.");
        files.MapPost("/{id:long}/items", async Task<Results<Created<WorkFileView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, WorkItemRequest body, WorkFiles handler, ClaimsPrincipal user, CancellationToken ct) =>
            Made(await handler.AddItemAsync(id, body, user, ct)))
            .Doc("addWorkFileItem", "Thêm văn bản, ghi chú, việc vào hồ sơ công việc", "Adds a document, a note or a task to an open work file.").ProducesProblem(StatusCodes.Status409Conflict);
        files.MapPost("/{id:long}/items/{itemId:long}/done", async Task<Results<Ok<WorkFileView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, long itemId, WorkFiles handler, ClaimsPrincipal user, CancellationToken ct) =>
            Acted(await handler.FinishTaskAsync(id, itemId, user, ct)))
            .Doc("finishWorkFileTask", "Hoàn thành việc trong hồ sơ công việc", "Marks a task of an open work file done.").ProducesProblem(StatusCodes.Status409Conflict);
        files.MapPost("/{id:long}/close", async Task<Results<Ok<WorkFileView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, CloseWorkFileRequest body, WorkFiles handler, ClaimsPrincipal user, CancellationToken ct) =>
            Acted(await handler.CloseAsync(id, body, user, ct)))
            .Doc("closeWorkFile", "Đóng hồ sơ công việc", "Closes a work file online (medium electronic) or records it as handled on paper; feeds workFilesOnlineRate.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    private static Results<Created<DocumentView>, ValidationProblem> Registered(RegisterDocument.Outcome outcome) => outcome switch
    {
        RegisterDocument.Registered(var d) => TypedResults.Created($"/api/v1/documents/{d.Id}", d),
        RegisterDocument.Invalid(var field, var message) => Invalid(field, message),
        var other => throw Unexpected(other),
    };

    private static Results<Created<WorkFileView>, ValidationProblem, ProblemHttpResult, NotFound> Made(WorkFiles.Outcome outcome) => outcome switch
    {
        WorkFiles.Done(var f) => TypedResults.Created($"/api/v1/workfiles/{f.Id}", f),
        WorkFiles.Invalid(var field, var message) => Invalid(field, message),
        WorkFiles.NotFound => TypedResults.NotFound(),
        WorkFiles.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
        var other => throw Unexpected(other),
    };

    private static Results<Ok<WorkFileView>, ValidationProblem, ProblemHttpResult, NotFound> Acted(WorkFiles.Outcome outcome) => outcome switch
    {
        WorkFiles.Done(var f) => TypedResults.Ok(f),
        WorkFiles.Invalid(var field, var message) => Invalid(field, message),
        WorkFiles.NotFound => TypedResults.NotFound(),
        WorkFiles.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
        var other => throw Unexpected(other),
    };

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static InvalidOperationException Unexpected(object outcome) => new($"Unhandled documents outcome {outcome.GetType().Name}.");
}
