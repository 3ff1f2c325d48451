namespace MotCua.Domain.ReformPlan;

/// <summary>What a printed "cơ quan chủ trì / phối hợp" text names: specific offices by code, and whole groups.</summary>
public sealed record PrintedUnitMatch(IReadOnlyList<string> Codes, bool AllOffices, bool AllCommunes)
{
    public bool IsEmpty => Codes.Count == 0 && !AllOffices && !AllCommunes;
}

/// <summary>Maps the appendix's unit names to the demo district's office codes; anything else stays text only.</summary>
public static class PrintedUnits
{
    // Keys are normalised (no diacritics, lower case); the codes are the demo office codes of Bác Ái.
    private static readonly (string Key, string Code)[] Offices =
    [
        ("noi vu", "584.NV"),
        ("tu phap", "584.TP"),
        ("tai chinh - ke hoach", "584.TCKH"),
        ("van hoa - thong tin", "584.VHTT"),
        ("giao duc va dao tao", "584.GDDT"),
        ("tai nguyen va moi truong", "584.TNMT"),
        ("van phong hdnd", "584.VP"),
    ];

    public static PrintedUnitMatch Match(string? text)
    {
        var s = Timing.Normalize(text ?? "").Replace('–', '-');
        var codes = new List<string>();
        foreach (var (key, code) in Offices)
        {
            if (s.Contains(key, StringComparison.Ordinal))
            {
                codes.Add(code);
            }
        }

        var allCommunes = s.Contains("cac xa", StringComparison.Ordinal);
        var allOffices = s.StartsWith("cac co quan, don vi thuoc huyen", StringComparison.Ordinal)
            || s.StartsWith("cac co quan, ban, nganh", StringComparison.Ordinal)
            || s.StartsWith("cac phong ban thuoc huyen", StringComparison.Ordinal)
            || s.StartsWith("cac co quan, don vi truc thuoc huyen", StringComparison.Ordinal);
        return new(codes, allOffices, allCommunes);
    }
}
