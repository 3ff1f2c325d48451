using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.Dossiers;

/// <summary>Small helpers over the dossier API for the tests of this folder.</summary>
internal static class DossierApi
{
    public const string Certification = "2.000815"; // chứng thực bản sao: accepted by every commune and the district desk

    public static async Task<JsonElement> ProcedureAsync(HttpClient client, string code) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/procedures/{code}", TestContext.Current.CancellationToken);

    public static object[] AllDocuments(JsonElement procedure) =>
        [.. procedure.GetProperty("documents").EnumerateArray().Select(d => new { name = d.GetProperty("name").GetString(), kind = "original", count = 1 })];

    public static async Task<HttpResponseMessage> ReceiveAsync(
        HttpClient client, string unitCode, string procedureCode = Certification, string channel = "direct",
        string idNumber = "058090001234", string phone = "0912345678", object[]? documents = null, bool? forward = null, string? tracking = null)
    {
        documents ??= AllDocuments(await ProcedureAsync(client, procedureCode));
        return await client.PostAsJsonAsync("/api/v1/dossiers", new
        {
            procedureCode,
            unitCode,
            channel,
            postalTrackingNumber = tracking,
            forwardIfOutOfCompetence = forward,
            applicant = new { fullName = "Chamaléa Thị Mỹ Hường", idNumber, phone, address = "Thôn Ma Hoa, xã Phước Bình" },
            documents,
        }, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> ReceivedAsync(HttpClient client, string unitCode, string procedureCode = Certification)
    {
        var response = await ReceiveAsync(client, unitCode, procedureCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, string code, object body) =>
        client.PostAsJsonAsync($"/api/v1/dossiers/{code}/actions", body, TestContext.Current.CancellationToken);

    public static async Task<JsonElement> ActOkAsync(HttpClient client, string code, object body)
    {
        var response = await ActAsync(client, code, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {json}");
        return json;
    }

    public static byte[] Pdf(string text = "Kết quả giải quyết") => MotCua.Testing.TestPdf.Bytes(text);

    /// <summary>Uploads through <c>POST /api/v1/files</c> and returns the file id (a PDF unless other bytes are given).</summary>
    public static async Task<string> UploadAsync(HttpClient client, byte[]? bytes = null, string name = "tep.pdf")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes ?? Pdf()), "file", name } };
        var response = await client.PostAsync("/api/v1/files", form, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {body}");
        return body.GetProperty("fileId").GetString()!;
    }

    /// <summary>record-result with a freshly uploaded result PDF, as the specialist does.</summary>
    public static async Task<JsonElement> RecordResultAsync(HttpClient specialist, string code) =>
        await ActOkAsync(specialist, code, new { action = "record-result", resultFileId = await UploadAsync(specialist, name: "ket-qua.pdf") });

    public static async Task<JsonElement> GetAsync(HttpClient client, string code) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/dossiers/{code}", TestContext.Current.CancellationToken);

    public static async Task<DateOnly> CalendarDueAsync(HttpClient client, string receivedOn, int days, params string[] pauses)
    {
        var query = $"/api/v1/calendar/due-date?receivedOn={receivedOn}&workingDays={days}" + string.Concat(pauses.Select(p => "&pause=" + p));
        var json = await client.GetFromJsonAsync<JsonElement>(query, TestContext.Current.CancellationToken);
        return DateOnly.Parse(json.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static DateOnly Date(JsonElement e, string property) =>
        DateOnly.Parse(e.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
