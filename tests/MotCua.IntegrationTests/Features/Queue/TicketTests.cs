using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.IntegrationTests.Features.Dossiers;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Queue.QueueApi;

namespace MotCua.IntegrationTests.Features.Queue;

/// <summary>Issue 11 item 4: queue tickets per counter and day, calling and closing, waiting and service times.</summary>
public sealed class TicketTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Parallel_tickets_at_one_counter_get_consecutive_numbers_without_duplicates()
    {
        var desk = await app.ClientFor("motcua");
        var counter = await CounterAsync(desk, "584.MC", "B");

        var tickets = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => IssueAsync(desk, new { counterId = counter })));

        var labels = tickets.Select(t => t.GetProperty("label").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"B-{n:D3}"), labels);
    }

    [Fact]
    public async Task Waiting_and_service_times_are_measured_per_counter_and_day()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 4, 2, 0, 0, TimeSpan.Zero));
        var desk = await app.ClientFor("motcua.phuocbinh");
        var counter = await CounterAsync(desk, "22783", "A");
        var first = await IssueAsync(desk, new { counterId = counter });
        var second = await IssueAsync(desk, new { counterId = counter });
        var third = await IssueAsync(desk, new { counterId = counter });
        Assert.Equal(2, third.GetProperty("waitingAhead").GetInt32());

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var called = await CallNextAsync(desk, counter);
        Assert.Equal(first.GetProperty("id").GetInt64(), called.GetProperty("id").GetInt64());
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await ActAsync(desk, called.GetProperty("id").GetInt64(), "close");

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var next = await CallNextAsync(desk, counter);
        Assert.Equal(second.GetProperty("id").GetInt64(), next.GetProperty("id").GetInt64());
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await ActAsync(desk, next.GetProperty("id").GetInt64(), "close");
        var noShow = await CallNextAsync(desk, counter);
        await ActAsync(desk, noShow.GetProperty("id").GetInt64(), "no-show");
        var empty = await desk.PostAsJsonAsync("/api/v1/queue/tickets/call-next", new { counterId = counter }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);

        var stats = await desk.GetFromJsonAsync<JsonElement>("/api/v1/queue/stats?from=2025-06-04&to=2025-06-04", TestContext.Current.CancellationToken);
        var row = stats.EnumerateArray().Single(r => r.GetProperty("counterId").GetInt32() == counter);
        Assert.Equal(3, row.GetProperty("issued").GetInt32());
        Assert.Equal(1, row.GetProperty("noShows").GetInt32());
        // Waits 10, 15 and 35 minutes; services 4 and 20 minutes (the no-show is not a service).
        Assert.Equal(3, row.GetProperty("waiting").GetProperty("count").GetInt32());
        Assert.Equal(20, row.GetProperty("waiting").GetProperty("averageMinutes").GetDouble());
        Assert.Equal(35, row.GetProperty("waiting").GetProperty("p90Minutes").GetDouble());
        Assert.Equal(2, row.GetProperty("service").GetProperty("count").GetInt32());
        Assert.Equal(12, row.GetProperty("service").GetProperty("averageMinutes").GetDouble());
        Assert.Equal(20, row.GetProperty("service").GetProperty("p90Minutes").GetDouble());
    }

    [Fact]
    public async Task A_booking_checks_in_once_on_its_day_and_is_called_before_walk_ins()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 5, 1, 0, 0, TimeSpan.Zero));
        var anonymous = app.CreateClient();
        var slot = (await SlotsAsync(anonymous, "22792", "2025-06-06"))[2];
        var booked = await BookAsync(anonymous, slot.GetProperty("id").GetInt32(), "0916000777");
        var code = (await booked.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("code").GetString();
        var desk = await app.ClientFor("motcua.phuoctien");
        var counter = await CounterAsync(desk, "22792", "A");

        var early = await desk.PostAsJsonAsync("/api/v1/queue/tickets", new { bookingCode = code }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(1));
        desk = await app.ClientFor("motcua.phuoctien");
        await IssueAsync(desk, new { counterId = counter });
        var otherUnit = await app.ClientFor("motcua");
        var foreign = await otherUnit.PostAsJsonAsync("/api/v1/queue/tickets", new { bookingCode = code }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        var ticket = await IssueAsync(desk, new { bookingCode = code });
        Assert.Equal(counter, ticket.GetProperty("counterId").GetInt32());
        Assert.Equal(code, ticket.GetProperty("bookingCode").GetString());
        var twice = await desk.PostAsJsonAsync("/api/v1/queue/tickets", new { bookingCode = code }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        var called = await CallNextAsync(desk, counter);
        Assert.Equal(ticket.GetProperty("id").GetInt64(), called.GetProperty("id").GetInt64());
        var display = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/queue/units/22792/display", TestContext.Current.CancellationToken);
        Assert.Equal(ticket.GetProperty("label").GetString(), display.GetProperty("calls")[0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task Staff_of_another_unit_cannot_call_or_close_a_counters_tickets()
    {
        var desk = await app.ClientFor("motcua");
        var counter = await CounterAsync(desk, "584.MC", "A");
        var ticket = await IssueAsync(desk, new { counterId = counter });
        var other = await app.ClientFor("motcua.phuoctien");

        var call = await other.PostAsJsonAsync("/api/v1/queue/tickets/call-next", new { counterId = counter }, TestContext.Current.CancellationToken);
        var close = await other.PostAsJsonAsync($"/api/v1/queue/tickets/{ticket.GetProperty("id").GetInt64()}/actions", new { action = "no-show" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, call.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, close.StatusCode);
    }

    [Fact]
    public async Task An_intake_started_from_a_ticket_records_the_dossier_code_on_the_ticket()
    {
        var api = await app.ClientFor("motcua.phuocbinh");
        var counter = await CounterAsync(api, "22783", "B");
        var ticket = await IssueAsync(api, new { counterId = counter });
        var id = ticket.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var desk = await PageClient.SignedInAsync(app, "motcua.phuocbinh");
        var page = $"/Dossiers/Receive?ticket={id}&procedure={DossierApi.Certification}";
        var html = await desk.GetStringAsync(page, TestContext.Current.CancellationToken);
        Assert.Contains($"name=\"ticket\" value=\"{id}\"", html, StringComparison.Ordinal);
        var token = await PageClient.TokenAsync(desk, page);
        var procedure = await DossierApi.ProcedureAsync(api, DossierApi.Certification);
        var form = new List<KeyValuePair<string, string>>
        {
            new("ProcedureCode", DossierApi.Certification),
            new("ticket", id),
            new("Applicant.FullName", "Katơr Văn Có Số"),
            new("Applicant.IdNumber", "058190008888"),
            new("Applicant.Phone", "0912000888"),
            new("__RequestVerificationToken", token),
        };
        form.AddRange(procedure.GetProperty("documents").EnumerateArray().Select(d => new KeyValuePair<string, string>("Documents", d.GetProperty("name").GetString()!)));

        var received = await desk.PostAsync(page, new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var code = Uri.UnescapeDataString(System.Text.RegularExpressions.Regex.Match(received.Headers.Location!.ToString(), "code=([^&]+)").Groups[1].Value);
        var after = await api.GetFromJsonAsync<JsonElement>($"/api/v1/queue/tickets/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(code, after.GetProperty("dossierCode").GetString());
    }
}
