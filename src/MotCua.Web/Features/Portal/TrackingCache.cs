using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

/// <summary>
/// Built tracking answers, each tagged with what it was built from: the dossier's version and head of its history chain
/// (every event moves the head, every edit the version) and the calendar version. Every request reads those from the
/// database first and uses the entry only if all three still match, so an answer is never older than the dossier, on any
/// instance. Units are dated (a rename is a new unit row reached through an event), so their names need no tag.
/// </summary>
public sealed class TrackingCache(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
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

    private static readonly Func<AppDbContext, string, CancellationToken, Task<Head?>> HeadQuery =
        EF.CompileAsyncQuery((AppDbContext db, string code, CancellationToken ct) => db.Dossiers.AsNoTracking()
            .Where(d => d.Code == code)
            .Select(d => new Head(
                d.Id, d.Version, d.LastHash, d.Applicant.IdNumber, d.Applicant.Phone,
                db.CalendarChanges.Max(c => (long?)c.Id),
                db.TrackingAttempts.Where(a => a.Code == code).Select(a => (int?)a.Failures).FirstOrDefault(),
                db.TrackingAttempts.Where(a => a.Code == code).Select(a => (DateTime?)a.WindowStartUtc).FirstOrDefault()))
            .FirstOrDefault());

    public static Task<Head?> HeadAsync(AppDbContext db, string code, CancellationToken ct) => HeadQuery(db, code, ct);

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
