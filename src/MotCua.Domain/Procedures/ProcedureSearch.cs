namespace MotCua.Domain.Procedures;

/// <summary>What the ranking needs of a procedure: its folded name and field, computed once per catalogue version.</summary>
public sealed record SearchEntry(string Code, string FoldedName, string FoldedField)
{
    // Precomputed once per catalogue version so that ranking a query allocates nothing per procedure.
    internal string PaddedName { get; } = " " + FoldedName + " ";

    internal string NameWithoutPrefix { get; } = FoldedName.StartsWith("thu tuc ", StringComparison.Ordinal) ? FoldedName[8..] : FoldedName;

    internal string[] NameWords { get; } = FoldedName.Split(' ');

    internal string[] FieldWords { get; } = FoldedField.Split(' ');

    public static SearchEntry Create(string code, string name, string field) => new(code, TextFolding.Fold(name), TextFolding.Fold(field));
}

public sealed record SearchHit(SearchEntry Entry, int Rank);

/// <summary>Ranked, diacritics-insensitive search: exact name &gt; phrase in name &gt; all words in name &gt; all words in name and field.</summary>
public static class ProcedureSearch
{
    public const int ExactName = 4;
    public const int PhraseInName = 3;
    public const int AllWordsInName = 2;
    public const int AllWordsInNameAndField = 1;

    public static int Rank(SearchEntry entry, string foldedQuery, string[] words) =>
        Rank(entry, foldedQuery, " " + foldedQuery + " ", words);

    private static int Rank(SearchEntry entry, string foldedQuery, string paddedQuery, string[] words)
    {
        if (words.Length == 0)
        {
            return 0;
        }

        // Many national names start with "Thủ tục": "đăng ký khai sinh" is the exact name of "Thủ tục đăng ký khai sinh".
        if (entry.NameWithoutPrefix == foldedQuery || entry.FoldedName == foldedQuery || entry.Code == foldedQuery)
        {
            return ExactName;
        }

        if (entry.PaddedName.Contains(paddedQuery, StringComparison.Ordinal))
        {
            return PhraseInName;
        }

        // Whole words, except that the last word of three letters or more may be unfinished ("khai sin").
        var inName = true;
        var inNameOrField = true;
        for (var i = 0; i < words.Length && inNameOrField; i++)
        {
            var last = i == words.Length - 1;
            if (!HasWord(entry.NameWords, words[i], last))
            {
                inName = false;
                inNameOrField = HasWord(entry.FieldWords, words[i], last);
            }
        }

        return inName ? AllWordsInName : inNameOrField ? AllWordsInNameAndField : 0;
    }

    /// <summary>Ranks <paramref name="entries"/> for <paramref name="query"/>; ties go to the shorter name, then the code.</summary>
    public static List<SearchHit> Search(IEnumerable<SearchEntry> entries, string? query)
    {
        var folded = TextFolding.Fold(query);
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var padded = " " + folded + " ";
        var hits = new List<SearchHit>();
        foreach (var entry in entries)
        {
            var rank = words.Length == 0 ? 0 : Rank(entry, folded, padded, words);
            if (rank > 0 || words.Length == 0)
            {
                hits.Add(new SearchHit(entry, rank));
            }
        }

        hits.Sort(static (a, b) =>
        {
            var c = b.Rank.CompareTo(a.Rank);
            if (c == 0 && a.Rank > 0)
            {
                c = a.Entry.FoldedName.Length.CompareTo(b.Entry.FoldedName.Length);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Entry.Code, b.Entry.Code);
        });
        return hits;
    }

    private static bool HasWord(string[] haystack, string word, bool last)
    {
        var prefix = last && word.Length >= 3;
        foreach (var w in haystack)
        {
            if (prefix ? w.StartsWith(word, StringComparison.Ordinal) : w == word)
            {
                return true;
            }
        }

        return false;
    }
}
