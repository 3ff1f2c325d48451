using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Documents;

public sealed record ExchangeStatusView(string StatusCode, string Name, string Description, string Timestamp, bool Outgoing);

/// <summary>One exchange of a document: to whom it was sent (or from whom it came), the last status and every status package.</summary>
public sealed record DocumentExchangeView(
    string Direction, string PackageId, string PeerOrganId, string PeerName, string? LastStatusCode, string? LastStatus, bool Delivered,
    bool Recalled, bool Refused, string? SignerSubject, ExchangeStatusView[] Statuses);

public sealed record SendRequest(string[]? Recipients);

public sealed record ReasonRequest(string? Reason);

/// <summary>Recipients by unit code: current units of the tree (not the sender) or the peers configured outside it.</summary>
public sealed class ExchangeRecipients(AppDbContext db, IOptions<ExchangeOptions> options, TimeProvider time)
{
    public sealed record Resolved(IReadOnlyList<EdxmlOrgan> Organs, string? Unknown);

    public async Task<Resolved> ResolveAsync(IEnumerable<string?> codes, int senderUnitId, CancellationToken ct)
    {
        var wanted = codes.Select(c => c?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        var today = VietnamTime.Today(time);
        var units = await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Code) && u.Id != senderUnitId).ToListAsync(ct);
        var organs = new List<EdxmlOrgan>();
        foreach (var code in wanted)
        {
            if (units.FirstOrDefault(u => u.Code == code && u.IsValidOn(today)) is { } unit)
            {
                organs.Add(new EdxmlOrgan(unit.Code, unit.Name));
            }
            else if (code.Length > 0 && options.Value.Peers.TryGetValue(code, out var peer))
            {
                organs.Add(new EdxmlOrgan(code, peer.Name ?? code));
            }
            else
            {
                return new Resolved([], code);
            }
        }

        return new Resolved(organs, null);
    }

    /// <summary>What the send form offers: current units of the tree other than the sender's, and the configured peers.</summary>
    public async Task<IReadOnlyList<EdxmlOrgan>> ChoicesAsync(string senderUnitCode, CancellationToken ct)
    {
        var today = VietnamTime.Today(time);
        var units = await db.Units.AsNoTracking().Where(u => u.Code != senderUnitCode && u.ValidTo == null && u.Kind != UnitKind.Desk).OrderBy(u => u.Path).ToListAsync(ct);
        return [.. units.Where(u => u.IsValidOn(today)).Select(u => new EdxmlOrgan(u.Code, u.Name)),
            .. options.Value.Peers.Where(p => units.All(u => u.Code != p.Key)).Select(p => new EdxmlOrgan(p.Key, p.Value.Name ?? p.Key))];
    }
}

/// <summary>
/// Queues status packages in the transaction of the change that causes them (transactional outbox): recorded on the exchange,
/// sent by <see cref="ExchangeSender"/>. The receiving side reports 01/03 on arrival, 05 on assignment, 06 when done, 02 on
/// refusal; the sending side 13 on recall.
/// </summary>
public static class ExchangeStatuses
{
    /// <summary>The outbox body: which exchange (document, direction, peer: known before the rows have ids) and what to send.</summary>
    public sealed record Message(long Document, string Direction, string Peer, string Kind, string? Code, string? Timestamp, string? Description);

    /// <summary>Queues <paramref name="code"/> for every exchange of <paramref name="documentId"/> in <paramref name="direction"/> (received: to the sender; sent: to each recipient).</summary>
    public static async Task QueueAsync(AppDbContext db, long documentId, ExchangeDirection direction, string code, string? description, DateTime nowUtc, CancellationToken ct)
    {
        var exchanges = await db.DocumentExchanges.Include(x => x.Statuses)
            .Where(x => x.DocumentId == documentId && x.Direction == direction && x.RecalledAtUtc == null && x.RefusedAtUtc == null).ToListAsync(ct);
        foreach (var x in exchanges)
        {
            Queue(db, x, code, description, nowUtc);
        }
    }

