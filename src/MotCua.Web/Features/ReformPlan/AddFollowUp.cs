using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.ReformPlan;

/// <summary>Adds a corrective action with its deadline to an inspection in the caller's scope.</summary>
public sealed class AddFollowUp(AppDbContext db, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Added(InspectionFollowUp FollowUp, Inspection Inspection) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Forbidden : Outcome;

    public sealed record Invalid(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(int inspectionId, FollowUpRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ReformAccess.CanEdit(user))
        {
            return new Forbidden();
        }

        var scope = ReformAccess.Scope(user);
        if (await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId && i.Unit!.Path.StartsWith(scope), ct) is not { } inspection)
        {
            return new NotFound();
        }

        if (string.IsNullOrWhiteSpace(body.Action) || body.Action.Length > 2000 || body.Deadline is null)
        {
            return new Invalid(t["Nội dung khắc phục và hạn hoàn thành là bắt buộc."]);
        }

        var f = new InspectionFollowUp { InspectionId = inspectionId, Action = body.Action.Trim(), Deadline = body.Deadline.Value, DoneOn = body.DoneOn };
        db.InspectionFollowUps.Add(f);
        await db.SaveChangesAsync(ct);
        return new Added(f, inspection);
    }
}
