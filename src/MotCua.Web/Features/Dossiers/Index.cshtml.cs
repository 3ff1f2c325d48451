using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>The inbox: one list, tabs per role (to receive, to process, to approve, overdue, all), scoped to the user's subtree.</summary>
public sealed class IndexModel(AppDbContext db, CalendarService calendars, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Procedure { get; set; }

    /// <summary>A status filter on the "all" tab (the workspace's "xem tất cả" links: ?tab=all&amp;status=Approved).</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    public Page<DossierRow> Result { get; private set; } = new([], 1, ReadDossiers.PageSize, 0);
    public List<(string Key, string Label)> Tabs { get; } = [];

    /// <summary>Working hours left to acknowledge each online dossier still awaiting reception, by code.</summary>
    public Dictionary<string, double> AckHoursLeft { get; } = [];

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        if (User.IsInRole(Roles.Desk))
        {
            Tabs.Add(("reception", "Chờ tiếp nhận"));
            Tabs.Add(("received", "Đã tiếp nhận"));
            Tabs.Add(("return", "Chờ trả kết quả"));
        }

        if (User.IsInRole(Roles.Specialist))
        {
            Tabs.Add(("process", "Đang xử lý"));
        }

        if (User.IsInRole(Roles.Leader))
        {
            Tabs.Add(("approve", "Chờ phê duyệt"));
        }

        Tabs.Add(("overdue", "Quá hạn"));
        Tabs.Add(("all", "Tất cả"));
        Tab = Tabs.Any(t => t.Key == Tab) ? Tab : Tabs[0].Key;
        var status = Tab switch
        {
            "reception" => "AwaitingReception",
            "received" => "Received",
            "return" => "ResultReady",
            "process" => "InProcess",
            "approve" => "AwaitingApproval",
            "all" when Enum.TryParse<MotCua.Domain.Dossiers.DossierStatus>(Status, ignoreCase: true, out var chosen) => chosen.ToString(),
            _ => null,
        };
        var calendar = await calendars.ForUnitAsync(null, ct);
        Result = await ReadDossiers.ListAsync(db, User, new(status, null, Procedure, Tab == "overdue", Q, page), VietnamTime.Today(time), calendar, ct);
        if (Result.Items.Any(r => r.AckDeadlineUtc is not null))
        {
            var unitId = User.UnitId();
            var unit = unitId is null ? null : await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, ct);
            var unitCalendar = await calendars.ForUnitAsync(unit, ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var r in Result.Items.Where(r => r.AckDeadlineUtc is not null))
            {
                AckHoursLeft[r.Code] = Acknowledgements.HoursLeft(r.AckDeadlineUtc!.Value, now, unitCalendar);
            }
        }
    }

    public string ChannelLabel(string channel) => channel switch
    {
        "online" => "Trực tuyến",
        "postal" => "Bưu chính",
        _ => "Trực tiếp",
    };
}
