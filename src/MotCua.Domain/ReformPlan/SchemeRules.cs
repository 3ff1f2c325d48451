using System.Text.RegularExpressions;

namespace MotCua.Domain.ReformPlan;

public sealed record CriterionNode(int Id, int? ParentId, string Code, decimal MaxPoints);

/// <summary>Rules of a configurable scoring scheme (ADR 0015): a parent's maximum is the sum of its children's.</summary>
public static partial class SchemeRules
{
    public const int MaxCodeLength = 20;

    [GeneratedRegex(@"^[0-9A-Za-z]([0-9A-Za-z.\-]*[0-9A-Za-z])?$")]
    private static partial Regex CodePattern();

    /// <summary>Codes are printed identifiers such as "1", "2.3" or "II.1.a": letters, digits, dots and hyphens, no spaces.</summary>
    public static bool IsValidCode(string? code) => code is { Length: > 0 and <= MaxCodeLength } && CodePattern().IsMatch(code);

    /// <summary>
    /// The maximum of every criterion: a leaf keeps its own, a parent gets the sum of its children's (recursively).
    /// Criteria caught in a cycle keep their own value.
    /// </summary>
    public static IReadOnlyDictionary<int, decimal> Maxima(IReadOnlyCollection<CriterionNode> nodes)
    {
        var children = nodes.Where(n => n.ParentId is not null).ToLookup(n => n.ParentId!.Value);
        var own = nodes.ToDictionary(n => n.Id, n => n.MaxPoints);
        var result = new Dictionary<int, decimal>();
        decimal Of(int id, HashSet<int> path)
        {
            if (result.TryGetValue(id, out var known))
            {
                return known;
            }

            if (!children.Contains(id) || !path.Add(id))
            {
                return own[id];
            }

            var sum = children[id].Sum(c => Of(c.Id, path));
            path.Remove(id);
            return result[id] = sum;
        }

        foreach (var n in nodes)
        {
            result[n.Id] = Of(n.Id, []);
        }

        return result;
    }

    /// <summary>True when making <paramref name="parentId"/> the parent of <paramref name="id"/> would put the criterion under itself.</summary>
    public static bool CreatesCycle(IReadOnlyCollection<CriterionNode> nodes, int id, int? parentId)
    {
        var parents = nodes.ToDictionary(n => n.Id, n => n.ParentId);
        var seen = new HashSet<int>();
        for (var p = parentId; p is { } at; p = parents.GetValueOrDefault(at))
        {
            if (at == id || !seen.Add(at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Ids in display order: the tree read depth-first, siblings by their sort order (then code).</summary>
    public static IReadOnlyList<int> DepthFirst(IReadOnlyCollection<CriterionNode> nodes, IReadOnlyDictionary<int, int> sortOrder)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.ToLookup(n => n.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var result = new List<int>(nodes.Count);
        var seen = new HashSet<int>();
        void Visit(int? parent)
        {
            foreach (var n in children[parent].OrderBy(n => sortOrder.GetValueOrDefault(n.Id)).ThenBy(n => n.Code, StringComparer.Ordinal))
            {
                if (seen.Add(n.Id))
                {
                    result.Add(n.Id);
                    Visit(n.Id);
                }
            }
        }

        Visit(null);
        return result;
    }
}

/// <summary>How far a measured figure has come toward a plan target.</summary>
public static class TargetProgress
{
    /// <summary>What is still missing (never negative); for an upper bound, how far the figure is above it.</summary>
    public static decimal Gap(decimal target, decimal current, bool atMost) => Math.Max(0, atMost ? current - target : target - current);

    /// <summary>
    /// Percent of the target reached, 0–100, one decimal: current ÷ target for "at least"; for "at most", 100 when at or
    /// below the bound, otherwise bound ÷ current.
    /// </summary>
    public static decimal Percent(decimal target, decimal current, bool atMost)
    {
        decimal p;
        if (atMost)
        {
            p = current <= target ? 100 : target <= 0 ? 0 : target * 100 / current;
        }
        else
        {
            p = target <= 0 ? 100 : current * 100 / target;
        }

        return Math.Round(Math.Clamp(p, 0, 100), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Compound growth per year, in percent with two decimals, from <paramref name="then"/> to <paramref name="now"/> over
    /// <paramref name="years"/> years ("tăng bình quân x%/năm"); unknown when the base is zero.
    /// </summary>
    public static decimal? AverageYearlyGrowthPercent(long then, long now, int years)
    {
        if (then <= 0 || years <= 0)
        {
            return null;
        }

        var factor = Math.Pow((double)now / then, 1.0 / years);
        return Math.Round((decimal)((factor - 1) * 100), 2, MidpointRounding.AwayFromZero);
    }
}
