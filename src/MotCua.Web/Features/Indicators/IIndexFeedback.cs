using MotCua.Domain.Indicators;

namespace MotCua.Web.Features.Indicators;

/// <summary>A complaint or suggestion with the unit that must answer it, as the national index (criteria 5.2, 5.3) counts it.</summary>
public sealed record UnitFeedback(string UnitPath, FeedbackFacts Facts);

/// <summary>The complaints and suggestions received in a period by a unit subtree; the feedback feature provides them.</summary>
public interface IIndexFeedback
{
    Task<IReadOnlyList<UnitFeedback>> ReceivedAsync(string unitPath, DateOnly from, DateOnly to, CancellationToken ct);
}
