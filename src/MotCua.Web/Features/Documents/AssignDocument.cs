using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

public sealed record HolderRequest(string? UserName, string? Role);

/// <summary>The leader's direction (ý kiến chỉ đạo): holders and a deadline, as a date or a number of working days from today.</summary>
public sealed record AssignRequest(HolderRequest[]? Holders, DateOnly? Deadline, int? WorkingDays, string? Note);

/// <summary>A leader assigns an incoming document to one chủ trì and any phối hợp / để biết holders, with a deadline on the unit's working calendar.</summary>
public sealed class AssignDocument(AppDbContext db, TimeProvider time, CalendarService calendars, ReadDocuments reads, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Assigned(DocumentView Document) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, AssignRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var holders = body.Holders ?? [];
        if (holders.Length is 0 or > 30 || holders.Any(h => string.IsNullOrWhiteSpace(h?.UserName) || h.Role is null || !DocumentRules.RoleCodes.ContainsKey(h.Role)))
        {
            return new Invalid("holders", t["Chọn người xử lý (tên đăng nhập) và vai trò: chu-tri, phoi-hop hoặc de-biet."]);
        }

        if (holders.Count(h => DocumentRules.RoleCodes[h.Role!] == HolderRole.Lead) != 1)
        {
            return new Invalid("holders", t["Mỗi văn bản có đúng một người chủ trì xử lý."]);
        }

        if (holders.Select(h => h.UserName!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != holders.Length)
        {
            return new Invalid("holders", t["Mỗi người chỉ nhận một vai trò."]);
        }

        if ((body.Deadline is null) == (body.WorkingDays is null) || body.WorkingDays is < 1 or > DocumentRules.MaxDeadlineWorkingDays)
        {
            return new Invalid("deadline", t["Nhập hạn xử lý: một ngày hoặc số ngày làm việc (1–{0}).", DocumentRules.MaxDeadlineWorkingDays]);
        }

        if (body.Note is { Length: > 2000 })
        {
            return new Invalid("note", t["Ý kiến chỉ đạo tối đa 2000 ký tự."]);
        }

        var doc = await db.OfficialDocuments.Include(d => d.Assignments).SingleOrDefaultAsync(d => d.Id == id && d.UnitPath.StartsWith(user.ScopePath()), ct);
        if (doc is null)
        {
            return new NotFound();
        }

        if (!user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.Admin))
        {
            return new Refused(t["Chỉ lãnh đạo giao xử lý văn bản đến."]);
        }

        if (doc.Direction != DocumentDirection.Incoming || doc.Status == DocumentStatus.Done)
        {
            return new Refused(t["Chỉ giao xử lý văn bản đến chưa xử lý xong."]);
        }

        var today = VietnamTime.Today(time);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == doc.UnitId, ct);
        var calendar = await calendars.ForUnitAsync(unit, ct);
        var due = body.Deadline ?? calendar.AddWorkingDays(today, body.WorkingDays!.Value);
        if (due < today || due > today.AddYears(1) || !calendar.IsWorkingDay(due))
        {
            return new Invalid("deadline", t["Hạn xử lý phải là một ngày làm việc trong vòng một năm từ hôm nay."]);
        }

        var names = holders.Select(h => h.UserName!.Trim()).ToArray();
        var users = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!) && u.UnitId != null)
            .Select(u => new { u.Id, u.UserName, u.FullName, Path = db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Path).First() })
            .ToListAsync(ct);
        var scope = user.ScopePath();
        var now = time.GetUtcNow().UtcDateTime;
        var lines = new List<string>();
        foreach (var h in holders)
        {
            var match = users.FirstOrDefault(u => string.Equals(u.UserName, h.UserName!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is null || !match.Path.StartsWith(scope, StringComparison.Ordinal))
            {
                return new Invalid("holders", t["Không có cán bộ '{0}' trong đơn vị của bạn.", h.UserName!]);
            }

            if (doc.Assignments.Any(a => a.UserId == match.Id && a.ClosedAtUtc == null))
            {
                return new Invalid("holders", t["{0} đang xử lý văn bản này.", match.FullName]);
            }

            var role = DocumentRules.RoleCodes[h.Role!];
            if (role == HolderRole.Lead && doc.Assignments.Any(a => a.Role == HolderRole.Lead && a.ClosedAtUtc == null))
            {
                return new Refused(t["Văn bản đã có người chủ trì đang xử lý."]);
            }

            var existing = doc.Assignments.FirstOrDefault(a => a.UserId == match.Id);
            if (existing is not null)
            {
                // Given back to someone who had closed: the same holding reopens with the new role and deadline.
                existing.Role = role;
                existing.DueDate = due;
                existing.ClosedAtUtc = null;
                existing.AssignedAtUtc = now;
                existing.AssignedBy = DocumentHistory.ActorId(user);
            }
            else
            {
                doc.Assignments.Add(new DocumentAssignment
                {
                    UserId = match.Id,
                    UserName = match.FullName,
                    Role = role,
                    DueDate = due,
                    AssignedBy = DocumentHistory.ActorId(user),
                    AssignedAtUtc = now,
                });
            }

            lines.Add($"{match.FullName} ({h.Role})");
        }

        doc.Status = DocumentStatus.Assigned;
        doc.UpdatedAtUtc = now;
        await ExchangeStatuses.QueueAsync(db, doc.Id, ExchangeDirection.Received, "05", null, now, ct);
        await DocumentHistory.AppendAsync(db, doc, user, now, "assign",
            $"{string.Join(", ", lines)}; hạn {due:dd/MM/yyyy}" + (string.IsNullOrWhiteSpace(body.Note) ? "" : $"; {body.Note.Trim()}"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return new Refused(t["Văn bản vừa được người khác cập nhật; tải lại và thử lại."]);
        }

        return new Assigned((await reads.OneAsync(id, user, ct))!);
    }
}