    public static void Queue(AppDbContext db, DocumentExchange x, string code, string? description, DateTime nowUtc)
    {
        var stamp = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, VietnamTime.Zone).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
        var text = string.IsNullOrWhiteSpace(description) ? Edxml.StatusCodes[code] : description.Trim();
        text = text.Length > 500 ? text[..500] : text;
        // Two statuses of one code in the same second are one status: the unique index would refuse the second.
        if (x.Statuses.Any(s => s.Outgoing && s.StatusCode == code && s.Timestamp == stamp)
            || db.ChangeTracker.Entries<DocumentExchangeStatus>().Any(e => e.State == EntityState.Added && e.Entity.ExchangeId == x.Id && x.Id != 0 && e.Entity.StatusCode == code && e.Entity.Timestamp == stamp))
        {
            return;
        }

        x.Statuses.Add(new DocumentExchangeStatus { Outgoing = true, StatusCode = code, Description = text, Timestamp = stamp, RecordedAtUtc = nowUtc });
        x.LastStatusCode = code;
        x.LastStatusAtUtc = nowUtc;
        db.OutboxMessages.Add(Outbox(x, "status", code, stamp, text, nowUtc));
    }

    public static OutboxMessage Outbox(DocumentExchange x, string kind, string? code, string? stamp, string? description, DateTime nowUtc) => new()
    {
        CreatedAtUtc = nowUtc,
        Channel = NotificationChannel.Exchange,
        Kind = NotificationKind.DocumentExchange,
        To = x.PeerOrganId,
        Subject = kind == "edoc" ? "edXML" : "edXML status " + code,
        Body = JsonSerializer.Serialize(new Message(x.DocumentId, x.Direction == ExchangeDirection.Sent ? "sent" : "received", x.PeerOrganId, kind, code, stamp, description), JsonSerializerOptions.Web),
        DossierCode = "VB-" + x.DocumentId.ToString(CultureInfo.InvariantCulture),
        NextAttemptAtUtc = nowUtc,
    };
}

