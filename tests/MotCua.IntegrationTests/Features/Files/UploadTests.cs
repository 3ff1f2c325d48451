using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MotCua.IntegrationTests.Features.Portal;
using static MotCua.IntegrationTests.Features.Portal.PortalFactory;

namespace MotCua.IntegrationTests.Features.Files;

public sealed class UploadTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pdf_is_stored_outside_the_web_root_and_only_its_uploader_reads_it()
    {
        var owner = await app.NewCitizenAsync("058096001001", "0906001001");
        var other = await app.NewCitizenAsync("058096001002", "0906001002");

        var id = await UploadedIdAsync(owner);

        var mine = await owner.GetAsync($"/api/v1/files/{id}", Ct);
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal("application/pdf", mine.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await mine.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/files/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/files/{id}", Ct)).StatusCode);
        var stored = await app.WithDbAsync(db => db.UploadedFiles.SingleAsync(f => f.Id == id, Ct));
        Assert.True(File.Exists(Path.Combine(app.FilesFolder, stored.Sha256[..2], stored.Sha256)));
    }

    [Fact]
    public async Task Staff_read_a_file_only_once_it_is_on_a_dossier_of_their_unit()
    {
        var citizen = await app.NewCitizenAsync("058096001003", "0906001003");
        var id = await UploadedIdAsync(citizen);
        var desk = await app.ClientFor("motcua.phuocbinh");
        var elsewhere = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync($"/api/v1/files/{id}", Ct)).StatusCode);

        await PortalFlow.SubmitAsync(citizen, PortalFlow.Certification, "22783", "058096001003", [id]);

        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/files/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/files/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Text_named_pdf_is_refused_by_its_content()
    {
        var citizen = await app.NewCitizenAsync("058096001004", "0906001004");

        var response = await UploadAsync(citizen, "<script>alert(1)</script>"u8.ToArray(), "to-khai.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("PDF, JPEG", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Png_content_is_accepted_whatever_the_name_and_declared_type()
    {
        var citizen = await app.NewCitizenAsync("058096001005", "0906001005");

        var response = await UploadAsync(citizen, Png, "anh.exe", "application/octet-stream");

        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("image/png", json.GetProperty("contentType").GetString());
        Assert.Equal("anh.png", json.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task A_file_over_the_configured_limit_is_refused()
    {
        var citizen = await app.NewCitizenAsync("058096001006", "0906001006");
        var big = new byte[MaxUploadBytes + 1];
        Pdf.CopyTo(big, 0);

        var response = await UploadAsync(citizen, big, "lon.pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.UploadedFiles.CountAsync(f => f.FileName == "lon.pdf", Ct)));
    }

    [Theory]
    [InlineData("../../../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("..\\..\\windows\\system32\\x.pdf", "x.pdf")]
    [InlineData("/tmp/evil.pdf", "evil.pdf")]
    [InlineData("....", "tep.pdf")]
    public async Task Path_tricks_in_the_name_never_reach_the_disk(string name, string shown)
    {
        var citizen = await app.NewCitizenAsync("0580960011" + (name.Length % 90 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture), "09060011" + (name.Length % 90 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var response = await UploadAsync(citizen, Pdf, name);

        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(shown, json.GetProperty("fileName").GetString());
        var files = Directory.GetFiles(app.FilesFolder, "*", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(f)));
        Assert.False(File.Exists("/tmp/evil.pdf"));
    }

    [Fact]
    public async Task Guessing_a_file_id_or_a_path_gives_nothing()
    {
        var citizen = await app.NewCitizenAsync("058096001007", "0906001007");

        var probe = await citizen.GetAsync("/api/v1/files/..%2F..%2Fappsettings.json", Ct);
        Assert.True(probe.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, await probe.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/api/v1/files/00000000000000000000000000000000", Ct)).StatusCode);
    }
}
