using System.Net;
using System.Text.RegularExpressions;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>Issue 21.1: pages take dd/MM/yyyy (what the date boxes show) and ISO, whatever the browser's language, and show dd/MM/yyyy.</summary>
public sealed partial class DateBindingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_date_typed_day_first_binds_the_same_as_iso_and_the_box_shows_it_day_first_in_an_english_browser()
    {
        using var app = new AppFactory();
        var client = await PageClient.SignedInAsync(app, "admin");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var dayFirst = WebUtility.HtmlDecode(await client.GetStringAsync("/Organisation?date=30/06/2025", Ct));
        var iso = WebUtility.HtmlDecode(await client.GetStringAsync("/Organisation?date=2025-06-30", Ct));
        var after = WebUtility.HtmlDecode(await client.GetStringAsync("/Organisation?date=1/7/2025", Ct));

        Assert.Equal("30/06/2025", DateBox(dayFirst, "date"));
        Assert.Equal("30/06/2025", DateBox(iso, "date"));
        Assert.Equal("01/07/2025", DateBox(after, "date"));
        // The bound date chose the tree: districts on 30/06/2025, none from 01/07/2025 (never read month-first as 7 January).
        Assert.Contains("Huyện Bác Ái", dayFirst, StringComparison.Ordinal);
        Assert.Contains("Huyện Bác Ái", iso, StringComparison.Ordinal);
        Assert.DoesNotContain("Huyện Bác Ái", after, StringComparison.Ordinal);
        Assert.Contains("Xã Bác Ái", after, StringComparison.Ordinal);

        // A date that is not one is a message, never a 500 nor a month-first guess.
        var wrong = await client.GetAsync("/Organisation?date=12/31/2025", Ct);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
    }

    [Fact]
    public async Task Due_dates_computed_from_a_day_first_date_equal_those_from_iso()
    {
        using var app = new AppFactory();
        var client = app.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var dayFirst = WebUtility.HtmlDecode(await client.GetStringAsync("/Calendar/DueDate?ReceivedOn=07/12/2026&WorkingDays=5", Ct));
        var iso = WebUtility.HtmlDecode(await client.GetStringAsync("/Calendar/DueDate?ReceivedOn=2026-12-07&WorkingDays=5", Ct));

        var due = DueDate().Match(dayFirst);
        Assert.True(due.Success, dayFirst);
        Assert.Equal(due.Value, DueDate().Match(iso).Value);
        // Monday 07/12/2026 + 5 working days = Monday 14/12/2026.
        Assert.Contains("14/12/2026", due.Value, StringComparison.Ordinal);
        Assert.Equal("07/12/2026", DateBox(dayFirst, "ReceivedOn"));
    }

    private static string DateBox(string html, string id)
    {
        var input = Regex.Match(html, $"<input[^>]*id=\"{id}\"[^>]*>").Value;
        Assert.Contains("type=\"text\"", input, StringComparison.Ordinal);
        Assert.Contains("data-datepicker", input, StringComparison.Ordinal);
        return Regex.Match(input, "value=\"([^\"]*)\"").Groups[1].Value;
    }

    [GeneratedRegex("data-testid=\"due-date\">[^<]*")]
    private static partial Regex DueDate();
}
