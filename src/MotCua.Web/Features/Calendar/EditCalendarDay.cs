using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Calendar;

/// <summary>An administrator declares a holiday or a make-up working day, nationally or for a unit of their subtree (adds or changes it).</summary>
public sealed class EditCalendarDay(AppDbContext db, CalendarService calendars, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Saved(CalendarDayDto Day, bool Created) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public sealed record Conflict(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(CalendarDayRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var date = CalendarInput.ParseDate(body.Date, "date", t["Ngày"], errors, t);
        var kind = CalendarCsv.ParseKind(body.Kind);
        if (kind is null)
        {
            errors["kind"] = [t["Loại ngày phải là holiday (nghỉ) hoặc makeup_workday (làm bù)."]];
        }

        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 300)
        {
            errors["name"] = [t["Tên ngày là bắt buộc, tối đa 300 ký tự."]];
        }

        var source = string.IsNullOrWhiteSpace(body.Source) ? null : body.Source.Trim();
        if (source is { Length: > 1000 })
        {
            errors["source"] = [t["Nguồn tối đa 1000 ký tự."]];
        }

        var unitId = await CalendarInput.UnitIdAsync(body.Unit, db, user, t, errors, ct);
        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var edit = new CalendarEdit(date!.Value, kind!.Value, name!, source);
        bool created;
        try
        {
            created = await calendars.UpsertAsync(edit, unitId, user.Identity!.Name!, ct);
        }
        catch (DbUpdateException)
        {
            // Two administrators adding the same day at once: the unique index refuses the second.
            return new Conflict(t["Ngày này vừa được người khác khai báo. Vui lòng tải lại và thử lại."]);
        }

        return new Saved(new CalendarDayDto(edit.Date, edit.Kind, edit.Name, edit.Source, unitId is null ? null : body.Unit), created);
    }
}