/// <summary>Sends an issued outgoing document to recipients chosen from the unit tree (or configured peers), through the outbox.</summary>
public sealed class SendDocument(AppDbContext db, ExportEdxml export, ExchangeRecipients recipients, ReadDocuments reads, TimeProvider time, IOptions<ExchangeOptions> options, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Sent(DocumentView Document) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> HandleAsync(long id, SendRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Recipients is not { Length: > 0 and <= 50 } codes || codes.Any(string.IsNullOrWhiteSpace))
        {
            return new Invalid("recipients", t["Chọn từ 1 đến 50 đơn vị nhận (mã đơn vị)."]);
        }

        var doc = await db.OfficialDocuments.SingleOrDefaultAsync(d => d.Id == id && d.UnitPath.StartsWith(user.ScopePath()), ct);
        if (doc is null)
        {
            return new NotFound();
        }

        if (export.Sendable(doc) is { } refusal)
        {
            return new Refused(refusal);
        }

        if (string.Equals(options.Value.Transport, ExchangeOptions.None, StringComparison.OrdinalIgnoreCase))
        {
            return new Refused(t["Chưa cấu hình kết nối trục liên thông văn bản (Documents:Exchange:Transport)."]);
        }

        var resolved = await recipients.ResolveAsync(codes, doc.UnitId, ct);
        if (resolved.Unknown is { } unknown)
        {
            return new Invalid("recipients", t["Không có đơn vị nhận mã '{0}' trong cây đơn vị hoặc danh sách liên thông.", unknown]);
        }

        var unitCode = await db.Units.AsNoTracking().Where(u => u.Id == doc.UnitId).Select(u => u.Code).SingleAsync(ct);
        var packageId = Edxml.DocumentIdOf(unitCode, doc.IssuedOn, doc.Notation);
        var already = await db.DocumentExchanges.Where(x => x.DocumentId == id && x.Direction == ExchangeDirection.Sent).Select(x => x.PeerOrganId).ToListAsync(ct);
        var fresh = resolved.Organs.Where(o => !already.Contains(o.OrganId)).ToList();
        if (fresh.Count == 0)
        {
            return new Refused(t["Văn bản đã được gửi đến các đơn vị này."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var organ in fresh)
        {
            var x = new DocumentExchange
            {
                DocumentId = id,
                Direction = ExchangeDirection.Sent,
                PackageId = packageId,
                UnitId = doc.UnitId,
                PeerOrganId = organ.OrganId,
                PeerName = organ.OrganName.Length > 300 ? organ.OrganName[..300] : organ.OrganName,
                CreatedAtUtc = now,
            };
            db.DocumentExchanges.Add(x);
            db.OutboxMessages.Add(ExchangeStatuses.Outbox(x, "edoc", null, null, null, now));
        }

        doc.UpdatedAtUtc = now;
        await DocumentHistory.AppendAsync(db, doc, user, now, "send", "Gửi liên thông: " + string.Join(", ", fresh.Select(o => $"{o.OrganName} ({o.OrganId})")), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return new Refused(t["Văn bản vừa được người khác cập nhật; tải lại và thử lại."]);
        }

        return new Sent((await reads.OneAsync(id, user, ct))!);
    }
}

/// <summary>The sender recalls a sent document (status 13 to every recipient); the receiving side marks its copy recalled.</summary>
public sealed class RecallDocument(AppDbContext db, ReadDocuments reads, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Done(DocumentView Document) : Outcome;

    public sealed record Invalid(string Field, string Message) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> RecallAsync(long id, ReasonRequest body, ClaimsPrincipal user, CancellationToken ct) =>
        await ActAsync(id, body, user, ExchangeDirection.Sent, "13", "recall", ct);

    public async Task<Outcome> RefuseAsync(long id, ReasonRequest body, ClaimsPrincipal user, CancellationToken ct) =>
        await ActAsync(id, body, user, ExchangeDirection.Received, "02", "refuse", ct);

    private async Task<Outcome> ActAsync(long id, ReasonRequest body, ClaimsPrincipal user, ExchangeDirection direction, string code, string action, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500)
        {
            return new Invalid("reason", t["Nhập lý do (tối đa 500 ký tự)."]);
        }

        var doc = await db.OfficialDocuments.SingleOrDefaultAsync(d => d.Id == id && d.UnitPath.StartsWith(user.ScopePath()), ct);
        if (doc is null)
        {
            return new NotFound();
        }

        if (!user.IsInRole(Roles.Leader) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Desk))
        {
            return new Refused(t["Chỉ lãnh đạo hoặc văn thư thu hồi, từ chối văn bản liên thông."]);
        }

        var exchanges = await db.DocumentExchanges.Include(x => x.Statuses).Where(x => x.DocumentId == id && x.Direction == direction).ToListAsync(ct);
        if (exchanges.Count == 0)
        {
            return new Refused(direction == ExchangeDirection.Sent ? t["Văn bản chưa được gửi liên thông."] : t["Văn bản không đến qua trục liên thông."]);
        }

        if (direction == ExchangeDirection.Received && (doc.Status != DocumentStatus.Registered || exchanges.Any(x => x.RefusedAtUtc is not null || x.RecalledAtUtc is not null)))
        {
            return new Refused(t["Chỉ từ chối văn bản liên thông vừa đến, chưa giao xử lý."]);
        }

        if (direction == ExchangeDirection.Sent && exchanges.All(x => x.Statuses.Any(s => s.Outgoing && s.StatusCode == "13")))
        {
            return new Refused(t["Văn bản đã được thu hồi."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var x in exchanges)
        {
            ExchangeStatuses.Queue(db, x, code, body.Reason, now);
            if (direction == ExchangeDirection.Received)
            {
                x.RefusedAtUtc = now;
            }
        }

        doc.UpdatedAtUtc = now;
        await DocumentHistory.AppendAsync(db, doc, user, now, action, body.Reason.Trim(), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return new Refused(t["Văn bản vừa được người khác cập nhật; tải lại và thử lại."]);
        }

        return new Done((await reads.OneAsync(id, user, ct))!);
    }
}

/// <summary>
/// The outbox's sender for <see cref="NotificationChannel.Exchange"/>: builds and signs the package when it is sent (a document
/// with its attachments, or a status), hands it to the configured transport, and records the delivery.
/// </summary>
public sealed class ExchangeSender(AppDbContext db, ExportEdxml export, SigningKeyProvider keys, IEdxmlTransport transport, TimeProvider time) : IExchangeSender
{
    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var body = JsonSerializer.Deserialize<ExchangeStatuses.Message>(message.Body, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no exchange body.");
        var direction = body.Direction == "sent" ? ExchangeDirection.Sent : ExchangeDirection.Received;
        var x = await db.DocumentExchanges.AsNoTracking().SingleAsync(e => e.DocumentId == body.Document && e.Direction == direction && e.PeerOrganId == body.Peer, ct);
        var doc = await db.OfficialDocuments.AsNoTracking().Include(d => d.Attachments).SingleAsync(d => d.Id == x.DocumentId, ct);
        byte[] package;
        if (body.Kind == "edoc")
        {
            var to = await db.DocumentExchanges.AsNoTracking().Where(e => e.DocumentId == x.DocumentId && e.Direction == ExchangeDirection.Sent)
                .OrderBy(e => e.Id).Select(e => new EdxmlOrgan(e.PeerOrganId, e.PeerName, null)).ToListAsync(ct);
            package = await export.BuildAsync(doc, to, ct);
        }
        else
        {
            var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == x.UnitId, ct);
            // The package the status answers: the sender's, named by its own header (a received copy keeps the sender's số, ký hiệu).
            var responseOrgan = x.Direction == ExchangeDirection.Received ? x.PeerOrganId : unit.Code;
            var at = DateTime.ParseExact(body.Timestamp!, "yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            var xml = Edxml.WriteStatus(new EdxmlStatus(new EdxmlOrgan(unit.Code, unit.Name), responseOrgan, doc.Notation, doc.IssuedOn, x.PackageId,
                body.Code!, body.Description ?? "", at, null));
            await Edxml.SignAsync(xml, await keys.KeyAsync(ct), ct);
            package = Edxml.Bytes(xml);
        }

        await transport.SendAsync(x.PeerOrganId, package, ct);
        if (body.Kind == "edoc")
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.DocumentExchanges.Where(e => e.Id == x.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.DeliveredAtUtc, now), ct);
        }
    }
}

/// <summary>The exchanges of one document, for its details (API and page).</summary>
public static class DocumentExchangeReads
{
    public static async Task<DocumentExchangeView[]> ForAsync(AppDbContext db, long documentId, CancellationToken ct)
    {
        var rows = await db.DocumentExchanges.AsNoTracking().Include(x => x.Statuses).Where(x => x.DocumentId == documentId).OrderBy(x => x.Id).ToListAsync(ct);
        return [.. rows.Select(x => new DocumentExchangeView(
            x.Direction == ExchangeDirection.Sent ? "sent" : "received", x.PackageId, x.PeerOrganId, x.PeerName, x.LastStatusCode,
            x.LastStatusCode is { } c ? Edxml.StatusCodes.GetValueOrDefault(c) : null, x.DeliveredAtUtc is not null, x.RecalledAtUtc is not null,
            x.RefusedAtUtc is not null, x.SignerSubject,
            [.. x.Statuses.OrderBy(s => s.Id).Select(s => new ExchangeStatusView(s.StatusCode, Edxml.StatusCodes.GetValueOrDefault(s.StatusCode) ?? s.StatusCode, s.Description, s.Timestamp, s.Outgoing))]))];
    }
}
