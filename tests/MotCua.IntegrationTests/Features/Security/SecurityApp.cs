using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>The app for the security tests: no background dispatcher nor payment reconciliation (so that stored data only changes by request) and no redirects followed.</summary>
public sealed class SecurityApp : AppFactory
{
    public SecurityApp()
    {
        Settings["Notifications:Dispatcher:Enabled"] = "false";
        // The scheduled reconciliation writes payment issues and expiries on its own clock, mid-fuzz (a PostgreSQL CI flake).
        Settings["Payments:Reconciliation:Enabled"] = "false";
        // One-time codes (sign-up, assisted intake) are read from this fake phone instead of a file.
        Captured = new CapturedMessages();
    }

    /// <summary>Tables whose rows change by design on any request: the audit trail, job runs, key ring.</summary>
    // BookingSlots: a day's slot rows are materialised from the opening hours on first look (a cache); bookings stay checked.
    public static readonly HashSet<string> VolatileTables = ["AuditRecords", "ScheduledRuns", "DataProtectionKeys", "JobLeases", "TrackingAttempts", "BookingSlots"];

    /// <summary>Wrong-code counters that a refused confirmation raises by design (the brute-force limit): left out of the digest.</summary>
    public static readonly HashSet<string> VolatileColumns = ["OneTimeCodes.Attempts"];

    public HttpClient Raw() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>A client for one of <see cref="Principals.All"/>: anonymous, or a bearer token of the demo account.</summary>
    public async Task<HttpClient> As(string principal)
    {
        var client = Raw();
        if (Principals.Account(principal) is not { } userName)
        {
            return client;
        }

        if (!_tokens.TryGetValue(userName, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = userName, password = DemoPassword }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
            token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString()!;
            _tokens[userName] = token;
        }

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Row count and SHA-256 per table over its rows in key order, except <see cref="VolatileTables"/>: any stored change shows, with its table's name.</summary>
    public Task<string> DigestAsync() => TableSnapshot.DigestAsync(Services, VolatileTables, VolatileColumns);

    /// <summary>Every table's rows by primary key (EF model), without <see cref="VolatileTables"/> and <see cref="VolatileColumns"/>.</summary>
    public Task<TableSnapshot> SnapshotAsync() => TableSnapshot.TakeAsync(Services, VolatileTables, VolatileColumns);
}

/// <summary>Who the matrix asks as: anonymous, the citizen, each staff role, and a desk officer of another commune.</summary>
public static class Principals
{
    public const string Anonymous = "anonymous";
    public const string Citizen = "citizen";
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string Desk = "desk";
    public const string Specialist = "specialist";
    public const string Reform = "reform";
    public const string OtherCommune = "other-commune";

    /// <summary>The column order of the expectation strings in <see cref="EndpointAccess"/>.</summary>
    public static readonly string[] All = [Anonymous, Citizen, Admin, Leader, Desk, Specialist, Reform, OtherCommune];

    public static string? Account(string principal) => principal switch
    {
        Citizen => "congdan",
        Admin => "admin",
        Leader => "lanhdao",
        Desk => "motcua",
        Specialist => "chuyenvien",
        Reform => "noivu",
        OtherCommune => "motcua.phuoctien",
        _ => null,
    };
}
