using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure;
using Npgsql;

namespace MotCua.Web.Features.Tracking;

/// <summary>
/// Built tracking answers, each tagged with what it was built from: the dossier's version and head of its history chain
/// (every event moves the head, every edit the version) and the calendar version. Every request reads those from the
/// database first and uses the entry only if all three still match, so an answer is never older than the dossier, on any
/// instance. Units are dated (a rename is a new unit row reached through an event), so their names need no tag.
/// </summary>
public sealed class TrackingCache(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, DatabaseConnection database) : IDisposable
{
    // ~2 KB each: bounded so that cycling through every code of a province cannot grow the process.
    private const int MaxEntries = 20_000;

    public sealed record Tag(int Version, string? LastHash, long CalendarVersion);

    /// <summary>What the look-up needs before the answer: the tag, the verifier's fields and the code's failure window.</summary>
    public sealed record Head(long Id, int Version, string? LastHash, string? IdNumber, string? Phone, long? CalendarVersion, int? Failures, DateTime? WindowStartUtc)
    {
        public Tag Tag => new(Version, LastHash, CalendarVersion ?? 0);
    }

    /// <summary>An answer with its JSON (the API's body, serialized once with the API's options).</summary>
    public sealed record Entry(Tag Tag, Dossiers.TrackingDto Answer, byte[] Json);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // One SQL text for both providers. SQLite runs it on connections kept open with the statement prepared: per request,
    // a pool open (lock, EF's function registration), the statement's preparation and the close cost several times the query.
    private const string HeadSql = """
        SELECT d."Id", d."Version", d."LastHash", d."ApplicantIdNumber", d."ApplicantPhone",
               (SELECT MAX(c."Id") FROM "CalendarChanges" AS c), a."Failures", a."WindowStartUtc"
        FROM "Dossiers" AS d LEFT JOIN "TrackingAttempts" AS a ON a."Code" = d."Code"
        WHERE d."Code" = @code
        LIMIT 1
        """;

    // Positional: Npgsql sends it as written instead of rewriting named parameters on every execution.
    private static readonly string PostgresHeadSql = HeadSql.Replace("@code", "$1", StringComparison.Ordinal);

    private const int MaxIdleSqliteReaders = 16;

    private readonly ConcurrentBag<SqliteCommand> _sqliteReaders = [];

    // PostgreSQL: a data source of its own, without EF, multiplexed (docs/decisions/0019-npgsql-settings.md).
    private readonly NpgsqlDataSource? _postgres = database.Provider == DatabaseProvider.Postgres
        ? NpgsqlDataSource.Create(HeadConnectionString(database.ConnectionString))
        : null;

    /// <summary>The app's connection string with multiplexing on (unless it says otherwise) and its own application name.</summary>
    internal static string HeadConnectionString(string cs)
    {
        var csb = new NpgsqlConnectionStringBuilder(cs);
        if (!DatabaseSetup.Sets(cs, "Multiplexing"))
        {
            csb.Multiplexing = true;
        }

        csb.ApplicationName ??= "motcua-tracking";
        return csb.ToString();
    }

    /// <summary>The head of the dossier with this code, read from the database now (WAL readers see every committed write).</summary>
    public async Task<Head?> HeadAsync(string code, CancellationToken ct)
    {
        if (_postgres is null)
        {
            return SqliteHead(code);
        }

        await using var cmd = _postgres.CreateCommand(PostgresHeadSql);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private Head? SqliteHead(string code)
    {
        if (!_sqliteReaders.TryTake(out var cmd))
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString());
            connection.Open();
            cmd = connection.CreateCommand();
            cmd.CommandText = HeadSql;
            cmd.Parameters.Add("@code", SqliteType.Text);
            cmd.Prepare();
        }

        try
        {
            cmd.Parameters[0].Value = code;
            using var reader = cmd.ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }
        finally
        {
            if (_sqliteReaders.Count < MaxIdleSqliteReaders)
            {
                _sqliteReaders.Add(cmd);
            }
            else
            {
                cmd.Connection!.Dispose();
                cmd.Dispose();
            }
        }
    }

    private static Head Read(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetInt64(5), r.IsDBNull(6) ? null : r.GetInt32(6),
        r.IsDBNull(7) ? null : DateTime.SpecifyKind(r.GetDateTime(7), DateTimeKind.Utc));

    public void Dispose()
    {
        _postgres?.Dispose();
        while (_sqliteReaders.TryTake(out var cmd))
        {
            cmd.Connection!.Dispose();
            cmd.Dispose();
        }
    }

    public Entry? Get(string code, Tag tag) =>
        _entries.TryGetValue(code, out var e) && e.Tag == tag ? e : null;

    public Entry Set(string code, Tag tag, Dossiers.TrackingDto answer)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        return _entries[code] = new Entry(tag, answer, Serialize(answer));
    }

    public byte[] Serialize(Dossiers.TrackingDto answer) => JsonSerializer.SerializeToUtf8Bytes(answer, json.Value.SerializerOptions);
}

/// <summary>200 with a tracking answer's JSON as built once by <see cref="TrackingCache"/>; described as <see cref="Dossiers.TrackingDto"/>.</summary>
public sealed class TrackingJson(byte[] json) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, 0, json.Length, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Dossiers.TrackingDto), ["application/json"]));
}
