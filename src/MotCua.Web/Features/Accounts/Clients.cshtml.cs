using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

/// <summary>Machine clients (issue 26.2): register, rotate the secret, revoke. A new secret is shown once, in the answer to the post.</summary>
[Authorize(Policy = AccountsSetup.AdminPolicy)]
public sealed class ClientsModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Row(string ClientId, string Name, string UnitCode, string UnitName, string Scopes, DateTime CreatedAtUtc, DateTime? RotatedAtUtc, DateTime? RevokedAtUtc);

    public Row[] Clients { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];

    /// <summary>Set only in the answer that created it; never stored.</summary>
    public (string ClientId, string Secret)? NewSecret { get; private set; }

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostRegisterAsync([FromServices] RegisterApiClient handler, CancellationToken ct)
    {
        switch (await handler.HandleAsync(new(Name, UnitCode, Scopes), User.Identity!.Name!, Security.SecuritySetup.ClientIp(HttpContext), ct))
        {
            case RegisterApiClient.Registered(var client, var secret):
                NewSecret = (client.ClientId, secret);
                Message = t["Đã đăng ký hệ thống {0}.", client.Name];
                (Name, UnitCode, Scopes) = (null, null, []);
                ModelState.Clear();
                break;
            case RegisterApiClient.Invalid(var errors):
                foreach (var (key, messages) in errors)
                {
                    foreach (var m in messages)
                    {
                        ModelState.AddModelError(key switch { "name" => nameof(Name), "unitCode" => nameof(UnitCode), _ => nameof(Scopes) }, m);
                    }
                }

                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(string clientId, [FromServices] RotateApiClientSecret handler, CancellationToken ct)
    {
        switch (await handler.HandleAsync(clientId, User.Identity!.Name!, Security.SecuritySetup.ClientIp(HttpContext), ct))
        {
            case RotateApiClientSecret.Rotated(var client, var secret):
                NewSecret = (client.ClientId, secret);
                Message = t["Đã đổi khóa bí mật của {0}: khóa cũ và các mã truy cập đã cấp không còn dùng được.", client.Name];
                break;
            case RotateApiClientSecret.Revoked:
                ModelState.AddModelError("", t["Hệ thống đã bị thu hồi, không đổi khóa được."]);
                break;
            default:
                return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string clientId, [FromServices] RevokeApiClient handler, CancellationToken ct)
    {
        if (await handler.HandleAsync(clientId, User.Identity!.Name!, Security.SecuritySetup.ClientIp(HttpContext), ct) is not RevokeApiClient.Done(var client))
        {
            return NotFound();
        }

        Message = t["Đã thu hồi hệ thống {0}.", client.Name];
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Clients = [.. (await db.ApiClients.AsNoTracking().Include(c => c.Unit).ToListAsync(ct))
            .OrderBy(c => c.RevokedAtUtc is not null).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new Row(c.ClientId, c.Name, c.Unit!.Code, c.Unit.Name, c.Scopes, c.CreatedAtUtc, c.RotatedAtUtc, c.RevokedAtUtc))];
}
