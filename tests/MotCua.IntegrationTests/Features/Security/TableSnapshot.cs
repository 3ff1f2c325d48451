using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>
/// Every table of the EF model (so a table added later is included without touching the tests), each row keyed by its
/// primary key and read in key order: a digest (row count and hash per table) and an exact diff between two snapshots.
/// </summary>
public sealed class TableSnapshot
{
    public sealed record Row(string Key, IReadOnlyDictionary<string, string> Columns)
    {
        public string Text => string.Join('\u001f', Columns.Select(c => c.Key + "=" + c.Value));
    }

    /// <summary>One table's rows in primary-key order.</summary>
    public sealed record Table(string Name, IReadOnlyList<Row> Rows)
    {
        public IReadOnlyDictionary<string, Row> ByKey { get; } = Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
    }

    public sealed record Change(string Table, string Key, Row? Before, Row? After)
    {
        public bool Added => Before is null;
        public bool Removed => After is null;

        public override string ToString() => Added ? $"+ {Table}[{Key}] {After!.Text}"
            : Removed ? $"- {Table}[{Key}]"
            : $"~ {Table}[{Key}] " + string.Join(", ", After!.Columns.Where(c => Before!.Columns.GetValueOrDefault(c.Key) != c.Value)
                .Select(c => $"{c.Key}: {Short(Before!.Columns.GetValueOrDefault(c.Key))} → {Short(c.Value)}"));
    }

    public IReadOnlyDictionary<string, Table> Tables { get; }

    private TableSnapshot(IReadOnlyDictionary<string, Table> tables) => Tables = tables;

    public const string Null = "∅";

    public static async Task<TableSnapshot> TakeAsync(IServiceProvider services, ISet<string> skipTables, ISet<string> skipColumns)
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            foreach (var (name, keyColumns) in KeyColumns(db.Model).Where(t => !skipTables.Contains(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{name}\"" + (keyColumns.Length > 0 ? " ORDER BY " + string.Join(", ", keyColumns.Select(c => $"\"{c}\"")) : "");
                var rows = new List<Row>();
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        var columns = new SortedDictionary<string, string>(StringComparer.Ordinal);
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            var column = reader.GetName(i);
                            if (!skipColumns.Contains(name + "." + column))
                            {
                                columns[column] = Format(reader.IsDBNull(i) ? null : reader.GetValue(i));
                            }
                        }

                        // A table without a key (none today) is keyed by its whole row.
                        var key = keyColumns.Length > 0 ? string.Join("|", keyColumns.Select(c => columns.GetValueOrDefault(c, "?"))) : string.Join('\u001f', columns.Values);
                        rows.Add(new Row(key, columns));
                    }
                }

