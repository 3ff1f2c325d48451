using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// Hands the dossiers still open at a unit that has ended (and at its sub-units) over to its successor: per dossier one
/// appended "hand-over" event (bàn giao) moves the current unit; earlier events keep the old unit, the receiving unit and
/// every deadline stay as they were; the applicant is told the new unit's name through the outbox. Run twice, the second run finds nothing left to hand over.
/// </summary>
public sealed class HandOverDossiers(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public const string Action = "hand-over";

    private const int Batch = 500;

    public abstract record Outcome;

    public sealed record HandedOver(string FromCode, string ToCode, int Count) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record Forbidden(string Message) : Outcome;

    public sealed record Conflict(string Message, int Count) : Outcome;

    /// <summary><paramref name="user"/> is the signed-in administrator of the page, or null for the console command (the operator).</summary>
    public async Task<Outcome> HandleAsync(string? fromCode, string? toCode, ClaimsPrincipal? user, CancellationToken ct)
    {
        if (user is not null && !user.IsInRole(Roles.Admin))
        {
            return new Forbidden(t["Chỉ quản trị hệ thống được bàn giao hồ sơ giữa các đơn vị."]);
        }

        var today = VietnamTime.Today(time);
        var from = string.IsNullOrWhiteSpace(fromCode) || fromCode.Length > 40 ? null
            : await db.Units.AsNoTracking().Include(u => u.Successor).SingleOrDefaultAsync(u => u.Code == fromCode.Trim(), ct);
        if (from is null || (user is not null && !user.CanSee(from.Path)))
        {
            return new Invalid("from", t["Không tìm thấy đơn vị bàn giao '{0}'.", fromCode ?? ""]);
        }

        if (from.ValidTo is not { } end || end >= today)
        {
            return new Invalid("from", t["{0} vẫn đang hoạt động: chỉ bàn giao hồ sơ khi đơn vị đã kết thúc.", from.Name]);
        }

        OrgUnit? to;
        if (string.IsNullOrWhiteSpace(toCode))
        {
            to = from.Successor;
            if (to is null)
            {
                return new Invalid("to", t["{0} không có đơn vị kế thừa trong cơ cấu tổ chức: hãy chọn đơn vị nhận.", from.Name]);
            }
        }
        else
        {
            to = toCode.Length > 40 ? null : await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == toCode.Trim(), ct);
            if (to is null || (user is not null && !user.CanSee(to.Path)))
            {
                return new Invalid("to", t["Không tìm thấy đơn vị nhận '{0}'.", toCode]);
            }
        }

        if (!to.IsValidOn(today) || to.Path.StartsWith(from.Path, StringComparison.Ordinal))
        {
            return new Invalid("to", t["{0} không phải đơn vị đang hoạt động để nhận hồ sơ.", to.Name]);
        }

        var actor = user is null ? Actor.System : Actor.From(user) ?? Actor.System;
        var note = t["Bàn giao do {0} ({1}) kết thúc hoạt động ngày {2:dd/MM/yyyy}; đơn vị tiếp nhận: {3} ({4}). Thời hạn giải quyết giữ nguyên.",
            from.Name, from.Code, end.ToDateTime(TimeOnly.MinValue), to.Name, to.Code].Value;
        var count = 0;
        while (true)
        {
            // Each batch moves its dossiers out of the subtree, so the same query returns the next ones.
            var open = await db.Dossiers.Include(d => d.CurrentUnit)
                .Where(d => d.CurrentUnitPath.StartsWith(from.Path) && d.Status != DossierStatus.Returned && d.Status != DossierStatus.Refused
                    && d.Status != DossierStatus.Stopped && d.Status != DossierStatus.Withdrawn)
                .OrderBy(d => d.Id).Take(Batch).ToListAsync(ct);
            if (open.Count == 0)
            {
                return new HandedOver(from.Code, to.Code, count);
            }

            var now = time.GetUtcNow().UtcDateTime;
            foreach (var dossier in open)
            {
                var at = dossier.CurrentUnit!.Code;
                dossier.CurrentUnitId = to.Id;
                dossier.CurrentUnitPath = to.Path;
                dossier.Version++;
                DossierHistory.Append(db, dossier, actor, now, new(Action, dossier.Status, note, DueBefore: dossier.AppointmentDate, UnitCode: at, ToUnitCode: to.Code));
                // The applicant learns who now handles the dossier, in the same transaction as the move (outbox).
                db.OutboxMessages.AddRange(DossierNotifications.Messages(dossier, NotificationKind.HandedOver, now, to.Name));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                return new Conflict(t["Một hồ sơ vừa được cập nhật trong lúc bàn giao; chạy lại lệnh để bàn giao các hồ sơ còn lại."], count);
            }

            count += open.Count;
            db.ChangeTracker.Clear();
        }
    }
}
