using MotCua.Domain.Procedures;

namespace MotCua.Web.Features.Procedures;

/// <summary>One group of procedures on the public pages: a life event or a field, with its procedures by name.</summary>
public sealed record ProcedureGroup(string Key, string Name, string? Hint, IReadOnlyList<CatalogueItem> Items);

/// <summary>
/// Groups the catalogue for the citizen's pages: by life event (<see cref="LifeEvents"/>, in table order, a procedure in
/// every event it belongs to, the rest under "Khác") and by field (each procedure in exactly one). Empty groups are left out.
/// </summary>
public static class ProcedureGroups
{
    public const string OtherKey = "khac";

    private static readonly StringComparer Vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);

    public static ProcedureGroup[] ByLifeEvent(IEnumerable<CatalogueItem> items, DateOnly day)
    {
        var events = LifeEvents.On(day);
        var members = events.ToDictionary(e => e.Key, _ => new List<CatalogueItem>());
        var other = new List<CatalogueItem>();
        foreach (var item in items)
        {
            var any = false;
            foreach (var e in events)
            {
                if (e.Covers(item.Entry))
                {
                    members[e.Key].Add(item);
                    any = true;
                }
            }

            if (!any)
            {
                other.Add(item);
            }
        }

        var groups = events.Where(e => members[e.Key].Count > 0).Select(e => new ProcedureGroup(e.Key, e.Name, e.Hint, ByName(members[e.Key]))).ToList();
        if (other.Count > 0)
        {
            groups.Add(new ProcedureGroup(OtherKey, "Khác", null, ByName(other)));
        }

        return [.. groups];
    }

    public static ProcedureGroup[] ByField(IEnumerable<CatalogueItem> items) =>
        [.. items.GroupBy(i => i.Field.Length > 0 ? i.Field : "Khác")
            .OrderBy(g => g.Key, Vietnamese)
            .Select(g => new ProcedureGroup(g.First().Entry.FoldedField is { Length: > 0 } f ? f.Replace(' ', '-') : OtherKey, g.Key, null, ByName(g)))];

    private static CatalogueItem[] ByName(IEnumerable<CatalogueItem> items) => [.. items.OrderBy(i => i.Name, Vietnamese).ThenBy(i => i.Code, StringComparer.Ordinal)];
}
