using System.Net.Http.Json;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.Portal;

/// <summary>Drafts and submission through the API, for the tests of this folder.</summary>
internal static class PortalFlow
{
    public const string Certification = "2.000815"; // chứng thực bản sao: offered fully online, one mandatory document

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> FormAsync(HttpClient client, string procedure) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/portal/procedures/{procedure}/form", Ct);

    /// <summary>A draft with the given uploads on the procedure's documents in order (null = nothing for that one).</summary>
    public static async Task<JsonElement> DraftAsync(HttpClient client, string procedure, string unit, string idNumber, string?[] fileIds, long?[]? stored = null)
    {
        var form = await FormAsync(client, procedure);
        var names = form.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToArray();
        var response = await client.PostAsJsonAsync("/api/v1/me/drafts", new
        {
            procedureCode = procedure,
            unitCode = unit,
            fullName = "Mấu Thị Hoa",
            idNumber,
            phone = "0906000000",
            email = "hoa@example.vn",
            address = "Thôn Ma Hoa, xã Phước Bình",
            documents = names.Select((n, i) => new
            {
                name = n,
                fileId = i < fileIds.Length ? fileIds[i] : null,
                storedDocumentId = stored is not null && i < stored.Length ? stored[i] : null,
            }).ToArray(),
        }, Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    public static Task<HttpResponseMessage> SubmitDraftAsync(HttpClient client, JsonElement draft) =>
        client.PostAsync($"/api/v1/me/drafts/{draft.GetProperty("id").GetString()}/submit", null, Ct);

    public static async Task<string> SubmitAsync(HttpClient client, string procedure, string unit, string idNumber, string?[] fileIds, long?[]? stored = null)
    {
        var response = await SubmitDraftAsync(client, await DraftAsync(client, procedure, unit, idNumber, fileIds, stored));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("dossierCode").GetString()!;
    }
}
