using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Workspace;

/// <summary>"Việc của tôi" at <c>/Staff</c>, the first page after a staff sign-in: the work waiting for me, then my units.</summary>
public sealed class IndexModel(ReadWorkspace reads, AppDbContext db) : PageModel
{
    public WorkspaceView View { get; private set; } = null!;

    /// <summary>The units in my scope (the page's former content, kept at the bottom).</summary>
    public UnitDto[] Units { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await reads.ReadAsync(User, ct);
        Units = await UnitTree.Query(db, User, null).ToArrayAsync(ct);
    }

    public string ChannelLabel(string channel) => channel switch
    {
        "online" => "Trực tuyến",
        "postal" => "Bưu chính",
        _ => "Trực tiếp",
    };

    public string LocalTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), VietnamTime.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
