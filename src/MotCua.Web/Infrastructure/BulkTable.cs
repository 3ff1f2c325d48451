using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NpgsqlTypes;

namespace MotCua.Web.Infrastructure;

/// <summary>
/// The insertable columns of one entity read off the EF model (names, converters, owned columns, maximum lengths), so that the
/// plain ADO.NET statements of the bulk import and the intake writer follow the model when a column is added instead of
/// repeating it by hand.
/// </summary>
public sealed class BulkTable
{
    public sealed record Column(string Name, Type ElementType, Func<object, object?> Get);

    public required string Name { get; init; }
    public required IReadOnlyList<Column> Columns { get; init; }

    public static BulkTable For<T>(IModel model, params string[] skip)
    {
        var type = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        List<Column> columns = [];
        void AddFrom(IEntityType entity, Func<object, object?> owner)
        {
            foreach (var p in entity.GetProperties().Where(p => !p.IsPrimaryKey() && !p.IsShadowProperty() && !skip.Contains(p.Name)))
            {
                var getter = p.GetGetter();
                var converter = p.GetTypeMapping().Converter;
                var provider = converter is null ? p.ClrType : converter.ProviderClrType;
                var max = p.GetMaxLength();
                var field = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
                // A converter's provider type is never Nullable<>: a null in a DateTime[] would become DateTime.MinValue.
                if (p.IsNullable && provider.IsValueType && Nullable.GetUnderlyingType(provider) is null)
                {
                    provider = typeof(Nullable<>).MakeGenericType(provider);
                }

                columns.Add(new Column(
                    p.GetColumnName(),
                    provider,
                    o => owner(o) is { } x && getter.GetClrValue(x) is { } v ? Checked(converter is null ? v : converter.ConvertToProvider(v)) : null));
                object? Checked(object? v) => v is string s && s.Length > max ? throw new ValueTooLongException(field, max.Value) : v;
            }

            foreach (var n in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
            {
                var nav = n.GetGetter();
                AddFrom(n.TargetEntityType, o => owner(o) is { } x ? nav.GetClrValue(x) : null);
            }
        }

        AddFrom(type, o => o);
        return new BulkTable { Name = type.GetTableName()!, Columns = columns };
    }

    public string ColumnList(string prefix = "") => string.Join(", ", Columns.Select(c => $"{prefix}\"{c.Name}\""));

    /// <summary>
    /// SQLite: one prepared single-row INSERT, reused for every row (SQLite looks named parameters up linearly, so many rows per
    /// statement cost O(n²)). <paramref name="first"/> is an extra leading column bound by the caller as parameter 0.
    /// </summary>
    public DbCommand PrepareSqliteInsert(DbConnection connection, DbTransaction transaction, string suffix = "", string? first = null)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        List<string> names = [.. first is null ? [] : new[] { first }, .. Columns.Select(c => c.Name)];
        cmd.CommandText = $"INSERT INTO \"{Name}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => $"@p{i}"))}){suffix}";
        for (var i = 0; i < names.Count; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = $"@p{i}";
            cmd.Parameters.Add(p);
        }

        cmd.Prepare();
        return cmd;
    }

    /// <summary>Binds one row to a command from <see cref="PrepareSqliteInsert"/> (after <paramref name="offset"/> leading parameters).</summary>
    public void BindSqlite(DbCommand cmd, object row, int offset = 0)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            cmd.Parameters[offset + i].Value = SqliteValue(Columns[i].Get(row));
        }
    }

    /// <summary>
    /// SQLite: every row of a batch in one INSERT … SELECT from <c>jsonb_each(@name)</c> (the JSONB form: each row's element is handed out as a binary slice, not rendered back to text for every column read), whose parameter is <c>SqliteJson</c>
    /// (issue 25.2): the per-row cost of a prepared statement from .NET (binding each column by name, marshalling each string)
    /// was twenty times SQLite's own B-tree work. <paramref name="first"/> is an extra leading column given by the JSON rows.
    /// </summary>
    public string SqliteJsonInsertSql(string name, string suffix = "", string? first = null)
    {
        List<string> names = [.. first is null ? [] : new[] { first }, .. Columns.Select(c => c.Name)];
        // "WHERE true" lets an ON CONFLICT clause follow a SELECT (SQLite's parsing ambiguity with a join's ON).
        return $"INSERT INTO \"{Name}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) "
            + $"SELECT {string.Join(", ", names.Select((_, i) => $"value ->> {i}"))} FROM jsonb_each(@{name}) WHERE true{suffix}";
    }

    /// <summary>The rows as one JSON array of arrays in column order (values as <see cref="SqliteValue"/> binds them).</summary>
    public string SqliteJson(IEnumerable<object> rows) => SqliteJson(rows.Select(r => ((long?)null, r)));

    /// <summary>The same, each row led by the value of the extra first column of <see cref="SqliteJsonInsertSql"/>.</summary>
    public string SqliteJson(IEnumerable<(long? First, object Row)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            json.WriteStartArray();
            foreach (var (first, row) in rows)
            {
                json.WriteStartArray();
                if (first is { } f)
                {
                    json.WriteNumberValue(f);
                }

                foreach (var column in Columns)
                {
                    WriteJsonValue(json, SqliteValue(column.Get(row)));
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The JSON form whose <c>->></c> gives back the SQL value Microsoft.Data.Sqlite would bind (TEXT, INTEGER or NULL).</summary>
    public static void WriteJsonValue(Utf8JsonWriter json, object value)
    {
        ArgumentNullException.ThrowIfNull(json);
        switch (value)
        {
            case DBNull: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteNumberValue(b ? 1 : 0); break;
            case long l: json.WriteNumberValue(l); break;
            case int i: json.WriteNumberValue(i); break;
            case short h: json.WriteNumberValue(h); break;
            case byte y: json.WriteNumberValue(y); break;
            case Enum e: json.WriteNumberValue(Convert.ToInt64(e, CultureInfo.InvariantCulture)); break;
            default: throw new NotSupportedException($"No JSON bulk mapping for {value.GetType().Name}.");
        }
    }

    /// <summary>PostgreSQL: every row of a batch in one INSERT from unnest arrays (parameters from <see cref="PostgresArrays"/> with the same prefix).</summary>
    public string PostgresInsertSql(string prefix, string suffix = "") =>
        $"INSERT INTO \"{Name}\" ({ColumnList()}) SELECT * FROM unnest({string.Join(", ", Columns.Select((_, i) => $"@{prefix}{i}"))}){suffix}";

    /// <summary>SQLite stores dates and instants as text in EF Core's formats; everything else binds as is.</summary>
    public static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>One typed PostgreSQL array per column (for unnest): the rows of a batch travel as a few parameters.</summary>
    public Npgsql.NpgsqlParameter[] PostgresArrays<TRow>(IReadOnlyList<TRow> rows, string prefix)
        where TRow : notnull
    {
        var result = new Npgsql.NpgsqlParameter[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            var array = Array.CreateInstance(column.ElementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                array.SetValue(column.Get(rows[i]), i);
            }

            result[c] = new Npgsql.NpgsqlParameter($"{prefix}{c}", NpgsqlDbType.Array | DbType(column.ElementType)) { Value = array };
        }

        return result;
    }

    public static NpgsqlDbType DbType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(short) => NpgsqlDbType.Smallint,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
        var t when t == typeof(DateTime) => NpgsqlDbType.TimestampTz,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
        var t => throw new NotSupportedException($"No bulk mapping for {t.Name}."),
    };
}
