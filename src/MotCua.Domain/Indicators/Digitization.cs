namespace MotCua.Domain.Indicators;

/// <summary>
/// One document component as digitization and reuse count it: whether a stored file stands for it, and whether it was
/// taken from a stored document of the same applicant that the intake named and checked (never a bare client flag).
/// </summary>
public readonly record struct ComponentFacts(bool HasFile, bool ReusedFromStoredDocument);

/// <summary>Issue 20 items 1 and 8: a dossier is digitized when every component has a file; reuse is only reuse by reference.</summary>
public static class Digitization
{
    /// <summary>
    /// Every component has a file (uploaded, scanned or reused from a named stored document). A dossier without any
    /// component has nothing scanned and is not digitized, so it cannot raise the rate.
    /// </summary>
    public static bool IsDigitized(IReadOnlyCollection<ComponentFacts> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        return components.Count > 0 && components.All(c => c.HasFile || c.ReusedFromStoredDocument);
    }

    /// <summary>The components reused by reference; <see cref="IndicatorSet.ReuseRate"/> counts the dossiers with at least one.</summary>
    public static int RealReuses(IReadOnlyCollection<ComponentFacts> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        return components.Count(c => c.ReusedFromStoredDocument);
    }
}
