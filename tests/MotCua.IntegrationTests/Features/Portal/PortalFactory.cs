using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Portal;

/// <summary>The app with its own file folder, a small upload limit and the dispatcher timer off (codes are read from the fake SMS/e-mail sender).</summary>
public sealed class PortalFactory : AppFactory
{
    public const int MaxUploadBytes = 64 * 1024;

    public PortalFactory()
    {
        FilesFolder = Path.Combine(Path.GetTempPath(), "motcua-tests", "files-" + Guid.NewGuid().ToString("N"));
        Settings["Files:Folder"] = FilesFolder;
        Settings["Files:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Notifications:Dispatcher:Enabled"] = "false";
        Captured = new CapturedMessages();
    }

    public string FilesFolder { get; }

    public static readonly byte[] Pdf = [.. "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8];
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Delivers the outbox and returns the latest one-time code the fake phone or mailbox received.</summary>
    public Task<string> LatestCodeAsync(string to) => Captured!.LatestCodeAsync(Services, to);

    /// <summary>Signs a new citizen up through the API and returns a client with a bearer token.</summary>
    public async Task<HttpClient> NewCitizenAsync(string idNumber, string phone, string password = "Cong@dan2025")
    {
        var client = CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var started = await client.PostAsJsonAsync("/api/v1/portal/sign-up", new
        {
            accountType = "citizen",
            fullName = "Mấu Thị Hoa",
            idNumber,
            phone,
            channel = "sms",
            password,
        }, ct);
        var json = await started.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(started.IsSuccessStatusCode, json.ToString());
        var id = json.GetProperty("signUpId").GetString();
        var verified = await client.PostAsJsonAsync($"/api/v1/portal/sign-up/{id}/verify", new { code = await LatestCodeAsync(phone) }, ct);
        Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync(ct));
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = idNumber, password }, ct);
        var body = await token.Content.ReadFromJsonAsync<JsonElement>(ct);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType = "application/pdf")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/files", form, TestContext.Current.CancellationToken);
    }

    public static async Task<string> UploadedIdAsync(HttpClient client, string name = "giay-to.pdf")
    {
        var response = await UploadAsync(client, Pdf, name);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("fileId").GetString()!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }
    }
}
