using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using MotCua.Domain.Identifiers;

namespace MotCua.Web.Features.CitizenData;

/// <summary>The question put to the population database: does this personal ID number have this name and date of birth?</summary>
public sealed record CitizenClaim(string IdNumber, string FullName, DateOnly BirthDate);

/// <summary>The register's answer: <c>match</c>, <c>mismatch</c> (with the fields that differ) or <c>not-found</c>; never the record itself.</summary>
public sealed record RegistryAnswer(string Result, IReadOnlyList<string> Mismatches)
{
    public const string Match = "match";
    public const string Mismatch = "mismatch";
    public const string NotFound = "not-found";

    /// <summary>Set by <see cref="CheckCitizen"/>, never by an adapter: the service timed out or failed.</summary>
    public const string Unavailable = "unavailable";
}

/// <summary>
/// The national population database (CSDLQG về dân cư) / VNeID identity check, reached through an adapter chosen by
/// <c>CitizenData:Provider</c>. An adapter answers or throws (<see cref="HttpRequestException"/>, a timeout or cancellation):
/// <see cref="CheckCitizen"/> turns a failure into "unavailable" and enforces the time limit for every adapter alike.
/// </summary>
public interface ICitizenRegistry
{
    /// <summary>Stored with each check: <c>fake</c> or <c>http</c>.</summary>
    string Name { get; }

    Task<RegistryAnswer> CheckAsync(CitizenClaim claim, CancellationToken ct);
}

/// <summary>The <c>CitizenData</c> configuration section.</summary>
public sealed class CitizenDataOptions
{
    public const string Section = "CitizenData";

    /// <summary><c>None</c> (the default: no lookup offered), <c>Fake</c> (tests and demo; refused in Production) or <c>Http</c>.</summary>
    public string Provider { get; set; } = "None";

    /// <summary>How long a check may take before the desk is told the service is unavailable.</summary>
    public int TimeoutMilliseconds { get; set; } = 8000;

    /// <summary>How long a successful check at the desk can be used for an intake.</summary>
    public int ValidMinutes { get; set; } = 120;

    public HttpRegistryOptions Http { get; set; } = new();

    public FakeRegistryOptions Fake { get; set; } = new();
}

/// <summary>The province's data-sharing gateway (LGSP / NDXP) in front of the population database.</summary>
public sealed class HttpRegistryOptions
{
    /// <summary>The check endpoint; a POST of <c>{"soDinhDanh", "hoTen", "ngaySinh"}</c> (see docs/integrations.md).</summary>
    public string Url { get; set; } = "";

    /// <summary>Sent as <c>Authorization: Bearer …</c>.</summary>
    public string ApiKey { get; set; } = "";
}

public sealed class FakeRegistryOptions
{
    /// <summary>Each answer waits this long, as a remote service would.</summary>
    public int LatencyMilliseconds { get; set; } = 150;
}

public static class CitizenDataProviders
{
    public const string None = "None";
    public const string Fake = "Fake";
    public const string Http = "Http";
}

/// <summary>
/// A stand-in for the population database in tests and the demo, behaving like the remote service: a small register of
/// invented people, latency on every answer, one number that never answers in time and one whose service call fails.
/// </summary>
public sealed class FakeCitizenRegistry(IOptions<CitizenDataOptions> options) : ICitizenRegistry
{
    /// <summary>An ID whose check never answers in time (the caller's time limit ends it).</summary>
    public const string SlowId = "058090000408";

    /// <summary>An ID whose check fails as an unreachable service does.</summary>
    public const string FailingId = "058090000503";

    /// <summary>Invented people only: the demo's citizen account and a few more, all in Ninh Thuận (province code 058).</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, DateOnly Birth)> Register = new Dictionary<string, (string, DateOnly)>(StringComparer.Ordinal)
    {
        ["058090001234"] = ("Chamaléa Thị Dân", new DateOnly(1990, 5, 12)),
        ["058190004321"] = ("Trần Thị Bình", new DateOnly(1990, 11, 3)),
        ["058085000777"] = ("Pi Năng Văn Hoa", new DateOnly(1985, 2, 20)),
        ["058300001111"] = ("Chamaléa Minh", new DateOnly(2000, 7, 1)),
    };

    public string Name => "fake";

    public async Task<RegistryAnswer> CheckAsync(CitizenClaim claim, CancellationToken ct)
    {
        if (claim.IdNumber == SlowId)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        }

        await Task.Delay(Math.Max(0, options.Value.Fake.LatencyMilliseconds), ct);
        if (claim.IdNumber == FailingId)
        {
            throw new HttpRequestException("The population database answered 503 Service Unavailable.");
        }

        if (!Register.TryGetValue(claim.IdNumber, out var person))
        {
            return new RegistryAnswer(RegistryAnswer.NotFound, []);
        }

        var mismatches = CitizenMatch.Mismatches(claim.FullName, claim.BirthDate, person.Name, person.Birth);
        return new RegistryAnswer(mismatches.Count == 0 ? RegistryAnswer.Match : RegistryAnswer.Mismatch, mismatches);
    }
}

/// <summary>
/// The check over HTTP to the province's data-sharing gateway: POST <c>{"soDinhDanh","hoTen","ngaySinh":"yyyy-MM-dd"}</c>, answer
/// <c>{"ketQua": "KHOP" | "KHONG_KHOP" | "KHONG_TIM_THAY", "truongKhongKhop": ["hoTen", "ngaySinh"]}</c>. A 404 is "not found";
/// any other failure, or an answer outside that shape, throws (the check is then "unavailable").
/// </summary>
public sealed class HttpCitizenRegistry(IHttpClientFactory clients, IOptions<CitizenDataOptions> options) : ICitizenRegistry
{
    public const string ClientName = "citizen-data";

    public string Name => "http";

    private sealed record Request(
        [property: JsonPropertyName("soDinhDanh")] string IdNumber,
        [property: JsonPropertyName("hoTen")] string FullName,
        [property: JsonPropertyName("ngaySinh")] string BirthDate);

    private sealed record Answer(
        [property: JsonPropertyName("ketQua")] string? Result,
        [property: JsonPropertyName("truongKhongKhop")] string[]? Fields);

    public async Task<RegistryAnswer> CheckAsync(CitizenClaim claim, CancellationToken ct)
    {
        var o = options.Value.Http;
        using var message = new HttpRequestMessage(HttpMethod.Post, o.Url)
        {
            Content = JsonContent.Create(new Request(claim.IdNumber, claim.FullName, claim.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        };
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", o.ApiKey);
        using var response = await clients.CreateClient(ClientName).SendAsync(message, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return new RegistryAnswer(RegistryAnswer.NotFound, []);
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<Answer>(ct) ?? throw new HttpRequestException("Empty answer from the population database.");
        return answer.Result switch
        {
            "KHOP" => new RegistryAnswer(RegistryAnswer.Match, []),
            "KHONG_TIM_THAY" => new RegistryAnswer(RegistryAnswer.NotFound, []),
            "KHONG_KHOP" => new RegistryAnswer(RegistryAnswer.Mismatch, [.. (answer.Fields ?? []).Select(f => f switch
            {
                "hoTen" => CitizenMatch.FullName,
                "ngaySinh" => CitizenMatch.BirthDate,
                _ => f,
            })]),
            _ => throw new HttpRequestException($"Unexpected answer from the population database: '{answer.Result}'."),
        };
    }
}
