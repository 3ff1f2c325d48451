using MotCua.Domain.ReformPlan;
using MotCua.Web.Features.Organisation;

namespace MotCua.Web.Features.Indicators;

/// <summary>
/// Marks an entity of another feature whose changes invalidate the cached indicator references (plans and their
/// targets), so that the indicators need not know that feature's types.
/// </summary>
#pragma warning disable CA1040 // A marker: the save hook only asks whether a changed entity is one.
public interface IIndicatorReference;
#pragma warning restore CA1040

/// <summary>A plan target measured by a dossier indicator, as the dashboard compares it, with the plan (and period) it comes from.</summary>
public sealed record IndicatorTarget(
    string IndicatorKey, string Code, string Text, int Year, string? Scope, decimal Value, string Unit, TargetComparison Comparison,
    int? PlanId = null, string? PlanTitle = null, int? PeriodFrom = null, int? PeriodTo = null, string? IssuingUnitPath = null);

/// <summary>The targets that plans issued by a unit, its ancestors or its descendants set for dossier indicators (the reform plan provides them).</summary>
public interface IIndicatorTargets
{
    Task<IReadOnlyList<IndicatorTarget>> ForUnitAsync(OrgUnit unit, CancellationToken ct);
}