                tables[name] = new Table(name, keyColumns.Length > 0 ? rows : [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal)]);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }

        return new TableSnapshot(tables);
    }

    /// <summary>
    /// "Table rows sha" per table over the rows a snapshot would hold (same tables, keys, order and columns), hashed while
    /// they stream by: equal strings mean equal stored data. The matrix tests take one after each of hundreds of requests.
    /// </summary>
    public static async Task<string> DigestAsync(IServiceProvider services, ISet<string> skipTables, ISet<string> skipColumns)
    {
        var ct = TestContext.Current.CancellationToken;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lines = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var text = new StringBuilder();
            foreach (var (name, keyColumns) in KeyColumns(db.Model).Where(t => !skipTables.Contains(t.Key)).OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = $"SELECT * FROM \"{name}\"" + (keyColumns.Length > 0 ? " ORDER BY " + string.Join(", ", keyColumns.Select(c => $"\"{c}\"")) : "");
                var count = 0;
                var keyless = new List<string>();
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                {
                    // The kept columns in ordinal name order, as the snapshot's sorted dictionary holds them (a repeated name: the last).
                    var kept = Enumerable.Range(0, reader.FieldCount).Where(i => !skipColumns.Contains(name + "." + reader.GetName(i)))
                        .GroupBy(reader.GetName, StringComparer.Ordinal).Select(g => (Name: g.Key, Ordinal: g.Last()))
                        .OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
                    var keyAt = keyColumns.Select(k => Array.FindIndex(kept, c => c.Name == k)).ToArray();
                    var values = new string[kept.Length];
                    while (await reader.ReadAsync(ct))
                    {
                        for (var i = 0; i < kept.Length; i++)
                        {
                            values[i] = Format(reader.IsDBNull(kept[i].Ordinal) ? null : reader.GetValue(kept[i].Ordinal));
                        }

                        text.Clear();
                        if (keyColumns.Length > 0)
                        {
                            text.AppendJoin('|', keyAt.Select(i => i < 0 ? "?" : values[i]));
                        }
                        else
                        {
                            text.AppendJoin('\u001f', values);
                        }

                        text.Append('\u001e');
                        for (var i = 0; i < kept.Length; i++)
                        {
                            text.Append(i == 0 ? "" : "\u001f").Append(kept[i].Name).Append('=').Append(values[i]);
                        }

                        if (keyColumns.Length > 0)
                        {
                            hash.AppendData(Encoding.UTF8.GetBytes((count == 0 ? "" : "\n") + text));
                        }
                        else
                        {
                            keyless.Add(text.ToString());
                        }

                        count++;
                    }
                }

                // A table without a key (none today) is keyed by its whole row and read in that order.
                var first = true;
                foreach (var row in keyless.OrderBy(r => r[..r.IndexOf('\u001e', StringComparison.Ordinal)], StringComparer.Ordinal))
                {
                    hash.AppendData(Encoding.UTF8.GetBytes((first ? "" : "\n") + row));
                    first = false;
                }

                lines.Add($"{name} {count} " + Convert.ToHexString(hash.GetHashAndReset())[..16]);
            }
        }
        finally
        {
            await connection.CloseAsync();
        }

        return string.Join("\n", lines);
    }

    /// <summary>Table name → primary-key column names, from the EF model (owned types sharing a table give the same key).</summary>
    public static Dictionary<string, string[]> KeyColumns(IModel model)
    {
        var result = new Dictionary<string, string[]>(StringComparer.Ordinal);
        // Owners first: an owned type in its owner's table (or in a JSON column) has no key of its own there.
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.IsOwned()))
        {
            if (entity.GetTableName() is not { } table || result.ContainsKey(table) || entity.IsMappedToJson())
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            result[table] = entity.FindPrimaryKey()?.Properties.Select(p => p.GetColumnName(store) ?? p.Name).ToArray() ?? [];
        }

        return result;
    }

    /// <summary>Every added, removed and changed row from <paramref name="before"/> to this snapshot, by table and key.</summary>
    public List<Change> Since(TableSnapshot before)
    {
        var changes = new List<Change>();
        foreach (var name in Tables.Keys.Union(before.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.Tables.GetValueOrDefault(name)?.ByKey ?? new Dictionary<string, Row>();
            var now = Tables.GetValueOrDefault(name)?.ByKey ?? new Dictionary<string, Row>();
            foreach (var (key, row) in now)
            {
                if (!old.TryGetValue(key, out var was))
                {
                    changes.Add(new Change(name, key, null, row));
                }
                else if (was.Text != row.Text)
                {
                    changes.Add(new Change(name, key, was, row));
                }
            }

            changes.AddRange(old.Keys.Where(k => !now.ContainsKey(k)).Select(k => new Change(name, k, old[k], null)));
        }

        return changes;
    }

    private static string Format(object? value) => value switch
    {
        null => Null,
        byte[] b => Convert.ToHexString(b),
        // One spelling on both databases for dates (SQLite stores text, Npgsql returns DateTime or DateOnly).
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? Null,
    };

    private static string Short(string? s) => s is null ? Null : s.Length > 60 ? s[..60] + "…" : s;
}
