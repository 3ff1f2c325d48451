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
    public async Task The_inbox_without_a_status_lists_the_newest_dossier_first()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        await ReceivedAsync(desk, "56.BACAI");
        var newest = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString();

        var list = await ListAsync(desk, "");
        Assert.Equal(newest, list.GetProperty("items")[0].GetProperty("code").GetString());
        Assert.False(list.GetProperty("totalCapped").GetBoolean());
    }

    [Fact]
    public async Task A_list_longer_than_the_cap_says_there_are_more_instead_of_counting_them_all()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        for (var i = 0; i < 3; i++)
        {
            await ReceivedAsync(desk, "56.BACAI");
        }

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == "56.BACAI", Ct);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Desk), new Claim(AppClaims.UnitPath, unit.Path)], "test"));
        var visible = await db.Dossiers.Visible(user).CountAsync(Ct);
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

    private static async Task<JsonElement> ListAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>("/api/v1/dossiers" + query, Ct);
}
