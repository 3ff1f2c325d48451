using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>Outgoing drafts under <c>/api/v1/documents</c>: draft → the leader signs (or returns) → the clerk numbers and issues.</summary>
public static class DraftsApi
{
    public static IHostApplicationBuilder AddDocumentDrafts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DraftDocument>();
        builder.Services.AddScoped<SignDraft>();
        builder.Services.AddScoped<IssueDraft>();
        builder.Services.AddScoped<Signing.IIssuedFiles, IssuedDocuments>();
        return builder;
    }

    public static void MapDraftsApi(this RouteGroupBuilder group)
    {
        group.MapPost("/drafts", async Task<Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                DraftRequest body, DraftDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.CreateAsync(body, user, ct) switch
            {
                DraftDocument.Drafted(var d) => TypedResults.Created($"/api/v1/documents/{d.Id}", d),
                var other => Failed(other),
            })
            .Doc("draftDocument", "Soạn dự thảo văn bản đi",
                "Drafts an outgoing document without a number: the header, and a PDF uploaded through POST /api/v1/files (fileId) or text the system lays out (text); repliesToId names the incoming document it answers.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/drafts", async (DraftDocument handler, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(user, ct)))
            .Doc("listDrafts", "Dự thảo chờ ký, chờ phát hành", "Drafts of the caller's unit subtree not yet issued (200 at most), the ones returned to the caller first.");
        group.MapPost("/{id:long}/resubmit", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, ResubmitRequest body, DraftDocument handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.ResubmitAsync(id, body, user, ct) switch
            {
                DraftDocument.Drafted(var d) => TypedResults.Ok(d),
                DraftDocument.Invalid(var field, var message) => Invalid(field, message),
                DraftDocument.NotFound => TypedResults.NotFound(),
                DraftDocument.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            })
            .Doc("resubmitDraft", "Gửi lại dự thảo đã bị trả lại", "The drafter sends a returned draft to the leader again with a new version (fileId or text).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/sign", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, SignDraft handler, ClaimsPrincipal user, CancellationToken ct) =>
            Signed(await handler.SignAsync(id, user, ct)))
            .Doc("signDraft", "Lãnh đạo ký số dự thảo", "A leader of the unit approves and signs the draft (PAdES, the instance's key); the signed PDF becomes the main file.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/return", async Task<Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound>> (
                long id, ReturnRequest body, SignDraft handler, ClaimsPrincipal user, CancellationToken ct) =>
            Signed(await handler.ReturnAsync(id, body, user, ct)))
            .Doc("returnDraft", "Trả lại dự thảo cho người soạn", "A leader of the unit returns the draft to its drafter with a note (required).")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/issue", async Task<Results<Ok<DocumentView>, ProblemHttpResult, NotFound>> (
                long id, IssueDraft handler, ClaimsPrincipal user, CancellationToken ct) =>
            await handler.HandleAsync(id, user, ct) switch
            {
                IssueDraft.Issued(var d) => TypedResults.Ok(d),
                IssueDraft.NotFound => TypedResults.NotFound(),
                IssueDraft.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
                var other => throw Unexpected(other),
            })
            .Doc("issueDraft", "Cấp số và phát hành dự thảo đã ký",
                "The clerk numbers a signed draft today from the unit's locked counter (số, ký hiệu per ND 30/2020) and adds the agency's signature by incremental update; the file is registered for /Verify.")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound> Failed(DraftDocument.Outcome outcome) => outcome switch
    {
        DraftDocument.Invalid(var field, var message) => Invalid(field, message),
        DraftDocument.NotFound => TypedResults.NotFound(),
        DraftDocument.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
        var other => throw Unexpected(other),
    };

    private static Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult, NotFound> Signed(SignDraft.Outcome outcome) => outcome switch
    {
        SignDraft.Done(var d) => TypedResults.Ok(d),
        SignDraft.Invalid(var field, var message) => Invalid(field, message),
        SignDraft.NotFound => TypedResults.NotFound(),
        SignDraft.Refused(var message) => TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict),
        var other => throw Unexpected(other),
    };

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static InvalidOperationException Unexpected(object outcome) => new($"Unhandled draft outcome {outcome.GetType().Name}.");
}
