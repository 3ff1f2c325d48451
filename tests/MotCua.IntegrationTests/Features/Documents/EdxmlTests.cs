using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MotCua.IntegrationTests.Features.Signing;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Documents;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.Documents;

/// <summary>One instance whose units exchange through the folder transport (outbox folder = inbox folder), or one of two instances over HTTP.</summary>
public class ExchangeFactory : AppFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "motcua-tests", "edxml-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>The other instance, for the HTTP transport: its test server answers this one's edXML client.</summary>
    public AppFactory? Peer { get; set; }

    public ExchangeFactory() : this(http: false)
    {
    }

    protected ExchangeFactory(bool http)
    {
        Settings["Alarms:Enabled"] = "false";
        Settings["Notifications:Dispatcher:Enabled"] = "false";
        Settings["Documents:Exchange:Transport"] = http ? "Http" : "Folder";
        Settings["Documents:Exchange:Outbox"] = Folder;
        Settings["Documents:Exchange:Inbox"] = Folder;
        Settings["Documents:Exchange:InboxEnabled"] = "false";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddHttpClient(HttpEdxmlTransport.ClientName).ConfigurePrimaryHttpMessageHandler(() => new ToPeer(this)));
    }

    private sealed class ToPeer(ExchangeFactory owner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            InnerHandler ??= owner.Peer!.Server.CreateHandler();
            return base.SendAsync(request, cancellationToken);
        }
    }
}

public sealed class HttpExchangeFactory() : ExchangeFactory(http: true);

