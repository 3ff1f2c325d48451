using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// Writes an issued outgoing document as a signed QCVN 102:2016 package: the header from the register, the recipients
/// chosen (units of the tree or configured peers), the attachments in base64, signed with the instance's signing key.
/// </summary>
public sealed class ExportEdxml(AppDbContext db, IFileStore store, SigningKeyProvider keys, TimeProvider time, ExchangeRecipients recipients, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Exported(byte[] Package, string FileName) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, string[]? to, ClaimsPrincipal user, CancellationToken ct)
    {
        if (to is { Length: > 50 })
        {
            return new Invalid("to", t["Chọn tối đa 50 đơn vị nhận."]);
        }

        var doc = await db.OfficialDocuments.AsNoTracking().Include(d => d.Attachments)
            .SingleOrDefaultAsync(d => d.Id == id && d.UnitPath.StartsWith(user.ScopePath()), ct);
        if (doc is null)
        {
            return new NotFound();
        }

        if (Sendable(doc) is { } refusal)
        {
            return new Refused(refusal);
        }

        IReadOnlyList<EdxmlOrgan> organs;
        if (to is { Length: > 0 })
        {
            var resolved = await recipients.ResolveAsync(to, doc.UnitId, ct);
            if (resolved.Unknown is { } unknown)
            {
                return new Invalid("to", t["Không có đơn vị nhận mã '{0}' trong cây đơn vị hoặc danh sách liên thông.", unknown]);
            }

            organs = resolved.Organs;
        }
        else
        {
            organs = await db.DocumentExchanges.AsNoTracking().Where(x => x.DocumentId == id && x.Direction == ExchangeDirection.Sent)
                .OrderBy(x => x.Id).Select(x => new EdxmlOrgan(x.PeerOrganId, x.PeerName, null)).ToListAsync(ct);
            if (organs.Count == 0)
            {
                return new Invalid("to", t["Chọn đơn vị nhận (to, mã đơn vị) hoặc gửi văn bản trước."]);
            }
        }

        try
        {
            var package = await BuildAsync(doc, organs, ct);
            return new Exported(package, $"{doc.Notation.Replace('/', '-')}.edxml");
        }
        catch (SigningKeyException ex)
        {
            return new Refused(t["Không ký được gói tin edXML: {0}", ex.Message]);
        }
    }

    /// <summary>Why the document may not travel on the axis, or null: only issued outgoing documents without a secrecy level do.</summary>
    public string? Sendable(OfficialDocument doc) =>
        doc.Direction != DocumentDirection.Outgoing || doc.Status != DocumentStatus.Issued
            ? t["Chỉ văn bản đi đã ban hành mới gửi liên thông được."].Value
            : doc.Secrecy != Secrecy.Normal
                ? t["Văn bản có độ mật không được gửi qua trục liên thông (QCVN 102:2016 không có độ mật); gửi theo quy định về bảo vệ bí mật nhà nước."].Value
                : null;

    /// <summary>The signed package of <paramref name="doc"/> (with its attachments loaded) for <paramref name="to"/>.</summary>
    public async Task<byte[]> BuildAsync(OfficialDocument doc, IReadOnlyList<EdxmlOrgan> to, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == doc.UnitId, ct);
        var from = new EdxmlOrgan(unit.Code, unit.Name, doc.Issuer);
        var attachments = new List<EdxmlAttachment>();
        var pages = 0;
        foreach (var a in doc.Attachments.OrderBy(a => a.Id))
        {
            var sha = await db.UploadedFiles.AsNoTracking().Where(f => f.Id == a.FileId).Select(f => f.Sha256).SingleAsync(ct);
            await using var stream = store.Open(sha) ?? throw new InvalidOperationException($"The attachment {a.FileId} of document {doc.Id} is missing from the file store.");
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            var bytes = copy.ToArray();
            pages += PdfPages(bytes, a.ContentType);
            attachments.Add(new EdxmlAttachment(a.FileId, a.FileName, a.ContentType, bytes));
        }

        var type = DocumentTypes.Find(doc.TypeCode);
        var slash = doc.Notation.IndexOf('/', StringComparison.Ordinal);
        EdxmlResponseFor? responseFor = null;
        if (doc.RepliesToId is { } replied
            && await db.DocumentExchanges.AsNoTracking().Where(x => x.DocumentId == replied && x.Direction == ExchangeDirection.Received).FirstOrDefaultAsync(ct) is { } origin)
        {
            var answered = await db.OfficialDocuments.AsNoTracking().SingleAsync(d => d.Id == replied, ct);
            responseFor = new EdxmlResponseFor(origin.PeerOrganId, answered.Notation, answered.IssuedOn, origin.PackageId);
        }

        var document = new EdxmlDocument(
            from, to, doc.Number, slash >= 0 ? doc.Notation[(slash + 1)..] : doc.Notation, Place(unit.Name), doc.IssuedOn,
            doc.TypeCode, type?.Name ?? doc.TypeCode, doc.Subject, doc.Signer, null, 1,
            [.. (doc.Recipients ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Length > 150 ? p[..150] : p)],
            Edxml.Priority(doc.Urgency), to.Count, pages, responseFor, Edxml.DocumentIdOf(unit.Code, doc.IssuedOn, doc.Notation),
            [(unit.Code, VietnamTime.Now(time))], attachments);
        var xml = Edxml.Write(document);
        await Edxml.SignAsync(xml, await keys.KeyAsync(ct), ct);
        return Edxml.Bytes(xml);
    }

    /// <summary>Địa danh of a unit: its name without the kind ("Xã Bác Ái" → "Bác Ái").</summary>
    public static string Place(string unitName)
    {
        foreach (var prefix in new[] { "Ủy ban nhân dân ", "UBND ", "Thị trấn ", "Phường ", "Xã ", "Đặc khu ", "Tỉnh ", "Thành phố " })
        {
            if (unitName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return Place(unitName[prefix.Length..]);
            }
        }

        return unitName;
    }

    private static int PdfPages(byte[] bytes, string contentType)
    {
        if (contentType != "application/pdf")
        {
            return 0;
        }

        try
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
            return pdf.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A PDF PdfPig cannot read still travels; its pages are just not counted.
            return 0;
        }
    }
}
