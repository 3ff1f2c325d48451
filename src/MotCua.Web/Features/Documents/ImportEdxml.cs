using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Documents;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

/// <summary>
/// Reads a QCVN 102:2016 package. A document package is registered as an incoming document (số đến of the receiving unit)
/// with its attachments in one transaction, once per receiving unit in the caller's scope: the same package again gives
/// the same document. A status package is recorded on the exchange it answers (a recall marks the received copy recalled).
/// Everything is checked before anything is written.
/// </summary>
public sealed class ImportEdxml(AppDbContext db, IFileStore store, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Imported(long[] DocumentIds, bool Duplicate) : Outcome;

    public sealed record StatusRecorded(long DocumentId, string StatusCode, bool Duplicate) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    /// <summary>The identity the folder inbox imports under: every unit of this instance.</summary>
    public static ClaimsPrincipal Inbox { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "edxml-inbox"), new Claim(AppClaims.FullName, "Hộp thư liên thông edXML"), new Claim(ClaimTypes.Role, Roles.Admin)],
        "edxml-inbox", ClaimTypes.NameIdentifier, ClaimTypes.Role));

    public async Task<Outcome> HandleAsync(byte[] bytes, ClaimsPrincipal user, CancellationToken ct)
    {
        var read = Edxml.Read(bytes);
        if (read.Problem is { } problem)
        {
            return new Invalid(read.Field!, t[problem, read.Args ?? []]);
        }

        return read.Status is { } status ? await StatusAsync(status, user, ct) : await DocumentAsync(read.Document!, read.Signer!.Subject, user, ct);
    }

    private async Task<Outcome> DocumentAsync(EdxmlDocument d, string signer, ClaimsPrincipal user, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var scope = user.ScopePath();
        var codes = d.To.Select(o => o.OrganId).ToList();
        var units = (await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code) && u.Path.StartsWith(scope)).ToListAsync(ct))
            .Where(u => u.IsValidOn(today)).OrderBy(u => u.Id).ToList();
        if (units.Count == 0)
        {
            return new Invalid("To", t["Gói tin không gửi đến đơn vị nào thuộc phạm vi của bạn (To/OrganId)."]);
        }

        if (d.PromulgationDate > today || d.PromulgationDate.Year < 2000)
        {
            return new Invalid("PromulgationDate", t["Ngày ban hành (PromulgationDate) không được sau hôm nay."]);
        }

        // As printed: numbers below 10 with two digits (ND 30/2020 Phụ lục I).
        var notation = $"{d.CodeNumber:00}/{d.CodeNotation}";
        if (notation.Length > 100)
        {
            return new Invalid("Code", t["Số và ký hiệu (Code/CodeNumber, CodeNotation) thiếu hoặc không hợp lệ."]);
        }

        var unitIds = units.Select(u => u.Id).ToList();
        var existing = await Existing(d, unitIds, ct);
        if (existing.Count == units.Count)
        {
            return new Imported([.. existing.Values.Order()], true);
        }

        // The bytes go to the content-addressed store first: a blob without a row is harmless and is the same blob when sent again.
        var blobs = new List<(EdxmlAttachment Attachment, StoredBlob Blob)>();
        foreach (var a in d.Attachments)
        {
            blobs.Add((a, await store.SaveAsync(new MemoryStream(a.Content), ct)));
        }

        var type = TypeOf(d);
        var now = time.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var unit in units.Where(u => !existing.ContainsKey(u.Id)))
                {
                    var number = await DocumentNumbers.NextAsync(db, unit.Id, DocumentRules.IncomingBook, today.Year, ct);
                    var files = blobs.Select(b => new UploadedFile
                    {
                        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                        OwnerUserId = DocumentHistory.ActorId(user),
                        Sha256 = b.Blob.Sha256,
                        FileName = FileUploads.SafeName(b.Attachment.Name),
                        ContentType = b.Attachment.ContentType,
                        Size = b.Blob.Size,
                        CreatedAtUtc = now,
                    }).ToList();
                    db.UploadedFiles.AddRange(files);
                    var doc = new OfficialDocument
                    {
                        Direction = DocumentDirection.Incoming,
                        UnitId = unit.Id,
                        UnitPath = unit.Path,
                        Book = DocumentRules.IncomingBook,
                        Year = today.Year,
                        Number = number,
                        Notation = notation,
                        Issuer = Cut(d.From.OrganizationInCharge is { Length: > 0 } inCharge ? inCharge : d.From.OrganName, 300),
                        IssuedOn = d.PromulgationDate,
                        ReceivedOn = today,
                        TypeCode = type,
                        Subject = d.Subject,
                        Signer = d.SignerName,
                        Recipients = d.ToPlaces.Count == 0 ? null : Cut(string.Join('\n', d.ToPlaces), 2000),
                        Urgency = Edxml.Urgency(d.Priority),
                        Secrecy = Secrecy.Normal,
                        Status = DocumentStatus.Registered,
                        SearchText = RegisterDocument.Search(d.Subject, notation),
                        CreatedBy = DocumentHistory.ActorId(user),
                        CreatedAtUtc = now,
                        UpdatedAtUtc = now,
                        Attachments = [.. files.Select(f => new DocumentAttachment { FileId = f.Id, FileName = f.FileName, ContentType = f.ContentType })],
                    };
                    db.OfficialDocuments.Add(doc);
                    await db.SaveChangesAsync(ct);
                    await DocumentHistory.AppendAsync(db, doc, user, now, "receive", $"Số đến {number}; liên thông từ {d.From.OrganName} ({d.From.OrganId}), mã {d.DocumentId}", ct);
                    var x = new DocumentExchange
                    {
                        DocumentId = doc.Id,
                        Direction = ExchangeDirection.Received,
                        PackageId = d.DocumentId,
                        UnitId = unit.Id,
                        PeerOrganId = d.From.OrganId,
                        PeerName = d.From.OrganName,
                        SignerSubject = Cut(signer, 500),
                        CreatedAtUtc = now,
                        DeliveredAtUtc = now,
                    };
                    db.DocumentExchanges.Add(x);
                    // Arrived, and registered in the incoming register with its số đến.
                    ExchangeStatuses.Queue(db, x, "01", null, now);
                    ExchangeStatuses.Queue(db, x, "03", $"Đã vào sổ văn bản đến, số đến {number}", now);
                    await db.SaveChangesAsync(ct);
                }

                await tx.CommitAsync(ct);
            });
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // The same package arrived twice at once: the other request registered it.
            db.ChangeTracker.Clear();
            return new Imported([.. (await Existing(d, unitIds, ct)).Values.Order()], true);
        }

        return new Imported([.. (await Existing(d, unitIds, ct)).Values.Order()], false);
    }

    private async Task<Dictionary<int, long>> Existing(EdxmlDocument d, List<int> unitIds, CancellationToken ct) =>
        await db.DocumentExchanges.AsNoTracking()
            .Where(x => x.Direction == ExchangeDirection.Received && x.PackageId == d.DocumentId && x.PeerOrganId == d.From.OrganId && unitIds.Contains(x.UnitId))
            .ToDictionaryAsync(x => x.UnitId, x => x.DocumentId, ct);

    private async Task<Outcome> StatusAsync(EdxmlStatus s, ClaimsPrincipal user, CancellationToken ct)
    {
        // A recall comes from the sender to the receivers; every other status from a receiver to the sender.
        var direction = s.StatusCode == "13" ? ExchangeDirection.Received : ExchangeDirection.Sent;
        var scope = user.ScopePath();
        var exchanges = await db.DocumentExchanges.Include(x => x.Statuses)
            .Where(x => x.Direction == direction && x.PackageId == s.DocumentId && x.PeerOrganId == s.From.OrganId
                && db.OfficialDocuments.Any(o => o.Id == x.DocumentId && o.UnitPath.StartsWith(scope)))
            .ToListAsync(ct);
        if (exchanges.Count == 0)
        {
            return new Invalid("ResponseFor", t["Không có văn bản liên thông nào khớp gói tin trạng thái (ResponseFor/DocumentId, From/OrganId)."]);
        }

        var stamp = s.AtLocal.ToString("yyyy/MM/dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var now = time.GetUtcNow().UtcDateTime;
        var fresh = false;
        foreach (var x in exchanges.Where(x => !x.Statuses.Any(v => !v.Outgoing && v.StatusCode == s.StatusCode && v.Timestamp == stamp)))
        {
            fresh = true;
            var description = string.IsNullOrWhiteSpace(s.Description) ? Edxml.StatusCodes[s.StatusCode] : s.Description;
            x.Statuses.Add(new DocumentExchangeStatus { Outgoing = false, StatusCode = s.StatusCode, Description = Cut(description, 500), Timestamp = stamp, RecordedAtUtc = now });
            x.LastStatusCode = s.StatusCode;
            x.LastStatusAtUtc = now;
            var doc = await db.OfficialDocuments.SingleAsync(o => o.Id == x.DocumentId, ct);
            doc.UpdatedAtUtc = now;
            if (s.StatusCode == "13")
            {
                x.RecalledAtUtc ??= now;
                await DocumentHistory.AppendAsync(db, doc, user, now, "recalled", $"{s.From.OrganName} thu hồi văn bản: {description}", ct);
            }
            else
            {
                await DocumentHistory.AppendAsync(db, doc, user, now, "exchange-status",
                    $"{s.From.OrganName} ({s.From.OrganId}): {s.StatusCode} {Edxml.StatusCodes[s.StatusCode]}" + (description == Edxml.StatusCodes[s.StatusCode] ? "" : $" — {description}"), ct);
            }
        }

        if (fresh)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                return new StatusRecorded(exchanges[0].DocumentId, s.StatusCode, true);
            }
        }

        return new StatusRecorded(exchanges[0].DocumentId, s.StatusCode, !fresh);
    }

    /// <summary>Our kind of document: by the name the sender wrote (TypeName), else by our own code (Type), else công văn.</summary>
    private static string TypeOf(EdxmlDocument d)
    {
        var name = TextFolding.Fold(d.TypeName);
        return DocumentTypes.All.FirstOrDefault(k => name.Length > 0 && TextFolding.Fold(k.Name).StartsWith(name, StringComparison.Ordinal))?.Code
            ?? DocumentTypes.Find(d.TypeCode)?.Code
            ?? "CV";
    }

    private static string Cut(string s, int max) => s.Length > max ? s[..max] : s;
}
