using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.Queue;

/// <summary>Calls of the queue API shared by the queue tests.</summary>
internal static class QueueApi
{
    public static async Task<JsonElement[]> SlotsAsync(HttpClient client, string unit, string date)
    {
        var response = await client.GetAsync($"/api/v1/queue/units/{unit}/slots?date={date}", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        return [.. body.EnumerateArray()];
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient client, int slotId, string phone, string procedureCode = "2.000815") =>
        client.PostAsJsonAsync("/api/v1/queue/bookings", new { slotId, procedureCode, fullName = "Pinăng Thị Đặt Lịch", phone }, TestContext.Current.CancellationToken);

    public static async Task<int> CounterAsync(HttpClient staff, string unit, string letter)
    {
        var counters = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/queue/counters?unit={unit}", TestContext.Current.CancellationToken);
        return counters.EnumerateArray().Single(c => c.GetProperty("letter").GetString() == letter).GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> IssueAsync(HttpClient staff, object body)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/queue/tickets", body, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToString());
        return json;
    }

    public static async Task<JsonElement> CallNextAsync(HttpClient staff, int counter)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/queue/tickets/call-next", new { counterId = counter }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ActAsync(HttpClient staff, long ticket, string action)
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/queue/tickets/{ticket}/actions", new { action }, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        return json;
    }
}