/// <summary>Issue 23 item 5: edXML export, import, status packages and the transports, within one instance and between two.</summary>
public sealed class EdxmlTests(ExchangeFactory app) : IClassFixture<ExchangeFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Monday 07/12/2026, 09:00 in Vietnam: today.
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Export_is_a_signed_QCVN_102_package_and_a_changed_byte_breaks_the_signature()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var pdf = await SignedPdfAsync(app);
        var id = await IssueAsync(app, desk, "Về việc tổ chức hội nghị chuyển đổi số năm 2027", pdf);

        // Without recipients and never sent: nothing to address the package to.
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.GetAsync($"/api/v1/documents/{id}/edxml", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await desk.GetAsync($"/api/v1/documents/{id}/edxml?to=KHONG.CO", Ct)).StatusCode);

        var response = await desk.GetAsync($"/api/v1/documents/{id}/edxml?to=56.BACAITAY&to=56.BACAIDONG", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var doc = Edxml.Load(bytes)!;
        var ns = new XmlNamespaceManager(doc.NameTable);
        ns.AddNamespace("e", Edxml.Ns);
        ns.AddNamespace("ds", SignedXml.XmlDsigNamespaceUrl);
        string Text(string xpath) => doc.SelectSingleNode(xpath, ns)?.InnerText ?? throw new Xunit.Sdk.XunitException($"missing {xpath}");

        // The structure of QCVN 102:2016.
        const string H = "/e:edXML/e:edXMLEnvelope/e:edXMLHeader/e:MessageHeader/";
        Assert.Equal("56.BACAI", Text(H + "e:From/e:OrganId"));
        Assert.Equal(["56.BACAITAY", "56.BACAIDONG"], doc.SelectNodes(H + "e:To/e:OrganId", ns)!.Cast<XmlNode>().Select(n => n.InnerText));
        var view = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}", Ct);
        var notation = view.GetProperty("notation").GetString()!;
        Assert.Equal(notation, Text(H + "e:Code/e:CodeNumber").PadLeft(2, '0') + "/" + Text(H + "e:Code/e:CodeNotation"));
        Assert.Equal("2026/12/07", Text(H + "e:PromulgationInfo/e:PromulgationDate"));
        Assert.Equal("Bác Ái", Text(H + "e:PromulgationInfo/e:Place"));
        Assert.Equal("Công văn", Text(H + "e:DocumentType/e:TypeName"));
        Assert.Equal("Về việc tổ chức hội nghị chuyển đổi số năm 2027", Text(H + "e:Subject"));
        Assert.Equal("1", Text(H + "e:SteeringType"));
        Assert.Equal("0", Text(H + "e:OtherInfo/e:Priority"));
        Assert.Equal("2", Text(H + "e:OtherInfo/e:PromulgationAmount"));
        Assert.Equal("1", Text(H + "e:OtherInfo/e:PageAmount"));
        Assert.Equal($"56.BACAI,2026/12/07,{notation}", Text(H + "e:DocumentId"));
        Assert.Equal("56.BACAI", Text("/e:edXML/e:edXMLEnvelope/e:edXMLHeader/e:TraceHeaderList/e:TraceHeader/e:OrganId"));
        Assert.Matches(@"^2026/12/07 \d\d:\d\d:\d\d$", Text("/e:edXML/e:edXMLEnvelope/e:edXMLHeader/e:TraceHeaderList/e:TraceHeader/e:Timestamp"));
        Assert.Equal(SignedXml.XmlDsigRSASHA256Url, doc.SelectSingleNode("//ds:Signature/ds:SignedInfo/ds:SignatureMethod/@Algorithm", ns)!.Value);
        Assert.NotEmpty(Text("//ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate"));
        Assert.Equal("cid:" + Text("/e:edXML/e:AttachmentEncoded/e:Attachment/e:ContentId"), Text("/e:edXML/e:edXMLEnvelope/e:edXMLBody/e:edXMLManifest/e:Reference/e:ContentId"));
        Assert.Equal(pdf, Convert.FromBase64String(Text("/e:edXML/e:AttachmentEncoded/e:Attachment/e:Value")));

        // The signature verifies with the certificate it carries, by .NET's own SignedXml.
        var signed = new SignedXml(doc);
        signed.LoadXml((XmlElement)doc.SelectSingleNode("//ds:Signature", ns)!);
        var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Text("//ds:Signature/ds:KeyInfo/ds:X509Data/ds:X509Certificate")));
        Assert.True(signed.CheckSignature(certificate, true));
        Assert.NotNull(Edxml.Verify(doc));

        // One changed byte, in the header or in an attachment, and it no longer does.
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Null(Edxml.Verify(Edxml.Load(Encoding.UTF8.GetBytes(text.Replace("hội nghị", "hội nghi", StringComparison.Ordinal)))!));
        var value = Text("/e:edXML/e:AttachmentEncoded/e:Attachment/e:Value");
        var flipped = (value[100] == 'A' ? "B" : "A") + value[101..];
        Assert.Null(Edxml.Verify(Edxml.Load(Encoding.UTF8.GetBytes(text.Replace(value, value[..100] + flipped, StringComparison.Ordinal)))!));

        // A document with a secrecy level never travels on the axis; an incoming document is not exported.
        var secret = await IssueAsync(app, desk, "Về việc bảo vệ bí mật nhà nước", null, secrecy: "mat");
        var refused = await desk.GetAsync($"/api/v1/documents/{secret}/edxml?to=56.BACAITAY", Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("độ mật", (await refused.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/documents/{secret}/send", new { recipients = new[] { "56.BACAITAY" } }, Ct)).StatusCode);

        // Outside the caller's scope: not found.
        var other = await app.ClientFor("motcua.phuoctien");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/documents/{id}/edxml?to=56.BACAITAY", Ct)).StatusCode);
    }

    [Fact]
    public async Task Import_validates_the_package_registers_it_once_and_leaves_nothing_behind_when_refused()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        using var key = Sender();
        var package = await PackageAsync(key, "000.00.00.H47", "56.BACAI", "Về việc hướng dẫn lưu trữ hồ sơ điện tử năm 2027");

        var before = await CountsAsync(app);
        var created = await PostXmlAsync(desk, package);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = answer.GetProperty("documentIds")[0].GetInt64();
        Assert.False(answer.GetProperty("duplicate").GetBoolean());
        var doc = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}", Ct);
        Assert.Equal("incoming", doc.GetProperty("direction").GetString());
        Assert.Equal("56.BACAI", doc.GetProperty("unitCode").GetString());
        Assert.Equal("Về việc hướng dẫn lưu trữ hồ sơ điện tử năm 2027", doc.GetProperty("subject").GetString());
        Assert.Equal("Văn phòng UBND tỉnh Khánh Hòa", doc.GetProperty("issuer").GetString());
        Assert.Equal("45/VPUBND-HCTC", doc.GetProperty("notation").GetString());
        Assert.Equal("KH", doc.GetProperty("type").GetString());
        Assert.Equal("khan", doc.GetProperty("urgency").GetString());
        Assert.Equal(2, doc.GetProperty("attachments").GetArrayLength());
        var exchange = doc.GetProperty("exchanges")[0];
        Assert.Equal("received", exchange.GetProperty("direction").GetString());
        Assert.Equal("000.00.00.H47", exchange.GetProperty("peerOrganId").GetString());
        Assert.Equal(["01", "03"], exchange.GetProperty("statuses").EnumerateArray().Select(s => s.GetProperty("statusCode").GetString()!));
        Assert.Contains("CN=Văn phòng UBND tỉnh (kiểm thử)", exchange.GetProperty("signerSubject").GetString(), StringComparison.Ordinal);
        var file = await desk.GetByteArrayAsync(doc.GetProperty("attachments")[0].GetProperty("url").GetString(), Ct);
        Assert.Equal(Plan.Value, file);
        // In the incoming register, with its origin in the history.
        var list = await desk.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=incoming&q=" + Uri.EscapeDataString("luu tru ho so dien tu"), Ct);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        Assert.Contains("000.00.00.H47", doc.GetProperty("history")[0].GetProperty("note").GetString(), StringComparison.Ordinal);

        // The same package again: the same document, nothing new.
        var again = await PostXmlAsync(desk, package);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(id, second.GetProperty("documentIds")[0].GetInt64());
        var after = await CountsAsync(app);
        Assert.Equal(before with { Documents = before.Documents + 1, Files = before.Files + 2, Exchanges = before.Exchanges + 1, Events = before.Events + 1 }, after);

        // Every malformed package is refused with a Vietnamese message and writes nothing.
        var text = Encoding.UTF8.GetString(await PackageAsync(key, "000.00.00.H47", "56.BACAI", "Về việc thử gói tin hỏng"));
        var cases = new (string Name, byte[] Body, string Field)[]
        {
            ("tampered", Encoding.UTF8.GetBytes(text.Replace("thử gói tin hỏng", "thử gói tin hỏnG", StringComparison.Ordinal)), "Signature"),
            ("unsigned", await PackageAsync(null, "000.00.00.H47", "56.BACAI", "Về việc không ký"), "Signature"),
            ("missing To", await PackageAsync(key, "000.00.00.H47", null, "Về việc không có nơi nhận"), "To"),
            ("not for this unit", await PackageAsync(key, "000.00.00.H47", "56.BACAITAY", "Về việc gửi xã khác"), "To"),
            ("subject too long", await PackageAsync(key, "000.00.00.H47", "56.BACAI", new string('x', 501)), "Subject"),
            ("unknown priority", await PackageAsync(key, "000.00.00.H47", "56.BACAI", "Về việc độ khẩn lạ", edit: d => Set(d, "Priority", "7")), "Priority"),
            ("second attachment not base64", await PackageAsync(key, "000.00.00.H47", "56.BACAI", "Về việc tệp hỏng",
                edit: d => d.GetElementsByTagName("Value", Edxml.Ns)[1]!.InnerText = "@@không phải base64@@"), "Attachment"),
            ("XXE", Encoding.UTF8.GetBytes("""<?xml version="1.0"?><!DOCTYPE edXML [<!ENTITY x SYSTEM "file:///etc/passwd">]><edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">&x;</edXML>"""), "package"),
            ("not XML", Encoding.UTF8.GetBytes("{\"subject\": \"x\"}"), "package"),
        };
        foreach (var (name, body, field) in cases)
        {
            var refused = await PostXmlAsync(desk, body);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{name}: {refused.StatusCode} {problem}");
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{name}: {problem}");
            Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()), name);
            Assert.Equal(after, await CountsAsync(app));
        }

        var wrongType = await desk.PostAsync("/api/v1/documents/edxml", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal(after, await CountsAsync(app));
    }

    [Fact]
    public async Task Two_units_of_one_instance_exchange_a_signed_document_and_its_statuses_end_to_end()
    {
        app.Clock.SetUtcNow(Today);
        await UsersAtAsync(app, "56.BACAITAY", "bacaitay");
        var deskA = await app.ClientFor("motcua.bacai");
        var deskB = await app.ClientFor("vanthu.bacaitay");
        var leaderB = await app.ClientFor("lanhdao.bacaitay");
        var officerB = await app.ClientFor("chuyenvien.bacaitay");
        var pdf = await SignedPdfAsync(app);
        var id = await IssueAsync(app, deskA, "Về việc phối hợp rà soát thủ tục hành chính liên xã", pdf);

        Assert.Equal(HttpStatusCode.BadRequest, (await deskA.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "56.KHONGCO" } }, Ct)).StatusCode);
        var sent = await OkAsync(await deskA.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "56.BACAITAY" } }, Ct));
        Assert.Equal("56.BACAITAY", sent.GetProperty("exchanges")[0].GetProperty("peerOrganId").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await deskA.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "56.BACAITAY" } }, Ct)).StatusCode);

        // The outbox carries it to the folder, the inbox registers it at Bác Ái Tây.
        await PumpAsync(app);
        var received = (await deskB.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=incoming&q=" + Uri.EscapeDataString("ra soat thu tuc lien xa"), Ct)).GetProperty("items");
        Assert.Equal(1, received.GetArrayLength());
        var idB = received[0].GetProperty("id").GetInt64();
        var docB = await deskB.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{idB}", Ct);
        Assert.Equal("56.BACAI", docB.GetProperty("exchanges")[0].GetProperty("peerOrganId").GetString());
        Assert.Equal("56.BACAITAY", docB.GetProperty("unitCode").GetString());

        // The attached PDF arrives byte for byte, and its PAdES signature still verifies with the product's verifier.
        var file = await deskB.GetByteArrayAsync(docB.GetProperty("attachments")[0].GetProperty("url").GetString(), Ct);
        Assert.Equal(pdf, file);
        using (var scope = app.Services.CreateScope())
        {
            var checks = await scope.ServiceProvider.GetRequiredService<SignatureVerifier>().VerifyAsync(file, Ct);
            var check = Assert.Single(checks!);
            Assert.True(check.IntegrityValid);
            Assert.True(check.CoversWholeDocument);
        }

        // Bác Ái sees "đã đến" and "đã tiếp nhận", then "đã phân công" once Bác Ái Tây assigns, then "đã xử lý xong".
        await PumpAsync(app);
        Assert.Equal(["01", "03"], StatusCodes(await deskA.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}", Ct)));
        await OkAsync(await leaderB.PostAsJsonAsync($"/api/v1/documents/{idB}/assignments",
            new { holders = new[] { new { userName = "chuyenvien.bacaitay", role = "chu-tri" } }, workingDays = 3 }, Ct));
        await PumpAsync(app);
        var docA = await deskA.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}", Ct);
        Assert.Equal(["01", "03", "05"], StatusCodes(docA));
        Assert.Equal("05", docA.GetProperty("exchanges")[0].GetProperty("lastStatusCode").GetString());
        Assert.True(docA.GetProperty("exchanges")[0].GetProperty("delivered").GetBoolean());
        await OkAsync(await officerB.PostAsJsonAsync($"/api/v1/documents/{idB}/progress", new { note = "Đã rà soát", close = true }, Ct));
        await PumpAsync(app);
        Assert.Equal(["01", "03", "05", "06"], StatusCodes(await deskA.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}", Ct)));
        Assert.Contains(docA.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "exchange-status");

        // A recall from Bác Ái marks Bác Ái Tây's copy recalled.
        Assert.Equal(HttpStatusCode.BadRequest, (await deskA.PostAsJsonAsync($"/api/v1/documents/{id}/recall", new { reason = "" }, Ct)).StatusCode);
        await OkAsync(await deskA.PostAsJsonAsync($"/api/v1/documents/{id}/recall", new { reason = "Ban hành nhầm phụ lục" }, Ct));
        await PumpAsync(app);
        docB = await deskB.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{idB}", Ct);
        Assert.True(docB.GetProperty("exchanges")[0].GetProperty("recalled").GetBoolean());
        Assert.Contains(docB.GetProperty("history").EnumerateArray(), e => e.GetProperty("action").GetString() == "recalled");

        // A second document refused by Bác Ái Tây: status 02 back to Bác Ái.
        var id2 = await IssueAsync(app, deskA, "Về việc gửi nhầm đơn vị nhận", pdf);
        await OkAsync(await deskA.PostAsJsonAsync($"/api/v1/documents/{id2}/send", new { recipients = new[] { "56.BACAITAY" } }, Ct));
        await PumpAsync(app);
        var idB2 = (await deskB.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=incoming&q=" + Uri.EscapeDataString("gui nham don vi nhan"), Ct)).GetProperty("items")[0].GetProperty("id").GetInt64();
        await OkAsync(await deskB.PostAsJsonAsync($"/api/v1/documents/{idB2}/refuse", new { reason = "Không thuộc thẩm quyền của xã" }, Ct));
        Assert.Equal(HttpStatusCode.Conflict, (await leaderB.PostAsJsonAsync($"/api/v1/documents/{idB2}/refuse", new { reason = "Lần nữa" }, Ct)).StatusCode);
        await PumpAsync(app);
        var refused = await deskA.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id2}", Ct);
        Assert.Equal("02", refused.GetProperty("exchanges")[0].GetProperty("lastStatusCode").GetString());
        Assert.Equal("Không thuộc thẩm quyền của xã", refused.GetProperty("exchanges")[0].GetProperty("statuses").EnumerateArray().Last().GetProperty("description").GetString());

        // Nothing was left unsent or failed.
        await using var check2 = app.Services.CreateAsyncScope();
        var db = check2.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Channel == NotificationChannel.Exchange && m.SentAtUtc == null, Ct));
    }

    [Fact]
    public async Task A_failed_send_stays_in_the_outbox_and_goes_when_the_transport_is_back()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var id = await IssueAsync(app, desk, "Về việc thử gửi lại khi lỗi", null);
        await OkAsync(await desk.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "56.BACAIDONG" } }, Ct));
        // The outbox folder cannot be written: a file stands where the folder should be.
        var options = app.Services.GetRequiredService<IOptions<ExchangeOptions>>().Value;
        var folder = options.Outbox;
        var file = Path.Combine(Path.GetTempPath(), "motcua-tests", "edxml-blocked-" + Guid.NewGuid().ToString("N")[..6]);
        await File.WriteAllTextAsync(file, "x", Ct);
        options.Outbox = file;
        try
        {
            await app.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);
        }
        finally
        {
            options.Outbox = folder;
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var message = await db.OutboxMessages.SingleAsync(m => m.Channel == NotificationChannel.Exchange && m.DossierCode == $"VB-{id}", Ct);
            Assert.Null(message.SentAtUtc);
            Assert.Equal(1, message.Attempts);
            Assert.NotNull(message.LastError);
        }

        app.Clock.SetUtcNow(Today.AddHours(1));
        await PumpAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.NotNull((await db.OutboxMessages.SingleAsync(m => m.Channel == NotificationChannel.Exchange && m.DossierCode == $"VB-{id}", Ct)).SentAtUtc);
            var package = await db.DocumentExchanges.Where(x => x.DocumentId == id).Select(x => x.PackageId).SingleAsync(Ct);
            Assert.True(await db.DocumentExchanges.AnyAsync(x => x.Direction == ExchangeDirection.Received && x.PackageId == package && x.PeerOrganId == "56.BACAI", Ct));
        }
    }

    [Fact]
    public void Production_refuses_the_demo_transports()
    {
        foreach (var transport in new[] { "Folder", "Http" })
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:Exchange:Transport"] = transport }).Build();
            Assert.Contains(ProductionGuard.Problems(config), p => p.StartsWith("Documents:Exchange:Transport:", StringComparison.Ordinal));
        }

        var none = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Documents:Exchange:Transport"] = "None" }).Build();
        Assert.DoesNotContain(ProductionGuard.Problems(none), p => p.StartsWith("Documents:Exchange:Transport:", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- helpers shared with the two-instance test

    internal static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{response.StatusCode}: {json}");
        return json;
    }

    internal static string[] StatusCodes(JsonElement doc) =>
        [.. doc.GetProperty("exchanges")[0].GetProperty("statuses").EnumerateArray().Where(s => !s.GetProperty("outgoing").GetBoolean()).Select(s => s.GetProperty("statusCode").GetString()!)];

    /// <summary>A one-page PDF signed in PAdES by the instance's own key, as a leader's signed document is.</summary>
    internal static async Task<byte[]> SignedPdfAsync(AppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PdfSigner>().SignPdfAsync(PadesSigningTests.Document("Công văn liên thông"), new SignOptions("Ban hành", "Bác Ái"), Ct);
    }

    internal static async Task<long> IssueAsync(AppFactory factory, HttpClient desk, string subject, byte[]? pdf, string secrecy = "thuong", string issuer = "Ủy ban nhân dân xã Bác Ái")
    {
        string[] files = [];
        if (pdf is not null)
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(pdf);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "file", "cong-van.pdf");
            var upload = await OkAsync(await desk.PostAsync("/api/v1/files", form, Ct));
            files = [upload.GetProperty("fileId").GetString()!];
        }

        var doc = await OkAsync(await desk.PostAsJsonAsync("/api/v1/documents/outgoing", new
        {
            type = "CV",
            issuer,
            issuerAbbreviation = "UBND",
            drafterAbbreviation = "VP",
            issuedOn = VietnamTime.Today(factory.Services.GetRequiredService<TimeProvider>()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            subject,
            signer = "Chamaléa Văn Duyệt",
            recipients = "Như trên;\nLưu: VT, VP.",
            urgency = "thuong",
            secrecy,
            attachmentFileIds = files,
        }, Ct));
        return doc.GetProperty("id").GetInt64();
    }

    /// <summary>A desk (vanthu), a leader and a specialist at <paramref name="unitCode"/>, once.</summary>
    internal static async Task UsersAtAsync(AppFactory factory, string unitCode, string suffix)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync(Ct);
        foreach (var (name, role, full) in new[] { ("vanthu", Roles.Desk, "Văn thư"), ("lanhdao", Roles.Leader, "Lãnh đạo"), ("chuyenvien", Roles.Specialist, "Chuyên viên") })
        {
            var userName = $"{name}.{suffix}";
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new AppUser { UserName = userName, FullName = $"{full} {suffix}", UnitId = unitId };
            Assert.True((await users.CreateAsync(user, AppFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, role);
        }
    }

    /// <summary>Runs the outbox and the folder inbox until both are idle.</summary>
    private static async Task PumpAsync(ExchangeFactory factory)
    {
        for (var i = 0; i < 5; i++)
        {
            var sent = await factory.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct);
            var read = await factory.Services.GetRequiredService<ExchangeInbox>().RunOnceAsync(Ct);
            if (sent == 0 && read == 0)
            {
                return;
            }
        }
    }

    private sealed record Counts(int Documents, int Files, int Exchanges, int Events);

    private static async Task<Counts> CountsAsync(ExchangeFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Counts(await db.OfficialDocuments.CountAsync(Ct), await db.UploadedFiles.CountAsync(Ct), await db.DocumentExchanges.CountAsync(Ct), await db.DocumentEvents.CountAsync(Ct));
    }

    private static async Task<HttpResponseMessage> PostXmlAsync(HttpClient client, byte[] body) =>
        await client.PostAsync("/api/v1/documents/edxml", new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } }, Ct);

    private sealed class TestKey(X509Certificate2 certificate) : IDisposable
    {
        public CertificateSigningKey Key { get; } = new(certificate, [], "test");

        public void Dispose() => certificate.Dispose();
    }

    private static readonly Lazy<byte[]> Plan = new(() => PadesSigningTests.Document("Kế hoạch lưu trữ"));
    private static readonly Lazy<byte[]> Annex = new(() => PadesSigningTests.Document("Phụ lục"));

    private static TestKey Sender() => new(TestCertificates.Create("Văn phòng UBND tỉnh (kiểm thử)"));

    private static void Set(XmlDocument d, string element, string value) => d.GetElementsByTagName(element, Edxml.Ns)[0]!.InnerText = value;

    /// <summary>A package from another organ, built and signed here as another system would (two PDF attachments).</summary>
    private static async Task<byte[]> PackageAsync(TestKey? key, string from, string? to, string subject, Action<XmlDocument>? edit = null)
    {
        var document = new EdxmlDocument(
            new EdxmlOrgan(from, "Văn phòng UBND tỉnh Khánh Hòa"), to is null ? [] : [new EdxmlOrgan(to, "Ủy ban nhân dân xã")], 45, "VPUBND-HCTC", "Khánh Hòa",
            new DateOnly(2026, 12, 4), "2", "Kế hoạch", subject, "Nguyễn Văn Ký", "Chánh Văn phòng", 1, ["Như trên", "Lưu: VT"], 1, 1, 1, null,
            $"{from},2026/12/04,45/VPUBND-HCTC/{Guid.NewGuid():N}"[..60], [(from, new DateTime(2026, 12, 4, 15, 0, 0))],
            [new EdxmlAttachment("a1", "ke-hoach.pdf", "application/pdf", Plan.Value), new EdxmlAttachment("a2", "phu-luc.pdf", "application/pdf", Annex.Value)]);
        var xml = Edxml.Write(document);
        edit?.Invoke(xml);
        if (key is not null)
        {
            await Edxml.SignAsync(xml, key.Key, Ct);
        }

        return Edxml.Bytes(xml);
    }
}

