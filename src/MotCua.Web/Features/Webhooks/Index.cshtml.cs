using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Webhooks;

/// <summary>Administrators see the webhook subscriptions of the clients in their units, their delivery log, and can replay or end them.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public ReadWebhooks.SubscriptionDto[] Subscriptions { get; private set; } = [];
    public ReadWebhooks.DeliveryDto[] Deliveries { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public long? Subscription { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }

    public string? Message { get; private set; }

    private WebhookScope Scope => WebhookScope.Admin(User.Identity!.Name!, User.ScopePath());

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplayAsync(long deliveryId, [FromServices] ReplayWebhookDelivery handler, CancellationToken ct)
    {
        switch (await handler.HandleAsync(deliveryId, Scope, ct))
        {
            case ReplayWebhookDelivery.Queued:
                Message = t["Đã xếp hàng gửi lại sự kiện."];
                break;
            case ReplayWebhookDelivery.SubscriptionEnded:
                ModelState.AddModelError("", t["Đăng ký nhận sự kiện này đã bị hủy."]);
                break;
            default:
                return NotFound();
        }

        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(long id, [FromServices] DeleteWebhook handler, CancellationToken ct)
    {
        if (!await handler.HandleAsync(id, Scope, ct))
        {
            return NotFound();
        }

        Message = t["Đã hủy đăng ký nhận sự kiện."];
        Subscription = null;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Subscriptions = await ReadWebhooks.SubscriptionsAsync(db, Scope, ct);
        Subscription ??= Subscriptions.FirstOrDefault()?.Id;
        if (Subscription is { } id)
        {
            if (await ReadWebhooks.DeliveriesAsync(db, Scope, id, State, 50, ct) is not { } rows)
            {
                return false;
            }

            Deliveries = rows;
        }

        return true;
    }
}
