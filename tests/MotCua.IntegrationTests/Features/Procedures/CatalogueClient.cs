using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MotCua.IntegrationTests.Features.Procedures;

internal static class CatalogueClient
{
    public const string Header = "code,name,field,level,days,fee_vnd,online,documents,source";

    public static string SampleCsv => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoData", "procedures-sample.csv"));

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv) =>
        client.PostAsync("/api/v1/procedures/import", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);

    public static async Task<JsonElement> ImportOkAsync(HttpClient client, string csv)
    {
        var response = await ImportAsync(client, csv);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken))!;

    public static int Int(this JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