/// <summary>Two running instances, each with its own database, exchanging over HTTP through each other's test server.</summary>
public sealed class EdxmlTwoInstanceTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7));
    private readonly HttpExchangeFactory _a = new();
    private readonly HttpExchangeFactory _b = new();

    public ValueTask InitializeAsync()
    {
        _a.Peer = _b;
        _b.Peer = _a;
        _a.Settings["Documents:Exchange:Peers:56.BACAITAY:BaseUrl"] = "http://instance-b";
        _a.Settings["Documents:Exchange:Peers:56.BACAITAY:Name"] = "UBND xã Bác Ái Tây (máy chủ B)";
        _b.Settings["Documents:Exchange:Peers:56.BACAI:BaseUrl"] = "http://instance-a";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task Two_instances_exchange_a_signed_document_and_its_statuses_over_http()
    {
        _a.Clock.SetUtcNow(Today);
        _b.Clock.SetUtcNow(Today);
        // Each side lets the other in with a machine client of scope documents:exchange for its receiving unit.
        (_a.Services.GetRequiredService<IOptions<ExchangeOptions>>().Value.Peers["56.BACAITAY"].ClientId,
            _a.Services.GetRequiredService<IOptions<ExchangeOptions>>().Value.Peers["56.BACAITAY"].ClientSecret) = await ClientAsync(_b, "56.BACAITAY");
        (_b.Services.GetRequiredService<IOptions<ExchangeOptions>>().Value.Peers["56.BACAI"].ClientId,
            _b.Services.GetRequiredService<IOptions<ExchangeOptions>>().Value.Peers["56.BACAI"].ClientSecret) = await ClientAsync(_a, "56.BACAI");
        await EdxmlTests.UsersAtAsync(_b, "56.BACAITAY", "bacaitay");

        var deskA = await _a.ClientFor("motcua.bacai");
        var pdf = await EdxmlTests.SignedPdfAsync(_a);
        var id = await EdxmlTests.IssueAsync(_a, deskA, "Về việc liên thông giữa hai máy chủ", pdf);
        await EdxmlTests.OkAsync(await deskA.PostAsJsonAsync($"/api/v1/documents/{id}/send", new { recipients = new[] { "56.BACAITAY" } }, Ct));
        Assert.True(await _a.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct) >= 1);

        var deskB = await _b.ClientFor("vanthu.bacaitay");
        var items = (await deskB.GetFromJsonAsync<JsonElement>("/api/v1/documents?direction=incoming&q=" + Uri.EscapeDataString("hai may chu"), Ct)).GetProperty("items");
        var idB = Assert.Single(items.EnumerateArray()).GetProperty("id").GetInt64();
        var docB = await deskB.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{idB}", Ct);
        Assert.Equal("56.BACAI", docB.GetProperty("exchanges")[0].GetProperty("peerOrganId").GetString());
        var file = await deskB.GetByteArrayAsync(docB.GetProperty("attachments")[0].GetProperty("url").GetString(), Ct);
        using (var scope = _b.Services.CreateScope())
        {
            var check = Assert.Single((await scope.ServiceProvider.GetRequiredService<SignatureVerifier>().VerifyAsync(file, Ct))!);
            Assert.True(check.IntegrityValid && check.CoversWholeDocument);
        }

        // B's statuses go back to A over HTTP: arrived and registered, then assigned.
        Assert.True(await _b.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct) >= 2);
        var leaderB = await _b.ClientFor("lanhdao.bacaitay");
        await EdxmlTests.OkAsync(await leaderB.PostAsJsonAsync($"/api/v1/documents/{idB}/assignments",
            new { holders = new[] { new { userName = "chuyenvien.bacaitay", role = "chu-tri" } }, workingDays = 3 }, Ct));
        Assert.True(await _b.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync(Ct) >= 1);
        var docA = await deskA.GetFromJsonAsync<JsonElement>($"/api/v1/documents/{id}", Ct);
        Assert.Equal(["01", "03", "05"], EdxmlTests.StatusCodes(docA));

        // Without a token of the exchange scope, another system is refused.
        var anonymous = _b.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/documents/edxml", new StringContent("<x/>", System.Text.Encoding.UTF8, "application/xml"), Ct)).StatusCode);
    }

    private static async Task<(string, string)> ClientAsync(HttpExchangeFactory factory, string unit)
    {
        using var scope = factory.Services.CreateScope();
        var registered = Assert.IsType<RegisterApiClient.Registered>(await scope.ServiceProvider.GetRequiredService<RegisterApiClient>()
            .HandleAsync(new("Hệ thống quản lý văn bản của đơn vị bạn", unit, [ClientScope.DocumentsExchange]), "admin", null, Ct));
        return (registered.Client.ClientId, registered.Secret);
    }
}
