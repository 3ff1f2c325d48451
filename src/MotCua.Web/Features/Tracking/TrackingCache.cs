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

    // PostgreSQL: the heads asked for at the same moment are read together, one command per batch (ADR 0019, amended).
    private static readonly string PostgresBatchSql = HeadSql
        .Replace("a.\"WindowStartUtc\"", "a.\"WindowStartUtc\", d.\"Code\"", StringComparison.Ordinal)
        .Replace("= @code", "= ANY($1)", StringComparison.Ordinal)
        .Replace("LIMIT 1", "", StringComparison.Ordinal);

    private const int MaxIdleSqliteReaders = 16;

    private readonly ConcurrentBag<SqliteCommand> _sqliteReaders = [];

    private readonly HeadBatcher? _postgres = database.Provider == DatabaseProvider.Postgres
        ? new HeadBatcher(NpgsqlDataSource.Create(HeadConnectionString(database.ConnectionString)))
        : null;

    /// <summary>The app's connection string with its own application name (the check has a pool of its own).</summary>
    internal static string HeadConnectionString(string cs)
    {
        var csb = new NpgsqlConnectionStringBuilder(cs);
        csb.ApplicationName ??= "motcua-tracking";
        return csb.ToString();
    }

    /// <summary>The head of the dossier with this code, read from the database now (WAL readers see every committed write).</summary>
    public Task<Head?> HeadAsync(string code, CancellationToken ct) =>
        _postgres is null ? Task.FromResult(SqliteHead(code)) : _postgres.ReadAsync(code, ct);

    /// <summary>
    /// Group read of heads, as the intake's group commit: a request queues its code; each of two readers takes every code
    /// waiting and reads them in one command. A batch starts after its requests arrived, so it sees every commit that
    /// finished before them: the guarantee of one query per request, at one backend execution per batch.
    /// </summary>
    private sealed class HeadBatcher : IDisposable
    {
        private const int MaxBatch = 256;
        private const int Readers = 2;

        private readonly NpgsqlDataSource _source;
        private readonly System.Threading.Channels.Channel<(string Code, TaskCompletionSource<Head?> Done)> _queue =
            System.Threading.Channels.Channel.CreateUnbounded<(string, TaskCompletionSource<Head?>)>();

        private readonly Task[] _readers;

        public HeadBatcher(NpgsqlDataSource source)
        {
            _source = source;
            _readers = [.. Enumerable.Range(0, Readers).Select(_ => Task.Run(RunAsync))];
        }

        public Task<Head?> ReadAsync(string code, CancellationToken ct)
        {
            var done = new TaskCompletionSource<Head?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_queue.Writer.TryWrite((code, done)))
            {
                done.SetException(new ObjectDisposedException(nameof(TrackingCache)));
            }

            return done.Task.WaitAsync(ct);
        }

        private async Task RunAsync()
        {
            var batch = new List<(string Code, TaskCompletionSource<Head?> Done)>(MaxBatch);
            var heads = new Dictionary<string, Head>(MaxBatch, StringComparer.Ordinal);
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                heads.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                try
                {
                    await using var cmd = _source.CreateCommand(PostgresBatchSql);
                    cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(b => b.Code).Distinct(StringComparer.Ordinal)] });
                    await using var reader = await cmd.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                    {
                        heads[reader.GetString(8)] = Read(reader);
                    }

                    batch.ForEach(b => b.Done.SetResult(heads.GetValueOrDefault(b.Code)));
                }
#pragma warning disable CA1031 // Handed to each waiting request, which fails as if it had run the query itself.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    batch.ForEach(b => b.Done.TrySetException(ex));
                }
            }
        }

        public void Dispose()
        {
            _queue.Writer.TryComplete();
            Task.WaitAll(_readers, TimeSpan.FromSeconds(10));
            _source.Dispose();
        }
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
