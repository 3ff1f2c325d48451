using System.Globalization;
using System.Text;

namespace MotCua.Web.Features.Dossiers;

/// <summary>
/// The compact form of a dossier's plain components (issue 25 item 5, ADR 0020): a component of the procedure version's
/// list with no file, no reuse and a usual kind is one short token of <see cref="Dossier.Components"/> instead of a row
/// (~165 bytes on PostgreSQL with its two index entries). Tokens are comma-separated, in the order handed in:
/// <c>{item}{kind}[{count}][n]</c> — item: the position in the version's list (from 0); kind: c copy, o original,
/// t certified-copy; count only when it is not 1; n: the name is the list's name trimmed and in Unicode form C (the intake
/// normalizes, a few catalogue names are decomposed). <c>*</c> takes the next stored row (<see cref="Dossier.DocumentRows"/>,
/// in id order). E.g. <c>0o,1c2,*,2tn</c>.
/// </summary>
public static class DossierComponents
{
    private static readonly (string Kind, char Code)[] Kinds = [("copy", 'c'), ("original", 'o'), ("certified-copy", 't')];

    /// <summary>The components in order: compact ones rebuilt from the version's list, rows where the tokens say.</summary>
    public static List<DossierDocument> Merge(Dossier d)
    {
        var rows = d.DocumentRows.OrderBy(x => x.Id == 0 ? long.MaxValue : x.Id).ToList();
        if (string.IsNullOrEmpty(d.Components))
        {
            return rows;
        }

        var names = d.ComponentList ?? [];
        var list = new List<DossierDocument>();
        var next = 0;
        var position = -1;
        foreach (var token in d.Components.Split(','))
        {
            position++;
            if (token == "*")
            {
                if (next < rows.Count)
                {
                    list.Add(rows[next++]);
                }

                continue;
            }

            var (item, kind, count, normalized) = Parse(token);
            var name = item < names.Length ? names[item] : $"#{item + 1}";
            list.Add(new DossierDocument
            {
                DossierId = d.Id,
                Name = normalized ? Normal(name) : name,
                ProcedureId = d.ProcedureId,
                Item = (short)item,
                Kind = kind,
                Count = count,
                CompactPosition = position,
            });
        }

        // Rows the tokens do not account for (never written so) are not hidden.
        list.AddRange(rows.Skip(next));
        return list;
    }

    /// <summary>The compact column (null when every component is a row) and the components that stay rows, in order.</summary>
    public static (string? Components, List<DossierDocument> Rows) Pack(Dossier d, IReadOnlyList<DossierDocument> documents)
    {
        var names = d.ComponentList;
        var rows = new List<DossierDocument>();
        var text = new StringBuilder();
        var compact = false;
        foreach (var doc in documents)
        {
            var token = Token(d, doc, names);
            if (token is null)
            {
                rows.Add(doc);
            }

            compact |= token is not null;
            text.Append(text.Length == 0 ? "" : ",").Append(token ?? "*");
        }

        return (compact ? text.ToString() : null, rows);
    }

    /// <summary>The token of a component that carries nothing of its own, else null (it stays, or becomes, a row).</summary>
    private static string? Token(Dossier d, DossierDocument doc, string[]? names)
    {
        // A stored row keeps its id (a later dossier may reuse it by id); only new or compact components are compact.
        if (doc.Id != 0 || doc.FileId is not null || doc.Reused || doc.ReusedFromDocumentId is not null
            || doc.ReusedFromStoredDocumentId is not null || doc.ReuseConsented || doc.Count < 1
            || Array.FindIndex(Kinds, k => k.Kind == doc.Kind) is var kind && kind < 0 || names is null)
        {
            return null;
        }

        var item = doc.Item is { } i && doc.ProcedureId == d.ProcedureId && i < names.Length && names[i] == doc.Name ? i : Array.IndexOf(names, doc.Name);
        var normalized = false;
        if (item < 0)
        {
            item = Array.FindIndex(names, n => Normal(n) == doc.Name);
            normalized = true;
        }

        if (item < 0)
        {
            return null;
        }

        var count = doc.Count == 1 ? "" : doc.Count.ToString(CultureInfo.InvariantCulture);
        return $"{item.ToString(CultureInfo.InvariantCulture)}{Kinds[kind].Code}{count}{(normalized ? "n" : "")}";
    }

    private static (int Item, string Kind, int Count, bool Normalized) Parse(string token)
    {
        var at = 0;
        while (at < token.Length && char.IsAsciiDigit(token[at]))
        {
            at++;
        }

        var item = int.Parse(token.AsSpan(0, at), CultureInfo.InvariantCulture);
        var kind = Array.Find(Kinds, k => k.Code == token[at]).Kind ?? "copy";
        var normalized = token.EndsWith('n');
        var digits = token.AsSpan(at + 1, token.Length - at - 1 - (normalized ? 1 : 0));
        return (item, kind, digits.IsEmpty ? 1 : int.Parse(digits, CultureInfo.InvariantCulture), normalized);
    }

    private static string Normal(string name) => name.Trim().Normalize(NormalizationForm.FormC);
}
