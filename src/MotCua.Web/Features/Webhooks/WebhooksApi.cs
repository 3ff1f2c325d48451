using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Webhooks;

public sealed record SubscribeWebhookRequest(string? Url, string[]? Events);

/// <summary>The answer to a subscription: the secret appears here only.</summary>
public sealed record WebhookSubscribed(long Id, string Url, string[] Events, string Secret);

public sealed record WebhookReplayQueued(long DeliveryId);

/// <summary>A machine client's own subscriptions (scope dossiers:read, since events name its dossiers) and their delivery log.</summary>
public static class WebhooksApi
{
    public static void MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(AccountsSetup.StaffPolicy).AllowClients(ClientScope.DossiersRead);
        group.MapPost("/", Subscribe).Doc("subscribeWebhook", "Đăng ký nhận sự kiện hồ sơ (webhook)",
            "Subscribes the calling client to dossier events of its units. The answer holds the signing secret once; deliveries carry "
            + "webhook-id, webhook-timestamp and webhook-signature (Standard Webhooks: v1,base64 HMAC-SHA256 of \"id.timestamp.body\").")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", List).Doc("listWebhooks", "Các đăng ký webhook", "The calling client's live subscriptions with waiting and failed counts.");
        group.MapDelete("/{id:long}", Delete).Doc("deleteWebhook", "Hủy đăng ký webhook", "Ends a subscription; nothing more is sent to it.");
        group.MapGet("/{id:long}/deliveries", Deliveries).Doc("listWebhookDeliveries", "Nhật ký gửi sự kiện",
            "The delivery log of a subscription, newest first: state (waiting, delivered, failed), attempts, next attempt and last error. state filters.");
        group.MapPost("/deliveries/{deliveryId:long}/replay", Replay).Doc("replayWebhookDelivery", "Gửi lại một sự kiện",
            "Queues a logged delivery again with the same event id.").ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static string? ClientOf(ClaimsPrincipal user) => user.FindFirstValue(AppClaims.Client);

    private static async Task<Results<Created<WebhookSubscribed>, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Subscribe(
        SubscribeWebhookRequest body, ClaimsPrincipal user, SubscribeWebhook handler, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ClientOf(user) is not { } client)
        {
            // People do not subscribe: events go to systems, under a client's own credentials.
            return TypedResults.Forbid();
        }

        return await handler.HandleAsync(client, new(body.Url, body.Events), ct) switch
        {
            SubscribeWebhook.Subscribed(var s, var secret) => TypedResults.Created($"/api/v1/webhooks/{s.Id}", new WebhookSubscribed(s.Id, s.Url, s.Events.Split(' '), secret)),
            SubscribeWebhook.Invalid(var errors) => TypedResults.ValidationProblem(errors),
            _ => TypedResults.Problem(t["Mỗi hệ thống đăng ký tối đa {0} địa chỉ nhận sự kiện.", SubscribeWebhook.MaxPerClient], statusCode: StatusCodes.Status409Conflict),
        };
    }

    private static async Task<Results<Ok<ReadWebhooks.SubscriptionDto[]>, ForbidHttpResult>> List(ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        ClientOf(user) is { } client ? TypedResults.Ok(await ReadWebhooks.SubscriptionsAsync(db, WebhookScope.Client(client), ct)) : TypedResults.Forbid();

    private static async Task<Results<NoContent, NotFound, ForbidHttpResult>> Delete(long id, ClaimsPrincipal user, DeleteWebhook handler, CancellationToken ct) =>
        ClientOf(user) is not { } client ? TypedResults.Forbid()
        : await handler.HandleAsync(id, WebhookScope.Client(client), ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Results<Ok<ReadWebhooks.DeliveryDto[]>, NotFound, ForbidHttpResult>> Deliveries(
        long id, string? state, int? take, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        ClientOf(user) is not { } client ? TypedResults.Forbid()
        : await ReadWebhooks.DeliveriesAsync(db, WebhookScope.Client(client), id, state, take ?? 50, ct) is { } rows ? TypedResults.Ok(rows) : TypedResults.NotFound();

    private static async Task<Results<Accepted<WebhookReplayQueued>, NotFound, ProblemHttpResult, ForbidHttpResult>> Replay(
        long deliveryId, ClaimsPrincipal user, ReplayWebhookDelivery handler, IStringLocalizer<SharedResource> t, CancellationToken ct)
    {
        if (ClientOf(user) is not { } client)
        {
            return TypedResults.Forbid();
        }

        return await handler.HandleAsync(deliveryId, WebhookScope.Client(client), ct) switch
        {
            ReplayWebhookDelivery.Queued(var id) => TypedResults.Accepted((string?)null, new WebhookReplayQueued(id)),
            ReplayWebhookDelivery.SubscriptionEnded => TypedResults.Problem(t["Đăng ký nhận sự kiện này đã bị hủy."], statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.NotFound(),
        };
    }
}
