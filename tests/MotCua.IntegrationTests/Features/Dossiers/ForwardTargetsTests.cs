using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>
/// Issue 21.3: the dossier page's forward select lists exactly the units the forward action accepts (every unit of the
/// database is tried), starts on an empty "— Chọn đơn vị —" option and preselects none.
/// </summary>
public sealed partial class ForwardTargetsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string JointBirth = "2.001023"; // liên thông khai sinh – thẻ BHYT: a commune procedure with a liên thông step at 584.TP

    private sealed record Option(string Value, string Text, bool Selected);

    private static Option[] ForwardOptions(string html)
    {
        var select = ForwardSelect().Match(html);
        Assert.True(select.Success, "The page has no forward select.");
        Assert.Contains(" required", select.Groups["attrs"].Value, StringComparison.Ordinal);
        return [.. OptionTag().Matches(select.Groups["body"].Value).Select(m => new Option(
            m.Groups["value"].Value, WebUtility.HtmlDecode(m.Groups["text"].Value).Trim(), m.Groups["attrs"].Value.Contains("selected", StringComparison.Ordinal)))];
    }

    private async Task<string[]> AllUnitCodesAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Units.AsNoTracking().OrderBy(u => u.Path).Select(u => u.Code).ToArrayAsync(Ct);
    }

    /// <summary>Reads the options as the desk sees them, then tries every unit of the database: accepted exactly when offered.</summary>
    private async Task<string[]> AssertOptionsAreWhatTheServerAcceptsAsync(string deskUser, string unitCode, string procedureCode)
    {
        var desk = await app.ClientFor(deskUser);
        var page = await PageClient.SignedInAsync(app, deskUser);
        var code = (await ReceivedAsync(desk, unitCode, procedureCode)).GetProperty("code").GetString()!;
        var options = ForwardOptions(await page.GetStringAsync($"/Dossiers/Details?code={code}", Ct));

        Assert.Equal(new Option("", "— Chọn đơn vị —", false), options[0]);
        Assert.DoesNotContain(options, o => o.Selected);
        string[] offered = [.. options.Skip(1).Select(o => o.Value)];
        Assert.NotEmpty(offered);
        Assert.Equal(offered.Length, offered.Distinct().Count());

        foreach (var unit in await AllUnitCodesAsync())
        {
            if (offered.Contains(unit))
            {
                var fresh = (await ReceivedAsync(desk, unitCode, procedureCode)).GetProperty("code").GetString()!;
                var done = await ActOkAsync(desk, fresh, new { action = "forward", toUnitCode = unit });
                Assert.Equal("InProcess", done.GetProperty("status").GetString());
            }
            else
            {
                var refused = await ActAsync(desk, code, new { action = "forward", toUnitCode = unit });
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
                Assert.True(problem.GetProperty("errors").TryGetProperty("toUnitCode", out _), $"{unit}: {problem}");
            }
        }

        Assert.Equal("Received", (await GetAsync(desk, code)).GetProperty("status").GetString());
        return offered;
    }

    [Fact]
    public async Task Today_a_commune_desk_is_offered_exactly_the_communes_that_take_the_procedure_and_never_the_province()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var offered = await AssertOptionsAreWhatTheServerAcceptsAsync("motcua.bacai", "56.BACAI", Certification);

        // Its own commune first, then the other communes of today that receive certifications; not the province.
        Assert.Equal(["56.BACAI", "56.BACAIDONG", "56.BACAITAY"], offered);
    }

    [Fact]
    public async Task Before_the_reform_the_district_desk_forwards_to_the_district_offices_and_the_competent_communes()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 3, 2, 0, 0, TimeSpan.Zero));
        var offered = await AssertOptionsAreWhatTheServerAcceptsAsync("motcua", "584.MC", Certification);

        Assert.Contains("584.TCKH", offered); // the office that processes for the district, as in the demo walk
        Assert.Contains("22783", offered);
        Assert.DoesNotContain("58", offered);
        Assert.DoesNotContain("56.BACAI", offered); // not yet in force on 03/06/2025
    }

    [Fact]
    public async Task A_procedure_with_an_inter_unit_step_offers_that_unit_and_no_office_that_does_not_take_it()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 4, 2, 0, 0, TimeSpan.Zero));
        var offered = await AssertOptionsAreWhatTheServerAcceptsAsync("motcua.phuocbinh", "22783", JointBirth);

        Assert.Contains("584.TP", offered); // the liên thông step of the procedure's plan
        Assert.DoesNotContain("584.TCKH", offered);
        Assert.DoesNotContain("584.MC", offered); // the district desk takes certifications, not civil status
    }

    [Fact]
    public async Task The_specialist_and_the_leader_see_the_same_targets_without_a_preselected_one()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;
        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });

        foreach (var user in new[] { "chuyenvien.bacai", "lanhdao.bacai" })
        {
            var html = await (await PageClient.SignedInAsync(app, user)).GetStringAsync($"/Dossiers/Details?code={code}", Ct);
            var options = ForwardOptions(html);
            Assert.Equal(["", "56.BACAI", "56.BACAIDONG", "56.BACAITAY"], options.Select(o => o.Value));
            Assert.DoesNotContain(options, o => o.Selected);
        }
    }

    [Fact]
    public async Task The_page_shows_the_next_step_as_the_one_primary_action_and_the_others_behind_a_disclosure()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.bacai");
        var code = (await ReceivedAsync(desk, "56.BACAI")).GetProperty("code").GetString()!;

        var html = await (await PageClient.SignedInAsync(app, "motcua.bacai")).GetStringAsync($"/Dossiers/Details?code={code}", Ct);
        Assert.Equal(["forward"], PrimaryButtons().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Contains("data-testid=\"more-actions\"", html, StringComparison.Ordinal);
        Assert.Matches(@"data-testid=""status"">Đã tiếp nhận<", html);
        Assert.Contains("data-testid=\"appointment\">", html, StringComparison.Ordinal);

        await ActOkAsync(desk, code, new { action = "forward", toUnitCode = "56.BACAI" });
        var specialist = await (await PageClient.SignedInAsync(app, "chuyenvien.bacai")).GetStringAsync($"/Dossiers/Details?code={code}", Ct);
        Assert.Equal(["submit-for-approval"], PrimaryButtons().Matches(specialist).Select(m => m.Groups[1].Value));
        Assert.Contains("data-action=\"send-back\"", specialist, StringComparison.Ordinal);

        // The desk has nothing to do while the specialist works: no primary button, a sentence says whose step it is.
        var deskView = await (await PageClient.SignedInAsync(app, "motcua.bacai")).GetStringAsync($"/Dossiers/Details?code={code}", Ct);
        Assert.Empty(PrimaryButtons().Matches(deskView));
        Assert.Contains("việc của chuyên viên", WebUtility.HtmlDecode(deskView), StringComparison.Ordinal);
    }

    [GeneratedRegex("<select(?<attrs>[^>]*name=\"ToUnitCode\"[^>]*)>(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex ForwardSelect();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\"(?<attrs>[^>]*)>(?<text>[^<]*)</option>")]
    private static partial Regex OptionTag();

    [GeneratedRegex("<button type=\"submit\" class=\"primary\" data-action=\"([a-z-]+)\"")]
    private static partial Regex PrimaryButtons();
}
