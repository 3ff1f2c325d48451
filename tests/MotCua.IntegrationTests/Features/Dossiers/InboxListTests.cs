using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Issue 25.3: the inbox and the search box answer from an index in its order, and count only up to a cap.</summary>
public sealed class InboxListTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Monday 07/12/2026, 09:00 local time: the two-tier communes (56.BACAI) are in force.
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_code_search_lists_the_exact_code_first_then_the_codes_it_begins_in_code_order()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!);
        }

        foreach (var code in codes)
        {
            var exact = await ListAsync(desk, "?q=" + Uri.EscapeDataString(code));
            Assert.Equal(code, exact.GetProperty("items")[0].GetProperty("code").GetString());
        }

        // The codes share their beginning (unit, year, a running number): a prefix finds each, and only codes that start with it.
        var prefix = codes[0][..^2];
        var found = (await ListAsync(desk, "?q=" + Uri.EscapeDataString(prefix))).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()!).ToArray();
        Assert.All(found, c => Assert.StartsWith(prefix, c, StringComparison.Ordinal));
        Assert.Equal(found.Order(StringComparer.Ordinal), found);
        Assert.Contains(codes[0], found);
        Assert.Empty((await ListAsync(desk, "?q=" + Uri.EscapeDataString(codes[0] + "9"))).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_inbox_without_a_status_lists_the_soonest_appointment_first_as_api_v1_documents()
    {
        // The first dossier is received a week later on the calendar, so it is due last though its id is the smaller.
        app.Clock.SetUtcNow(Today.AddDays(7));
        var desk = await app.ClientFor("motcua.bacai");
        var later = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString();
        app.Clock.SetUtcNow(Today);
        var sooner = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString();

        var items = new List<JsonElement>();
        for (var page = 1; page <= ReadDossiers.MaxPage; page++)
        {
            var list = await ListAsync(desk, "?page=" + page);
            items.AddRange(list.GetProperty("items").EnumerateArray());
            if (items.Count >= list.GetProperty("total").GetInt32())
            {
                break;
            }
        }

        var codes = items.Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.True(codes.IndexOf(sooner) >= 0 && codes.IndexOf(sooner) < codes.IndexOf(later), string.Join(", ", codes));
        var dates = items.Select(i => i.GetProperty("appointmentDate")).Where(d => d.ValueKind == JsonValueKind.String).Select(d => d.GetString()!).ToArray();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task A_list_over_the_cap_keeps_the_soonest_appointment_order_page_by_page()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (user, visible) = await BacAiDeskWithThreeMoreAsync(db);
        var expected = await db.Dossiers.Visible(user).OrderBy(d => d.AppointmentDate).ThenBy(d => d.Id).Select(d => d.Code).Take(3 * ReadDossiers.PageSize).ToListAsync(Ct);
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarService>().ForUnitAsync(null, Ct);
        var today = DateOnly.FromDateTime(Today.UtcDateTime);

        // A cap below the count takes the merged read per status; a cap above it, one sorted read: both give the database's order.
        foreach (var cap in new[] { 1, visible })
        {
            for (var page = 1; page <= 3; page++)
            {
                var rows = await ReadDossiers.ListAsync(db, user, new(null, null, null, null, null, page), today, calendar, Ct, countCap: cap);
                Assert.Equal(cap == 1, rows.TotalCapped);
                Assert.Equal(expected.Skip((page - 1) * ReadDossiers.PageSize).Take(ReadDossiers.PageSize), rows.Items.Select(r => r.Code));
            }
        }
    }

    [Fact]
    public async Task A_name_search_lists_in_name_order_and_stops_at_the_page()
    {
        // The dossier due last and received first gets the name that sorts first: neither date nor id order would list it first.
        app.Clock.SetUtcNow(Today.AddDays(7));
        var desk = await app.ClientFor("motcua.bacai");
        var first = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        app.Clock.SetUtcNow(Today);
        var second = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE \"Dossiers\" SET \"ApplicantName\" = {"Ksor Hơ An"} WHERE \"Code\" = {first}", Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE \"Dossiers\" SET \"ApplicantName\" = {"Ksor Hơ Xuân"} WHERE \"Code\" = {second}", Ct);
        }

        var found = (await ListAsync(desk, "?q=" + Uri.EscapeDataString("Ksor Hơ"))).GetProperty("items").EnumerateArray()
            .Select(i => (Code: i.GetProperty("code").GetString(), Name: i.GetProperty("applicantName").GetString())).ToArray();
        Assert.Equal([(first, "Ksor Hơ An"), (second, "Ksor Hơ Xuân")], found);
    }

    [Fact]
    public async Task A_list_longer_than_the_cap_says_there_are_more_instead_of_counting_them_all()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var (user, visible) = await BacAiDeskWithThreeMoreAsync(db);
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarService>().ForUnitAsync(null, Ct);
        var today = DateOnly.FromDateTime(Today.UtcDateTime);
        ReadDossiers.ListFilter all = new(null, null, null, null, null, null);

        var capped = await ReadDossiers.ListAsync(db, user, all, today, calendar, Ct, countCap: visible - 1);
        Assert.Equal(visible - 1, capped.Total);
        Assert.True(capped.TotalCapped);

        var counted = await ReadDossiers.ListAsync(db, user, all, today, calendar, Ct, countCap: visible);
        Assert.Equal(visible, counted.Total);
        Assert.False(counted.TotalCapped);
    }

    [Fact]
    public async Task Pages_stop_where_the_count_does()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        await ReceivedAsync(desk, "56.BACAI");

        var far = await ListAsync(desk, "?page=100000");
        Assert.Equal(ReadDossiers.MaxPage, far.GetProperty("pageNumber").GetInt32());
    }

    /// <summary>Three more dossiers received at Xã Bác Ái today; its desk officer as a principal, and how many dossiers that officer sees.</summary>
    private async Task<(ClaimsPrincipal User, int Visible)> BacAiDeskWithThreeMoreAsync(AppDbContext db)
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        for (var i = 0; i < 3; i++)
        {
            await ReceivedAsync(desk, "56.BACAI");
        }

        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "56.BACAI", Ct);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Desk), new Claim(AppClaims.UnitPath, unit.Path)], "test"));
        return (user, await db.Dossiers.Visible(user).CountAsync(Ct));
    }

    private static async Task<JsonElement> ListAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers" + query, Ct);
}
