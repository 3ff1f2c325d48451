using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using MotCua.Web.Features.Signing;

namespace MotCua.Web.Features.Documents;

/// <summary>An organ (cơ quan) of an edXML header: its mã định danh and name.</summary>
public sealed record EdxmlOrgan(string OrganId, string OrganName, string? OrganizationInCharge = null);

/// <summary>One attached file, decoded.</summary>
public sealed record EdxmlAttachment(string ContentId, string Name, string ContentType, byte[] Content, string? Description = null);

/// <summary>The document an answer responds to (ResponseFor).</summary>
public sealed record EdxmlResponseFor(string OrganId, string Code, DateOnly PromulgationDate, string DocumentId);

/// <summary>A QCVN 102:2016 document package: the MessageHeader, the trace and the attachments.</summary>
public sealed record EdxmlDocument(
    EdxmlOrgan From, IReadOnlyList<EdxmlOrgan> To, int CodeNumber, string CodeNotation, string Place, DateOnly PromulgationDate,
    string TypeCode, string TypeName, string Subject, string SignerName, string? SignerPosition, int SteeringType,
    IReadOnlyList<string> ToPlaces, int Priority, int PromulgationAmount, int PageAmount, EdxmlResponseFor? ResponseFor,
    string DocumentId, IReadOnlyList<(string OrganId, DateTime AtLocal)> Trace, IReadOnlyList<EdxmlAttachment> Attachments);

/// <summary>A QCVN 102:2016 status package: what happened to <see cref="DocumentId"/> at <see cref="From"/>.</summary>
public sealed record EdxmlStatus(EdxmlOrgan From, string ResponseOrganId, string ResponseCode, DateOnly ResponseDate, string DocumentId,
    string StatusCode, string Description, DateTime AtLocal, string? StaffName);

/// <summary>A package read from bytes: a document or a status, with the signer's certificate; or the first problem found.</summary>
public sealed record EdxmlRead(EdxmlDocument? Document, EdxmlStatus? Status, X509Certificate2? Signer, string? Field, string? Problem, object[]? Args = null)
{
    public static EdxmlRead Bad(string field, string problem, params object[] args) => new(null, null, null, field, problem, args);
}

/// <summary>
/// Writes and reads QCVN 102:2016 edXML packages (namespace <see cref="Ns"/>), signed with an enveloped XMLDSig (RSA-SHA256,
/// exclusive c14n, the certificate in KeyInfo/X509Data) over the whole file, attachments included. Reading refuses DTDs and
/// external entities. Messages are Vietnamese source strings for the caller's localizer.
/// </summary>
public static class Edxml
{
    public const string Ns = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public const string Prefix = "edXML";
    public const int SubjectMaxLength = 500;
    public const int MaxAttachments = 20;

