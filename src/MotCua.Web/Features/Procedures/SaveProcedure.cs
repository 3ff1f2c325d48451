using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Procedures;

/// <summary>Creates a procedure, or edits one by opening a new version from today (local date) and closing the current one.</summary>
public static class SaveProcedure
{
    public sealed record Outcome(Procedure? Saved, Dictionary<string, string[]> Errors, bool NotFound = false);

    public static async Task<Outcome> RunAsync(
        AppDbContext db, ProcedureInput input, string? existingCode, TimeProvider time, IStringLocalizer t, string? by, CancellationToken ct)
    {
        var creating = existingCode is null;
        var errors = input.Validate(t, creating);
        Procedure? current = null;
        if (!creating)
        {
            current = await db.Procedures.SingleOrDefaultAsync(p => p.Code == existingCode && p.ValidTo == null, ct);
            if (current is null)
            {
                return new Outcome(null, errors, NotFound: true);
            }
        }
        else if (!errors.ContainsKey(nameof(ProcedureInput.Code)) && await db.Procedures.AnyAsync(p => p.Code == input.Code!.Trim(), ct))
        {
            errors[nameof(ProcedureInput.Code)] = [t["Mã thủ tục '{0}' đã tồn tại.", input.Code!.Trim()]];
        }

        if (errors.Count > 0)
        {
            return new Outcome(null, errors);
        }

        var today = VietnamTime.Today(time);
        var saved = current is null
            ? new Procedure { Code = input.Code!.Trim(), Name = input.Name!, ValidFrom = today }
            : current.NextVersion(today);
        input.ApplyTo(saved);
        saved.ChangedAtUtc = time.GetUtcNow().UtcDateTime;
        saved.ChangedBy = by;
        db.Procedures.Add(saved);
        await db.SaveChangesAsync(ct);
        return new Outcome(saved, errors);
    }
}
