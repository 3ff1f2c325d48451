using System.Text;

namespace MotCua.IntegrationTests.Features.Security;

/// <summary>Every endpoint and page against anonymous, the citizen, each staff role and a desk officer of another commune.</summary>
public sealed class AuthorizationMatrixTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    [Fact]
    public void Every_endpoint_and_page_is_classified()
    {
        var mapped = EndpointCatalog.Discover(app.Services);
        var classified = EndpointAccess.Table.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var unclassified = mapped.Where(k => !classified.Contains(k)).ToList();
        var stale = classified.Where(k => !mapped.Contains(k)).ToList();

        Assert.True(unclassified.Count == 0, "Add these to tests/MotCua.IntegrationTests/Features/Security/EndpointAccess.cs:\n" + string.Join("\n", unclassified));
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist:\n" + string.Join("\n", stale));
        Assert.Equal(EndpointAccess.Table.Length, classified.Count);
        Assert.All(EndpointAccess.Table, r => Assert.Matches("^[YNR]{8}$", r.Expect));
    }

    [Fact]
    public void Every_write_that_someone_may_do_sends_a_valid_body()
    {
        // The placeholder bodies ("{}", a form with one stray field) only reach the handler's checks: an allowed write needs
        // its Valid body, a fixed body of its own, or none by design (NoBody), or "allowed" would mean "refused for bad input".
        var missing = EndpointAccess.Table
            .Where(r => r.Expect.Contains('Y') && r.Key.Split(' ')[0] is "POST" or "PUT" or "PATCH" && r.Valid is null && (r.Body is null || Equals(r.Body, EndpointAccess.Form)))
            .Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, "Give these rows a Valid body in EndpointAccess.cs:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Each_principal_gets_exactly_what_the_table_says_and_refused_requests_store_nothing()
    {
        var values = await EndpointCatalog.SampleValuesAsync(app);
        await EndpointCatalog.FreshValuesAsync(app, values);
        var dossierCode = values["dossier"];
        var failures = new List<string>();
        var tried = 0;
        var number = 0;

        // Refusals first: none of them may change a stored row, whoever asks.
        var before = await app.DigestAsync();
        foreach (var (row, principal, expected) in Cases().Where(c => c.Expected != 'Y'))
        {
            tried++;
            await CheckAsync(row, principal, expected);
            var after = await app.DigestAsync();
            if (after != before)
            {
                failures.Add($"{row.Key} as {principal}: refused ({expected}) but a stored row changed");
                before = after;
            }
        }


        foreach (var (row, principal, expected) in Cases().Where(c => c.Expected == 'Y'))
        {
            tried++;
            await CheckAsync(row, principal, expected);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} requests disagree with EndpointAccess.cs:\n" + string.Join("\n", failures));

        async Task CheckAsync(EndpointAccess.Row row, string principal, char expected)
        {
            var client = await app.As(principal);
            using var request = EndpointCatalog.Request(row, values, principal, ++number);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var actual = Outcome(response);
            // Allowed means the action succeeded (2xx or a redirect that is not to sign-in): a handler's 4xx is an R, never a Y.
            if (actual != expected)
            {
                failures.Add($"{row.Key} as {principal}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location}) {Shorten(body)}");
            }

            // No cross-unit read: the other commune and anonymous callers never see the applicant's ID number, nor the dossier outside tracking.
            if (principal is Principals.OtherCommune or Principals.Anonymous && body.Contains("058090001234", StringComparison.Ordinal))
            {
                failures.Add($"{row.Key} as {principal}: the response shows the applicant's full ID number");
            }

            if (principal == Principals.OtherCommune && !row.Key.Contains("tracking", StringComparison.OrdinalIgnoreCase)
                && !row.Key.Contains("Tracking", StringComparison.Ordinal) && body.Contains(dossierCode, StringComparison.Ordinal))
            {
                failures.Add($"{row.Key} as {principal}: the response names a dossier of another unit");
            }
        }
    }

    // The desk runs last on each row: its allowed write (a supplement request) must not change what the others see.
    private static IEnumerable<(EndpointAccess.Row Row, string Principal, char Expected)> Cases() =>
        from row in EndpointAccess.Table
        from i in Enumerable.Range(0, Principals.All.Length)
        orderby row.Key, Principals.All[i] == Principals.Desk ? 1 : 0
        select (row, Principals.All[i], row.Expect[i]);

    /// <summary>Y allowed, N refused by authorization or scope, R refused by the handler, 5 server error.</summary>
    public static char Outcome(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        return status switch
        {
            >= 500 => '5',
            401 or 403 or 404 => 'N',
            >= 300 and < 400 when SignInOrDenied(location) => 'N',
            >= 400 => 'R',
            _ => 'Y',
        };
    }

    private static bool SignInOrDenied(string location) =>
        location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) || location.Contains("/Account/Denied", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string body)
    {
        var s = new StringBuilder(body.Length > 160 ? body[..160] : body).Replace('\n', ' ').ToString();
        return s;
    }
}