    /// <summary>QCVN 102:2016 status codes (StatusCode) this system sends and understands.</summary>
    public static readonly IReadOnlyDictionary<string, string> StatusCodes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["01"] = "Đã đến",
        ["02"] = "Từ chối tiếp nhận",
        ["03"] = "Đã tiếp nhận",
        ["04"] = "Đã đến, đang chờ phân công",
        ["05"] = "Đã phân công, đang xử lý",
        ["06"] = "Đã xử lý xong",
        ["13"] = "Thu hồi văn bản",
    };

    private const string DateFormat = "yyyy/MM/dd";
    private const string TimeFormat = "yyyy/MM/dd HH:mm:ss";

    // ---------------------------------------------------------------- writing

    public static XmlDocument Write(EdxmlDocument d)
    {
        var w = new Writer();
        var header = w.Header();
        var m = w.El(header, "MessageHeader");
        Organ(w, m, "From", d.From);
        foreach (var to in d.To)
        {
            Organ(w, m, "To", to);
        }

        var code = w.El(m, "Code");
        w.El(code, "CodeNumber", d.CodeNumber.ToString(CultureInfo.InvariantCulture));
        w.El(code, "CodeNotation", d.CodeNotation);
        var info = w.El(m, "PromulgationInfo");
        w.El(info, "Place", d.Place);
        w.El(info, "PromulgationDate", d.PromulgationDate.ToString(DateFormat, CultureInfo.InvariantCulture));
        var type = w.El(m, "DocumentType");
        w.El(type, "Type", d.TypeCode);
        w.El(type, "TypeDetail", "0");
        w.El(type, "TypeName", d.TypeName);
        w.El(m, "Subject", d.Subject);
        var signer = w.El(m, "SignerInfo");
        w.El(signer, "Competence", "");
        w.El(signer, "Position", d.SignerPosition ?? "");
        w.El(signer, "FullName", d.SignerName);
        var places = w.El(m, "ToPlaces");
        foreach (var p in d.ToPlaces)
        {
            w.El(places, "Place", p);
        }

        var other = w.El(m, "OtherInfo");
        w.El(other, "Priority", d.Priority.ToString(CultureInfo.InvariantCulture));
        w.El(other, "SphereOfPromulgation", "");
        w.El(other, "TyperNotation", "");
        w.El(other, "PromulgationAmount", d.PromulgationAmount.ToString(CultureInfo.InvariantCulture));
        w.El(other, "PageAmount", d.PageAmount.ToString(CultureInfo.InvariantCulture));
        if (d.ResponseFor is { } r)
        {
            var rf = w.El(m, "ResponseFor");
            w.El(rf, "OrganId", r.OrganId);
            w.El(rf, "Code", r.Code);
            w.El(rf, "PromulgationDate", r.PromulgationDate.ToString(DateFormat, CultureInfo.InvariantCulture));
            w.El(rf, "DocumentId", r.DocumentId);
        }

        w.El(m, "SteeringType", d.SteeringType.ToString(CultureInfo.InvariantCulture));
        w.El(m, "DocumentId", d.DocumentId);
        var trace = w.El(header, "TraceHeaderList");
        foreach (var (organ, at) in d.Trace)
        {
            var th = w.El(trace, "TraceHeader");
            w.El(th, "OrganId", organ);
            w.El(th, "Timestamp", at.ToString(TimeFormat, CultureInfo.InvariantCulture));
        }

        var business = w.El(trace, "Bussiness");
        w.El(business, "BussinessDocType", "0");
        w.El(business, "BussinessDocReason", "");
        w.El(business, "Paper", "0");

        var body = w.El(w.Envelope, "edXMLBody");
        var manifest = w.El(body, "edXMLManifest");
        manifest.SetAttribute("version", "1.0");
        foreach (var a in d.Attachments)
        {
            var reference = w.El(manifest, "Reference");
            w.El(reference, "ContentId", "cid:" + a.ContentId);
            w.El(reference, "ContentType", a.ContentType);
            w.El(reference, "Description", a.Description ?? a.Name);
            w.El(reference, "AttachmentName", a.Name);
        }

        var encoded = w.Plain(w.Root, "AttachmentEncoded");
        foreach (var a in d.Attachments)
        {
            var attachment = w.Plain(encoded, "Attachment");
            w.Plain(attachment, "ContentId", a.ContentId);
            w.Plain(attachment, "AttachmentName", a.Name);
            w.Plain(attachment, "Description", a.Description ?? a.Name);
            w.Plain(attachment, "ContentType", a.ContentType);
            w.Plain(attachment, "ContentTransferEncoded", "base64");
            w.Plain(attachment, "Value", Convert.ToBase64String(a.Content));
        }

        return w.Doc;
    }

    public static XmlDocument WriteStatus(EdxmlStatus s)
    {
        var w = new Writer();
        var header = w.Header();
        var status = w.El(header, "Status");
        var rf = w.El(status, "ResponseFor");
        w.El(rf, "OrganId", s.ResponseOrganId);
        w.El(rf, "Code", s.ResponseCode);
        w.El(rf, "PromulgationDate", s.ResponseDate.ToString(DateFormat, CultureInfo.InvariantCulture));
        w.El(rf, "DocumentId", s.DocumentId);
        Organ(w, status, "From", s.From);
        w.El(status, "Description", s.Description);
        w.El(status, "Timestamp", s.AtLocal.ToString(TimeFormat, CultureInfo.InvariantCulture));
        w.El(status, "StatusCode", s.StatusCode);
        var staff = w.El(status, "StaffInfo");
        w.El(staff, "Staff", s.StaffName ?? "");
        return w.Doc;
    }

    /// <summary>The package's bytes: UTF-8 without a byte-order mark, no indentation (whitespace would be part of what is signed).</summary>
    public static byte[] Bytes(XmlDocument doc)
    {
        using var ms = new MemoryStream();
        using (var xw = XmlWriter.Create(ms, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            doc.Save(xw);
        }

        return ms.ToArray();
    }

    private static void Organ(Writer w, XmlElement parent, string name, EdxmlOrgan o)
    {
        var e = w.El(parent, name);
        w.El(e, "OrganId", o.OrganId);
        w.El(e, "OrganizationInCharge", o.OrganizationInCharge ?? "");
        w.El(e, "OrganName", o.OrganName);
        w.El(e, "OrganAdd", "");
        w.El(e, "Email", "");
        w.El(e, "Telephone", "");
        w.El(e, "Fax", "");
        w.El(e, "Website", "");
    }

    private sealed class Writer
    {
        public XmlDocument Doc { get; } = new() { PreserveWhitespace = true };
        public XmlElement Root { get; }
        public XmlElement Envelope { get; }

        public Writer()
        {
            Doc.AppendChild(Doc.CreateXmlDeclaration("1.0", "UTF-8", null));
            Root = Doc.CreateElement("edXML", Ns);
            Root.SetAttribute("xmlns:" + Prefix, Ns);
            Doc.AppendChild(Root);
            Envelope = El(Root, "edXMLEnvelope");
        }

        public XmlElement Header() => El(Envelope, "edXMLHeader");

        public XmlElement El(XmlElement parent, string name, string? text = null)
        {
            var e = Doc.CreateElement(Prefix, name, Ns);
            if (text is not null)
            {
                e.InnerText = text;
            }

            parent.AppendChild(e);
            return e;
        }

        /// <summary>AttachmentEncoded and its children carry no prefix: the default namespace, the same URI.</summary>
        public XmlElement Plain(XmlElement parent, string name, string? text = null)
        {
            var e = Doc.CreateElement(name, Ns);
            if (text is not null)
            {
                e.InnerText = text;
            }

            parent.AppendChild(e);
            return e;
        }
    }

    // ---------------------------------------------------------------- signing

    // SignedXml computes the references and SignedInfo with a key it holds; the value is then replaced by the configured key's
    // signature of the canonical SignedInfo, so a token or a remote service (which sign bytes, not XML) can sign too.
    private static readonly Lazy<RSA> Scratch = new(() => RSA.Create(2048));

    /// <summary>Signs <paramref name="doc"/> in place: an enveloped signature inside edXMLHeader, then checked against the certificate.</summary>
    public static async Task SignAsync(XmlDocument doc, ISigningKey key, CancellationToken ct)
    {
        var chain = await key.ChainAsync(ct);
        var certificate = chain[0];
        using var publicKey = certificate.GetRSAPublicKey()
            ?? throw new SigningKeyException("Chứng thư số ký gói tin edXML phải dùng khóa RSA (chữ ký XML RSA-SHA256).");
        var signed = new SignedXml(doc) { SigningKey = Scratch.Value };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        var reference = new Reference("") { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        var data = new KeyInfoX509Data(certificate);
        data.AddSubjectName(certificate.Subject);
        signed.KeyInfo = new KeyInfo();
        signed.KeyInfo.AddClause(data);
        signed.ComputeSignature();
        var element = signed.GetXml();

        var info = (XmlElement)element.GetElementsByTagName("SignedInfo", SignedXml.XmlDsigNamespaceUrl)[0]!;
        var scratch = new XmlDocument { PreserveWhitespace = true };
        scratch.AppendChild(scratch.ImportNode(info, true));
        var c14n = new XmlDsigExcC14NTransform();
        c14n.LoadInput(scratch);
        byte[] canonical;
        using (var output = (Stream)c14n.GetOutput(typeof(Stream)))
        using (var copy = new MemoryStream())
        {
            await output.CopyToAsync(copy, ct);
            canonical = copy.ToArray();
        }

        var value = await key.SignAsync(canonical, ct);
        ((XmlElement)element.GetElementsByTagName("SignatureValue", SignedXml.XmlDsigNamespaceUrl)[0]!).InnerText = Convert.ToBase64String(value);
        var header = (XmlElement)doc.GetElementsByTagName("edXMLHeader", Ns)[0]!;
        header.AppendChild(doc.ImportNode(element, true));
        if (Verify(doc) is not { } who || who.Thumbprint != certificate.Thumbprint)
        {
            header.RemoveChild(header.LastChild!);
            throw new SigningKeyException("Chữ ký của khóa ký số không khớp chứng thư số của nó: gói tin edXML không được ký.");
        }
    }

    /// <summary>The signer's certificate when the one enveloped signature covers the whole package and verifies, else null.</summary>
    public static X509Certificate2? Verify(XmlDocument doc)
    {
        var signatures = doc.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl);
        if (signatures.Count != 1)
        {
            return null;
        }

        try
        {
            var signed = new SignedXml(doc);
            signed.LoadXml((XmlElement)signatures[0]!);
            // One reference to the whole document: a signature over some other part (wrapping) does not count.
            if (signed.SignedInfo?.References.Count != 1 || signed.SignedInfo.References[0] is not Reference { Uri: "" })
            {
                return null;
            }

            var certificate = signed.KeyInfo?.OfType<KeyInfoX509Data>().SelectMany(x => x.Certificates?.OfType<X509Certificate2>() ?? []).FirstOrDefault();
            return certificate is not null && signed.CheckSignature(certificate, true) ? certificate : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    // ---------------------------------------------------------------- reading

    /// <summary>Reads with DTDs prohibited and no resolver: no entity of any kind is expanded, no file or URL is fetched.</summary>
    public static XmlDocument? Load(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreProcessingInstructions = true, MaxCharactersFromEntities = 0 };
        var doc = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            doc.Load(reader);
            return doc;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    public static EdxmlRead Read(byte[] bytes)
    {
        if (Load(bytes) is not { } doc)
        {
            return EdxmlRead.Bad("package", "Gói tin không phải XML hợp lệ (không chấp nhận DTD, thực thể ngoài).");
        }

        var root = doc.DocumentElement!;
        var envelope = root.LocalName == "edXMLEnvelope" && root.NamespaceURI == Ns ? root : Child(root, "edXMLEnvelope");
        if (root.NamespaceURI != Ns || envelope is null || Child(envelope, "edXMLHeader") is not { } header)
        {
            return EdxmlRead.Bad("package", "Gói tin không theo QCVN 102:2016: thiếu edXMLEnvelope/edXMLHeader.");
        }

        if (Verify(doc) is not { } signer)
        {
            return EdxmlRead.Bad("Signature", "Chữ ký số của gói tin không có hoặc không hợp lệ (gói tin đã bị thay đổi sau khi ký).");
        }

        if (Child(header, "Status") is { } status)
        {
            return ReadStatus(status, signer);
        }

        if (Child(header, "MessageHeader") is not { } m)
        {
            return EdxmlRead.Bad("MessageHeader", "Gói tin thiếu MessageHeader.");
        }

        if (ReadOrgan(Child(m, "From")) is not { } from)
        {
            return EdxmlRead.Bad("From", "Gói tin thiếu nơi gửi (From/OrganId, OrganName).");
        }

        var to = new List<EdxmlOrgan>();
        foreach (var e in Children(m, "To"))
        {
            if (ReadOrgan(e) is not { } organ)
            {
                return EdxmlRead.Bad("To", "Nơi nhận (To) phải có OrganId và OrganName.");
            }

            if (to.Any(x => x.OrganId == organ.OrganId))
            {
                return EdxmlRead.Bad("To", "Nơi nhận (To/OrganId) bị trùng.");
            }

            to.Add(organ);
        }

        if (to.Count == 0)
        {
            return EdxmlRead.Bad("To", "Gói tin thiếu nơi nhận (To).");
        }

        var code = Child(m, "Code");
        if (!int.TryParse(Text(code, "CodeNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1
            || Text(code, "CodeNotation") is not { Length: > 0 and <= 90 } notation)
        {
            return EdxmlRead.Bad("Code", "Số và ký hiệu (Code/CodeNumber, CodeNotation) thiếu hoặc không hợp lệ.");
        }

        var info = Child(m, "PromulgationInfo");
        if (!TryDate(Text(info, "PromulgationDate"), out var promulgated))
        {
            return EdxmlRead.Bad("PromulgationDate", "Ngày ban hành (PromulgationDate) phải có dạng yyyy/MM/dd.");
        }

        var subject = Text(m, "Subject");
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > SubjectMaxLength)
        {
            return EdxmlRead.Bad("Subject", "Trích yếu (Subject) bắt buộc và không quá 500 ký tự.");
        }

        var other = Child(m, "OtherInfo");
        var priorityText = Text(other, "Priority");
        var priority = 0;
        if (!string.IsNullOrEmpty(priorityText) && (!int.TryParse(priorityText, NumberStyles.None, CultureInfo.InvariantCulture, out priority) || priority > 4))
        {
            return EdxmlRead.Bad("Priority", "Độ khẩn (OtherInfo/Priority) phải là 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc hoặc 4 hỏa tốc hẹn giờ.");
        }

        var steeringText = Text(m, "SteeringType");
        var steering = 1;
        if (!string.IsNullOrEmpty(steeringText) && (!int.TryParse(steeringText, NumberStyles.None, CultureInfo.InvariantCulture, out steering) || steering > 3))
        {
            return EdxmlRead.Bad("SteeringType", "SteeringType phải là 1 (không phải chỉ đạo), 2 (chỉ đạo) hoặc 3 (báo cáo chỉ đạo).");
        }

        if (Text(m, "DocumentId") is not { Length: > 0 and <= 200 } documentId)
        {
            return EdxmlRead.Bad("DocumentId", "Gói tin thiếu mã văn bản (DocumentId) hoặc mã dài quá 200 ký tự.");
        }

        var signerName = Text(Child(m, "SignerInfo"), "FullName");
        if (string.IsNullOrWhiteSpace(signerName) || signerName.Length > 200)
        {
            return EdxmlRead.Bad("SignerInfo", "Gói tin thiếu người ký (SignerInfo/FullName, tối đa 200 ký tự).");
        }

        var places = Children(Child(m, "ToPlaces"), "Place").Select(p => p.InnerText.Trim()).Where(p => p.Length > 0).ToList();
        if (places.Any(p => p.Length > 150))
        {
            return EdxmlRead.Bad("ToPlaces", "Mỗi nơi nhận (ToPlaces/Place) không quá 150 ký tự.");
        }

        EdxmlResponseFor? responseFor = null;
        if (Child(m, "ResponseFor") is { } rf && TryDate(Text(rf, "PromulgationDate"), out var rfDate))
        {
            responseFor = new EdxmlResponseFor(Text(rf, "OrganId") ?? "", Text(rf, "Code") ?? "", rfDate, Text(rf, "DocumentId") ?? "");
        }

        var attachments = new List<EdxmlAttachment>();
        var encoded = Child(root, "AttachmentEncoded") ?? Child(Child(envelope, "edXMLBody"), "AttachmentEncoded");
        var all = Children(encoded, "Attachment").ToList();
        if (all.Count > MaxAttachments)
        {
            return EdxmlRead.Bad("Attachment", "Gói tin có quá 20 tệp đính kèm.");
        }

        foreach (var (e, i) in all.Select((e, i) => (e, i)))
        {
            var name = Text(e, "AttachmentName");
            var type = Text(e, "ContentType");
            byte[] content;
            try
            {
                content = Convert.FromBase64String(Text(e, "Value") ?? "");
            }
            catch (FormatException)
            {
                return EdxmlRead.Bad("Attachment", "Tệp đính kèm thứ {0} không phải dữ liệu base64 hợp lệ.", i + 1);
            }

            if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || string.IsNullOrWhiteSpace(type) || type.Length > 50 || content.Length == 0)
            {
                return EdxmlRead.Bad("Attachment", "Tệp đính kèm thứ {0} thiếu tên, kiểu hoặc nội dung.", i + 1);
            }

            attachments.Add(new EdxmlAttachment(Text(e, "ContentId") ?? "", name, type, content, Text(e, "Description")));
        }

        var trace = Children(Child(header, "TraceHeaderList"), "TraceHeader")
            .Select(t => (Text(t, "OrganId") ?? "", TryTime(Text(t, "Timestamp"), out var at) ? at : DateTime.MinValue)).ToList();
        var typeElement = Child(m, "DocumentType");
        var document = new EdxmlDocument(
            from, to, number, notation, Text(info, "Place") ?? "", promulgated, Text(typeElement, "Type") ?? "", Text(typeElement, "TypeName") ?? "",
            subject.Trim(), signerName.Trim(), Text(Child(m, "SignerInfo"), "Position"), steering, places, priority,
            int.TryParse(Text(other, "PromulgationAmount"), NumberStyles.None, CultureInfo.InvariantCulture, out var copies) ? copies : 0,
            int.TryParse(Text(other, "PageAmount"), NumberStyles.None, CultureInfo.InvariantCulture, out var pages) ? pages : 0,
            responseFor, documentId, trace, attachments);
        return new EdxmlRead(document, null, signer, null, null);
    }

    private static EdxmlRead ReadStatus(XmlElement s, X509Certificate2 signer)
    {
        if (ReadOrgan(Child(s, "From")) is not { } from)
        {
            return EdxmlRead.Bad("From", "Gói tin trạng thái thiếu nơi gửi (From/OrganId, OrganName).");
        }

        var rf = Child(s, "ResponseFor");
        if (Text(rf, "DocumentId") is not { Length: > 0 and <= 200 } documentId)
        {
            return EdxmlRead.Bad("ResponseFor", "Gói tin trạng thái thiếu văn bản được phản hồi (ResponseFor/DocumentId).");
        }

        var code = Text(s, "StatusCode");
        if (code is null || !StatusCodes.ContainsKey(code))
        {
            return EdxmlRead.Bad("StatusCode", "Mã trạng thái (StatusCode) không được hỗ trợ: 01, 02, 03, 04, 05, 06 hoặc 13.");
        }

        if (!TryTime(Text(s, "Timestamp"), out var at))
        {
            return EdxmlRead.Bad("Timestamp", "Thời điểm (Timestamp) phải có dạng yyyy/MM/dd HH:mm:ss.");
        }

        var description = Text(s, "Description") ?? "";
        _ = TryDate(Text(rf, "PromulgationDate"), out var date);
        return new EdxmlRead(null, new EdxmlStatus(from, Text(rf, "OrganId") ?? "", Text(rf, "Code") ?? "", date, documentId, code,
            description.Length > 500 ? description[..500] : description, at, Text(Child(s, "StaffInfo"), "Staff")), signer, null, null);
    }

    private static EdxmlOrgan? ReadOrgan(XmlElement? e)
    {
        var id = Text(e, "OrganId");
        var name = Text(e, "OrganName");
        return string.IsNullOrWhiteSpace(id) || id.Length > 40 || string.IsNullOrWhiteSpace(name) || name.Length > 300
            ? null : new EdxmlOrgan(id.Trim(), name.Trim(), Text(e, "OrganizationInCharge"));
    }

    private static bool TryDate(string? s, out DateOnly date) =>
        DateOnly.TryParseExact(s, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryTime(string? s, out DateTime at) =>
        DateTime.TryParseExact(s, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out at);

    private static XmlElement? Child(XmlElement? parent, string name) => Children(parent, name).FirstOrDefault();

    private static IEnumerable<XmlElement> Children(XmlElement? parent, string name) =>
        parent?.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == name && e.NamespaceURI == Ns) ?? [];

    private static string? Text(XmlElement? parent, string name) => Child(parent, name)?.InnerText.Trim();

    /// <summary>The QCVN 102 priority of an urgency: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc.</summary>
    public static int Priority(Domain.Documents.Urgency u) => (int)u;

    /// <summary>The urgency of a QCVN 102 priority; 4 (hỏa tốc hẹn giờ) is hỏa tốc.</summary>
    public static Domain.Documents.Urgency Urgency(int priority) => (Domain.Documents.Urgency)Math.Min(priority, 3);

    /// <summary>The package id of QCVN 102: "{OrganId},{yyyy/MM/dd},{số}/{ký hiệu}".</summary>
    public static string DocumentIdOf(string organId, DateOnly issuedOn, string notation) =>
        $"{organId},{issuedOn.ToString(DateFormat, CultureInfo.InvariantCulture)},{notation}";
}
