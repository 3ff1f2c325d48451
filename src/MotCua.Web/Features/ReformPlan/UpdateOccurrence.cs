using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Phòng Nội vụ sets an occurrence's due date; it or the task's lead unit sets its progress.</summary>
public sealed class UpdateOccurrence(AppDbContext db, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Updated : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    /// <summary>Neither a due date nor a progress was given; <paramref name="MayChange"/> tells whether the caller could have changed either.</summary>
    public sealed record NothingToChange(bool MayChange) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public async Task<Outcome> HandleAsync(int id, OccurrenceRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await db.PlanTaskOccurrences.SingleOrDefaultAsync(o => o.Id == id, ct) is not { } o)
        {
            return new NotFound();
        }

        var editor = ReformAccess.CanEdit(user);
        var lead = await ReadOccurrence.RoleOfAsync(db, user, o.TaskId, ct) == TaskUnitRole.Lead;
        if (body.DueDate is null && body.Progress is null)
        {
            return new NothingToChange(editor || lead);
        }

        if ((body.DueDate is not null && !editor) || (body.Progress is not null && !editor && !lead))
        {
            return new Forbidden();
        }

        if (body.DueDate is { } due && due.Year != o.Year)
        {
            return new Invalid("dueDate", t["Hạn phải nằm trong năm {0}.", o.Year]);
        }

        o.DueDate = body.DueDate ?? o.DueDate;
        if (body.Progress is { } p)
        {
            o.Progress = p;
            o.DoneOn = p == OccurrenceProgress.Done ? VietnamTime.Today(time) : null;
        }

        await db.SaveChangesAsync(ct);
        return new Updated();
    }
}
