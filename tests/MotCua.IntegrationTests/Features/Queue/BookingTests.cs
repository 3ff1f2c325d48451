using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;
using static MotCua.IntegrationTests.Features.Queue.QueueApi;

namespace MotCua.IntegrationTests.Features.Queue;

/// <summary>Issue 11 item 4: booking a slot at the desk, capacity under concurrency, cancellation.</summary>
public sealed class BookingTests(AppFactory app) : IClassFixture<AppFactory>
{
    // Thursday 05/06/2025, a working day two days after the test clock's Tuesday.
    private const string Thursday = "2025-06-05";

    [Fact]
    public async Task Parallel_bookings_never_pass_a_slots_capacity()
    {
        var anonymous = app.CreateClient();
        var slot = (await SlotsAsync(anonymous, "584.MC", Thursday))[0];
        var capacity = slot.GetProperty("capacity").GetInt32();
        var slotId = slot.GetProperty("id").GetInt32();

        var responses = await Task.WhenAll(Enumerable.Range(0, capacity + 7).Select(i => BookAsync(app.CreateClient(), slotId, $"09130000{i:D2}")));

        Assert.Equal(capacity, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(capacity, await db.Bookings.CountAsync(b => b.SlotId == slotId, TestContext.Current.CancellationToken));
        Assert.Equal(capacity, (await db.BookingSlots.SingleAsync(s => s.Id == slotId, TestContext.Current.CancellationToken)).Booked);
        Assert.Equal(0, Remaining(await SlotsAsync(anonymous, "584.MC", Thursday), slotId));
    }

    [Fact]
    public async Task Cancelling_needs_the_phones_last_four_digits_and_frees_the_place()
    {
        var anonymous = app.CreateClient();
        var slot = (await SlotsAsync(anonymous, "584.MC", Thursday))[^1];
        var slotId = slot.GetProperty("id").GetInt32();
        var booked = await BookAsync(anonymous, slotId, "0987 654 321");
        var booking = await booked.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        Assert.Equal("*******321", booking.GetProperty("maskedPhone").GetString());
        var code = booking.GetProperty("code").GetString()!;
        var before = slot.GetProperty("remaining").GetInt32();
        Assert.Equal(before - 1, Remaining(await SlotsAsync(anonymous, "584.MC", Thursday), slotId));

        var wrong = await anonymous.PostAsJsonAsync($"/api/v1/queue/bookings/{code}/cancel", new { phoneLast4 = "1234" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("4 số cuối", problem.GetProperty("errors").GetProperty("phoneLast4")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before - 1, Remaining(await SlotsAsync(anonymous, "584.MC", Thursday), slotId));

        var cancelled = await anonymous.PostAsJsonAsync($"/api/v1/queue/bookings/{code.ToLowerInvariant()}/cancel", new { phoneLast4 = "4321" }, TestContext.Current.CancellationToken);
        var body = await cancelled.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.Equal(before, Remaining(await SlotsAsync(anonymous, "584.MC", Thursday), slotId));

        var again = await anonymous.PostAsJsonAsync($"/api/v1/queue/bookings/{code}/cancel", new { phoneLast4 = "4321" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before, Remaining(await SlotsAsync(anonymous, "584.MC", Thursday), slotId));
    }

    [Fact]
    public async Task A_weekend_day_or_an_unknown_procedure_cannot_be_booked()
    {
        var anonymous = app.CreateClient();
        var saturday = await anonymous.GetAsync("/api/v1/queue/units/584.MC/slots?date=2025-06-07", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, saturday.StatusCode);

        var slotId = (await SlotsAsync(anonymous, "584.MC", Thursday))[1].GetProperty("id").GetInt32();
        var unknown = await BookAsync(anonymous, slotId, "0912000111", procedureCode: "9.999999");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var badPhone = await BookAsync(anonymous, slotId, "12345");
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
    }

    private static int Remaining(JsonElement[] slots, int id) => slots.Single(s => s.GetProperty("id").GetInt32() == id).GetProperty("remaining").GetInt32();
}
