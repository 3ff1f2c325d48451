using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>An incoming document as received: the sender's header and the attachments uploaded through <c>POST /api/v1/files</c>.</summary>
public sealed record IncomingRequest(
    string? Issuer, string? Notation, DateOnly? IssuedOn, DateOnly? ReceivedOn, string? Type, string? Subject, string? Signer,
    string? Recipients, string? Urgency, string? Secrecy, string[]? AttachmentFileIds);

/// <summary>An outgoing document to number and issue: its ký hiệu is built from the kind and the abbreviations given.</summary>
public sealed record OutgoingRequest(
    string? Type, string? Issuer, string? IssuerAbbreviation, string? DrafterAbbreviation, DateOnly? IssuedOn, string? Subject,
    string? Signer, string? Recipients, string? Urgency, string? Secrecy, string[]? AttachmentFileIds);

/// <summary>Registers an incoming document (số đến) or numbers and issues an outgoing one (số, ký hiệu), with no gap and no duplicate.</summary>
public sealed class RegisterDocument(AppDbContext db, TimeProvider time, ReadDocuments reads, IEnumerable<IFileReadGrant> grants, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Registered(DocumentView Document) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public async Task<Outcome> IncomingAsync(IncomingRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        if (Header(body.Type, body.Issuer, body.Subject, body.Signer, body.Recipients, body.IssuedOn, today, body.Urgency, body.Secrecy) is { } bad)
        {
            return bad;
        }

        var notation = body.Notation?.Trim();
        if (string.IsNullOrEmpty(notation) || notation.Length > 100)
        {
            return new Invalid("notation", t["Nhập số và ký hiệu của văn bản (tối đa 100 ký tự), ví dụ 125/UBND-VP."]);
        }

        var receivedOn = body.ReceivedOn ?? today;
        if (receivedOn > today || receivedOn < body.IssuedOn)
        {
            return new Invalid("receivedOn", t["Ngày đến không được sau hôm nay hoặc trước ngày ban hành."]);
        }

        return await SaveAsync(user, DocumentDirection.Incoming, DocumentRules.IncomingBook, receivedOn.Year, _ => notation, body.Issuer!, body.IssuedOn!.Value, receivedOn,
            body.Type!, body.Subject!, body.Signer!, body.Recipients, body.Urgency, body.Secrecy, body.AttachmentFileIds, ct);
    }

    public async Task<Outcome> OutgoingAsync(OutgoingRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var issuedOn = body.IssuedOn ?? today;
        if (Header(body.Type, body.Issuer, body.Subject, body.Signer, body.Recipients, issuedOn, today, body.Urgency, body.Secrecy) is { } bad)
        {
            return bad;
        }

        if (!DocumentRules.IsAbbreviation(body.IssuerAbbreviation))
        {
            return new Invalid("issuerAbbreviation", t["Nhập chữ viết tắt tên cơ quan ban hành (chữ in hoa, không dấu cách), ví dụ UBND."]);
        }

        if (!string.IsNullOrEmpty(body.DrafterAbbreviation) && !DocumentRules.IsAbbreviation(body.DrafterAbbreviation))
        {
            return new Invalid("drafterAbbreviation", t["Chữ viết tắt đơn vị soạn thảo gồm chữ in hoa và số, ví dụ VP."]);
        }

        // ND 30/2020 Điều 15: the number is given on the day of issue, in the year's series; a back-dated issue would break the order.
        if (issuedOn != today)
        {
            return new Invalid("issuedOn", t["Văn bản đi được cấp số và ban hành trong ngày: ngày ban hành phải là hôm nay."]);
        }

        var type = DocumentTypes.Find(body.Type)!;
        var secrecy = DocumentRules.SecrecyCodes[body.Secrecy ?? "thuong"];
        return await SaveAsync(user, DocumentDirection.Outgoing, DocumentRules.OutgoingBookFor(secrecy), issuedOn.Year,
            n => DocumentRules.Notation(n, type, body.IssuerAbbreviation!, string.IsNullOrEmpty(body.DrafterAbbreviation) ? null : body.DrafterAbbreviation),
            body.Issuer!, issuedOn, null, body.Type!, body.Subject!, body.Signer!, body.Recipients, body.Urgency, body.Secrecy, body.AttachmentFileIds, ct);
    }

    internal Invalid? Header(string? type, string? issuer, string? subject, string? signer, string? recipients, DateOnly? issuedOn, DateOnly today, string? urgency, string? secrecy)
    {
        if (DocumentTypes.Find(type) is null)
        {
            return new Invalid("type", t["Chọn loại văn bản theo Nghị định 30/2020/NĐ-CP."]);
        }

        if (string.IsNullOrWhiteSpace(issuer) || issuer.Length > 300)
        {
            return new Invalid("issuer", t["Nhập cơ quan ban hành (tối đa 300 ký tự)."]);
        }

        if (issuedOn is not { } d || d > today || d.Year < 2000)
        {
            return new Invalid("issuedOn", t["Nhập ngày ban hành, không sau hôm nay."]);
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Length > DocumentRules.SubjectMaxLength)
        {
            return new Invalid("subject", t["Nhập trích yếu (tối đa {0} ký tự).", DocumentRules.SubjectMaxLength]);
        }

        if (string.IsNullOrWhiteSpace(signer) || signer.Length > 200)
        {
            return new Invalid("signer", t["Nhập người ký (tối đa 200 ký tự)."]);
        }

        if (recipients is { Length: > 2000 })
        {
            return new Invalid("recipients", t["Nơi nhận tối đa 2000 ký tự."]);
        }

        if (urgency is not null && !DocumentRules.UrgencyCodes.ContainsKey(urgency))
        {
            return new Invalid("urgency", t["Độ khẩn là một trong: thuong, khan, thuong-khan, hoa-toc."]);
        }

        if (secrecy is not null && !DocumentRules.SecrecyCodes.ContainsKey(secrecy))
        {
            return new Invalid("secrecy", t["Độ mật là một trong: thuong, mat, toi-mat, tuyet-mat."]);
        }

        return null;
    }

    private async Task<Outcome> SaveAsync(
        ClaimsPrincipal user, DocumentDirection direction, string book, int year, Func<int, string> notation, string issuer, DateOnly issuedOn, DateOnly? receivedOn,
        string type, string subject, string signer, string? recipients, string? urgency, string? secrecy, string[]? fileIds, CancellationToken ct)
    {
        if (user.UnitId() is not { } unitId || user.UnitPath() is not { } unitPath)
        {
            return new Invalid("unit", t["Tài khoản chưa thuộc đơn vị nào nên không vào sổ văn bản được."]);
        }

        var files = new List<UploadedFile>();
        foreach (var id in (fileIds ?? []).Distinct(StringComparer.Ordinal))
        {
            if (files.Count >= 20 || await FilesApi.FindReadableAsync(db, grants, id ?? "", user, ct) is not { } file)
            {
                return new Invalid("attachmentFileIds", t["Tệp đính kèm không tồn tại hoặc bạn không có quyền dùng (tối đa 20 tệp)."]);
            }

            files.Add(file);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        var id2 = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var number = await DocumentNumbers.NextAsync(db, unitId, book, year, ct);
            var code = notation(number);
            var doc = new OfficialDocument
            {
                Direction = direction,
                UnitId = unitId,
                UnitPath = unitPath,
                Book = book,
                Year = year,
                Number = number,
                Notation = code,
                Issuer = issuer.Trim(),
                IssuedOn = issuedOn,
                ReceivedOn = receivedOn,
                TypeCode = DocumentTypes.Find(type)!.Code,
                Subject = subject.Trim(),
                Signer = signer.Trim(),
                Recipients = string.IsNullOrWhiteSpace(recipients) ? null : recipients.Trim(),
                Urgency = DocumentRules.UrgencyCodes[urgency ?? "thuong"],
                Secrecy = DocumentRules.SecrecyCodes[secrecy ?? "thuong"],
                Status = direction == DocumentDirection.Incoming ? DocumentStatus.Registered : DocumentStatus.Issued,
                SearchText = Search(subject, code),
                CreatedBy = DocumentHistory.ActorId(user),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                Attachments = [.. files.Select(f => new DocumentAttachment { FileId = f.Id, FileName = f.FileName, ContentType = f.ContentType })],
            };
            db.OfficialDocuments.Add(doc);
            await db.SaveChangesAsync(ct);
            await DocumentHistory.AppendAsync(db, doc, user, now, direction == DocumentDirection.Incoming ? "register" : "issue",
                direction == DocumentDirection.Incoming ? $"Số đến {number}" : $"Số {code}", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return doc.Id;
        });
        return new Registered((await reads.OneAsync(id2, user, ct))!);
    }

    /// <summary>What the list searches: trích yếu and số ký hiệu without diacritics.</summary>
    public static string Search(string subject, string notation)
    {
        var text = TextFolding.Fold(subject) + " " + TextFolding.Fold(notation) + " " + notation.ToLowerInvariant();
        return text.Length > 700 ? text[..700] : text;
    }
}
