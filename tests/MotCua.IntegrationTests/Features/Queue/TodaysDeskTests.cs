using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Queue.QueueApi;

namespace MotCua.IntegrationTests.Features.Queue;

/// <summary>Issue 20 item 5: today's commune desks have counters, so citizens book slots there on a working day of 2026.</summary>
public sealed class TodaysDeskTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Monday 07/12/2026, 09:00 local time; Tuesday 08/12/2026 is a working day.
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Xa_Bac_Ai_offers_bookable_slots_for_its_procedures_and_a_citizen_books_one()
    {
        _ = app.Services;
        app.Clock.SetUtcNow(Today);
        var anonymous = app.CreateClient();

        var slots = await SlotsAsync(anonymous, "56.BACAI", "2026-12-08");
        Assert.NotEmpty(slots);
        Assert.All(slots, s => Assert.True(s.GetProperty("remaining").GetInt32() > 0));

        var booked = await BookAsync(anonymous, slots[0].GetProperty("id").GetInt32(), "0908123456");
        var body = await booked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(booked.StatusCode == HttpStatusCode.Created || booked.StatusCode == HttpStatusCode.OK, body.ToString());

        var desk = await app.ClientFor("motcua.bacai");
        var counters = await desk.GetFromJsonAsync<JsonElement>("/api/v1/queue/counters?unit=56.BACAI", Ct);
        Assert.Equal(["A", "B"], counters.EnumerateArray().Select(c => c.GetProperty("letter").GetString()).Order());
    }

    [Fact]
    public async Task The_district_desk_that_ended_takes_no_booking_after_30_June_2025()
    {
        _ = app.Services;
        app.Clock.SetUtcNow(Today);
        var response = await app.CreateClient().GetAsync("/api/v1/queue/units/584.MC/slots?date=2026-12-08", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
