using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Identifiers;
using MotCua.Domain.Procedures;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.CitizenData;
using MotCua.Web.Features.Files;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers;

public sealed record ApplicantInput(string? FullName, string? IdNumber, string? TaxCode, DateOnly? BirthDate, string? Phone, string? Email, string? Address);

/// <summary>
/// One component: a file uploaded through <c>POST /api/v1/files</c> (<see cref="FileId"/>), or a stored document of the same
/// applicant named by <see cref="ReusedFromDocumentId"/> (a component of an earlier dossier) or
/// <see cref="ReusedFromStoredDocumentId"/> (the citizen's personal store). <see cref="Reused"/> alone is refused.
/// </summary>
public sealed record DocumentInput(
    string? Name, string? Kind, string? FileId, int? Count, bool? Reused, long? ReusedFromDocumentId = null, long? ReusedFromStoredDocumentId = null);

// ReuseConsent: at the desk, the applicant agreed to the reuse of documents already submitted (required when a component is reused).
// CitizenCheckId: the desk's matching check against the population database (POST /api/v1/citizen-checks), made with consent.
public sealed record ReceiveRequest(
    string? ProcedureCode, string? UnitCode, Channel? Channel, ApplicantInput? Applicant, DocumentInput[]? Documents,
    string? PostalTrackingNumber = null, bool? ForwardIfOutOfCompetence = null, string? IdempotencyKey = null, bool? IdentityVerified = null,
    bool? ReuseConsent = null, Guid? CitizenCheckId = null);

public sealed record ReceiveResponse(string Code, DateTime ReceivedAt, DateOnly? DueDate, string Status, bool DueDateEstimated, string? CurrentUnitCode);

/// <summary>Intake through the three channels: at the desk, online, by public postal service (domain brief §1).</summary>
public sealed partial class ReceiveDossier(
    AppDbContext db, CalendarService calendars, TimeProvider time, IStringLocalizer<SharedResource> t, IConfiguration config, IntakeCommitter committer,
    IEnumerable<IFileReadGrant> grants, IEnumerable<IStoredDocumentSource> stores, CheckCitizen citizenChecks, Webhooks.WebhookSubscriptions webhooks)
{
    public const int MaxDocuments = 100;

    public abstract record Outcome;

    public sealed record Received(Dossier Dossier) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>Form 02: the desk guides the applicant once, in writing, instead of receiving an incomplete dossier.</summary>
    public sealed record Incomplete(string ProcedureCode, string ProcedureName, string[] MissingDocuments) : Outcome;

    /// <summary>Form 03: refused, with the reason and where the applicant should go.</summary>
    public sealed record Refused(string Reason, string[] CompetentUnits) : Outcome;

    public sealed record Forbidden : Outcome;

    public async Task<Outcome> HandleAsync(ReceiveRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (actor is null)
        {
            return new Forbidden();
        }

        var errors = Validate(body, actor);
        if (body.IdempotencyKey is { } key && !IdempotencyKeyPattern().IsMatch(key))
        {
            errors["idempotencyKey"] = [t["Khóa chống gửi trùng gồm 8–64 chữ cái, chữ số hoặc dấu gạch ngang."]];
        }

        CitizenCheck? citizenCheck = null;
        if (body.CitizenCheckId is { } checkId && errors.Count == 0)
        {
            citizenCheck = actor.Role != ActorRole.Desk ? null
                : await citizenChecks.UsableAtDeskAsync(checkId, body.Applicant?.IdNumber?.Trim() ?? "", user.Identity?.Name ?? "", ct);
            if (citizenCheck is null)
            {
                errors["citizenCheckId"] = [t["Kết quả tra cứu dân cư không dùng được cho hồ sơ này: cần một lần tra cứu khớp, của chính cán bộ tiếp nhận, cho đúng số định danh, trong thời hạn."]];
            }
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        if (await ReplayAsync(body.IdempotencyKey, actor, user, ct) is { } first)
        {
            return first;
        }

        var channel = body.Channel!.Value;
        var today = VietnamTime.Today(time);
        var resolved = await ResolveDocumentsAsync(body, actor, user, today, ct);
        if (resolved.Errors.Count > 0)
        {
            return new Invalid(resolved.Errors);
        }

        // One connection and one round trip for the reads of an intake (each query would open the connection again).
        await db.Database.OpenConnectionAsync(ct);
        var lookup = await LookupQuery(db, body.UnitCode!, body.ProcedureCode!, today, ct);
        var unit = lookup?.Unit;
        if (lookup is null || unit is null || !unit.IsValidOn(today) || (actor.Role != ActorRole.Applicant && !user.CanSee(unit.Path)))
        {
            return new Invalid(new() { ["unitCode"] = [t["Không tìm thấy đơn vị tiếp nhận '{0}' trong phạm vi của bạn.", body.UnitCode!]] });
        }

        var procedure = lookup.ProcedureId is { } procedureId ? await ProcedureAsync(procedureId, lookup.ProcedureValidTo, ct) : null;
        if (procedure is null)
        {
            return new Invalid(new() { ["procedureCode"] = [t["Không tìm thấy thủ tục '{0}'.", body.ProcedureCode!]] });
        }

        if (!procedure.CanReceive)
        {
            return new Invalid(new() { ["procedureCode"] = [t["Thủ tục '{0}' chưa thể tiếp nhận hồ sơ: {1}", procedure.Code, procedure.CannotReceiveReason ?? ""]] });
        }

        if (channel == Channel.Online && procedure.OnlineMode == OnlineMode.None)
        {
            return new Invalid(new() { ["channel"] = [t["Thủ tục '{0}' chưa cung cấp dịch vụ công trực tuyến.", procedure.Code]] });
        }

        var missing = MissingDocuments(procedure, body.Documents ?? []);
        if (missing.Length > 0)
        {
            return new Incomplete(procedure.Code, procedure.Name, missing);
        }

        OrgUnit? competent = unit;
        if (!lookup.Accepts)
        {
            var candidates = await CompetentUnitsAsync(unit, procedure.Code, today, ct);
            if (body.ForwardIfOutOfCompetence != true || candidates.Count == 0)
            {
                return new Refused(
                    t["Thủ tục '{0}' không thuộc thẩm quyền tiếp nhận của {1}.", procedure.Name, unit.Name],
                    [.. candidates.Select(c => $"{c.Code} {c.Name}")]);
            }

            competent = candidates[0];
        }

        try
        {
            var created = await CreateAsync(body, resolved.Documents, user, actor, unit, competent, procedure, channel, today, lookup.CalendarVersion ?? 0, citizenCheck, ct);
            // The committer's rows carry unit ids only (its context is gone): the answer must name the unit the dossier is at.
            created.CurrentUnit ??= competent;
            return new Received(created);
        }
        catch (DbUpdateException ex) when (body.IdempotencyKey is not null && DbErrors.IsUniqueViolation(ex))
        {
            // The same key arrived twice at once: the other request created the dossier; answer with it.
            db.ChangeTracker.Clear();
            return await ReplayAsync(body.IdempotencyKey, actor, user, ct) ?? throw new InvalidOperationException("Idempotency key conflict without a dossier.", ex);
        }
    }

    private async Task<Dossier> CreateAsync(
        ReceiveRequest body, DossierDocument[] documents, ClaimsPrincipal user, Actor actor, OrgUnit unit, OrgUnit competent, Procedure procedure, Channel channel, DateOnly today,
        long calendarVersion, CitizenCheck? citizenCheck, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var calendar = await calendars.ForUnitAsync(unit, calendarVersion, ct);
        var days = procedure.ProcessingDays ?? (int)Math.Ceiling((procedure.ProcessingHours ?? 8) / 8.0);
        var online = channel == Channel.Online;
        var a = body.Applicant!;
        var electronicallyIdentified = actor.Role == ActorRole.Applicant && user.HasClaim(Accounts.AppClaims.ElectronicId, "true");
        var identityVerified = actor.Role == ActorRole.Desk && (body.IdentityVerified == true || citizenCheck is not null);
        var steps = await PlanStepsAsync(procedure, unit, calendar, today, ct);
        var action = online ? "submit" : channel == Channel.Postal ? "receive-postal" : "receive";
        string? forwardNote = competent.Id != unit.Id ? t["Tiếp nhận không phụ thuộc địa giới hành chính, chuyển đơn vị có thẩm quyền."].Value : null;
        var reusedNames = documents.Where(x => x.Reused).Select(x => x.Name).ToArray();
        string? reuseNote = reusedNames.Length == 0 ? null
            : online ? t["Công dân chọn dùng lại giấy tờ đã lưu: {0}", string.Join("; ", reusedNames)].Value
            : t["Công dân đồng ý sử dụng lại giấy tờ đã nộp: {0}", string.Join("; ", reusedNames)].Value;
        var intakeNote = !identityVerified ? reuseNote : reuseNote is null ? t[IdentityVerifiedNote].Value : $"{t[IdentityVerifiedNote].Value} {reuseNote}";
        if (citizenCheck is not null)
        {
            // The consent and the check go into the hash-chained history with the intake.
            var consent = t[CitizenCheckNote, TimeZoneInfo.ConvertTimeFromUtc(citizenCheck.ConsentAtUtc, VietnamTime.Zone).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), citizenCheck.Id].Value;
            intakeNote = intakeNote is null ? consent : $"{intakeNote} {consent}";
        }

        string[]? intakeFiles = documents.Any(x => x.FileId is not null) ? [.. documents.Where(x => x.FileId is not null).Select(x => x.FileId!).Distinct()] : null;

        // Everything but the code is decided here, outside the write lock; the committer builds fresh rows per attempt.
        IntakeCommitter.Rows Build(int seq)
        {
            var dossier = new Dossier
            {
                Code = DossierCode.Format(unit.Code, today, seq),
                ProcedureId = procedure.Id,
                ProcedureCode = procedure.Code,
                ProcedureName = procedure.Name,
                ProcedureNameFromVersion = procedure.Id > 0,
                ReceivingUnitId = unit.Id,
                ReceivingUnitPath = unit.Path,
                CurrentUnitId = unit.Id,
                CurrentUnitPath = unit.Path,
                Channel = channel,
                PostalTrackingNumber = body.PostalTrackingNumber?.Trim(),
                IdempotencyKey = body.IdempotencyKey,
                // An online submission waits for the desk's acceptance; the legal clock starts then.
                Status = online ? DossierStatus.AwaitingReception : DossierStatus.Received,
                Applicant = new Applicant
                {
                    FullName = a.FullName!.Trim(),
                    IdNumber = Blank(a.IdNumber),
                    TaxCode = Blank(a.TaxCode),
                    BirthDate = a.BirthDate,
                    Phone = Blank(a.Phone),
                    Email = Blank(a.Email),
                    Address = Blank(a.Address),
                },
                ApplicantUserId = actor.Role == ActorRole.Applicant ? actor.Id : null,
                ElectronicallyIdentified = electronicallyIdentified,
                IdentityVerified = identityVerified,
                // Waits for the national portal sync (issue 22): an intake never waits for the portal itself.
                NationalSynced = false,
                ReceivedAtUtc = now,
                ReceivedOn = today,
                LegalWorkingDays = days,
                FeeVnd = procedure.Fees.Sum(f => f.Amount ?? 0), // one unit of per-page/per-copy items; the desk settles the exact amount
                Documents = [.. documents.Select(d => new DossierDocument
                {
                    Name = d.Name,
                    Kind = d.Kind,
                    FileId = d.FileId,
                    Count = d.Count,
                    Reused = d.Reused,
                    ReusedFromDocumentId = d.ReusedFromDocumentId,
                    ReusedFromStoredDocumentId = d.ReusedFromStoredDocumentId,
                    ReuseConsented = d.ReuseConsented,
                })],
            };
            ComponentNames.Link(dossier, procedure);
            // Never from a client flag: every component with a file (issue 20 item 1), reuse only by reference (item 8).
            dossier.RecomputeDocumentFacts();
            if (!online)
            {
                SetDueDate(dossier, calendar);
            }
            else
            {
                Acknowledgements.Start(dossier, calendar, now, config);
            }

            dossier.Steps = [.. steps.Select(s => new DossierStep { Order = s.Order, Name = s.Name, UnitId = s.UnitId, Role = s.Role, WorkingDays = s.WorkingDays, DueDate = s.DueDate })];
            List<DossierEvent> events = [DossierHistory.Next(dossier, actor, now, new(action, null, intakeNote, intakeFiles, UnitCode: unit.Code))];
            if (competent.Id != unit.Id)
            {
                // Boundary-free intake (ND 118/2025): accepted here, forwarded at once to the competent unit.
                var before = dossier.Status;
                dossier.CurrentUnitId = competent.Id;
                dossier.CurrentUnitPath = competent.Path;
                dossier.RoutedElectronically = Routing.After(null, true, TransferMedium.Electronic);
                events.Add(DossierHistory.Next(dossier, actor, now, new("forward", before, forwardNote, UnitCode: unit.Code, ToUnitCode: competent.Code, Medium: Routing.Electronic)));
            }

            return new(dossier, events, [.. DossierNotifications.Messages(dossier, action, now), .. DossierWebhooks.For(webhooks, dossier, events)]);
        }

        // Not held while the batch commits: one pooled connection per waiting request would exhaust PostgreSQL's pool.
        await db.Database.CloseConnectionAsync();
        return await committer.CommitAsync(new IntakeCommitter.Pending(unit.Id, today, Build));
    }

    /// <summary>The dossier already created under this key by the same person, or by anyone for the same unit subtree.</summary>
    private async Task<Outcome?> ReplayAsync(string? key, Actor actor, ClaimsPrincipal user, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }

        var first = await db.Dossiers.AsNoTracking().Include(d => d.CurrentUnit).SingleOrDefaultAsync(d => d.IdempotencyKey == key, ct);
        if (first is null)
        {
            return null;
        }

        var mine = actor.Role == ActorRole.Applicant ? first.ApplicantUserId == actor.Id : user.CanSee(first.ReceivingUnitPath);
        return mine
            ? new Received(first)
            : new Invalid(new() { ["idempotencyKey"] = [t["Khóa chống gửi trùng đã được dùng cho một hồ sơ khác."]] });
    }

    [GeneratedRegex("^[A-Za-z0-9-]{8,64}$")]
    private static partial Regex IdempotencyKeyPattern();

    /// <summary>The unit, the procedure version valid today, whether the unit accepts it and the calendar version, read together.</summary>
    private sealed record Lookup(OrgUnit Unit, int? ProcedureId, DateOnly? ProcedureValidTo, bool Accepts, long? CalendarVersion);

    private static readonly Func<AppDbContext, string, string, DateOnly, CancellationToken, Task<Lookup?>> LookupQuery =
        EF.CompileAsyncQuery((AppDbContext db, string unitCode, string procedureCode, DateOnly today, CancellationToken ct) => db.Units.AsNoTracking()
            .Where(u => u.Code == unitCode)
            .Select(u => new Lookup(
                u,
                db.Procedures.Where(p => p.Code == procedureCode && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
                    .OrderByDescending(p => p.VersionNo).Select(p => (int?)p.Id).FirstOrDefault(),
                db.Procedures.Where(p => p.Code == procedureCode && p.ValidFrom <= today && (p.ValidTo == null || p.ValidTo >= today))
                    .OrderByDescending(p => p.VersionNo).Select(p => p.ValidTo).FirstOrDefault(),
                db.UnitProcedures.Any(up => up.UnitId == u.Id && up.ProcedureCode == procedureCode && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today)),
                db.CalendarChanges.Max(c => (long?)c.Id)))
            .FirstOrDefault());

    // A procedure version row never changes once written except for ValidTo, which closes it (SaveProcedure, ImportProcedures
    // add a new row per change): a cached row is used only while its ValidTo equals the one just read.
    private static readonly ConcurrentDictionary<int, Procedure> Procedures = new();

    private async Task<Procedure?> ProcedureAsync(int id, DateOnly? validTo, CancellationToken ct)
    {
        if (Procedures.TryGetValue(id, out var cached) && cached.ValidTo == validTo)
        {
            return cached;
        }

        var procedure = await db.Procedures.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (procedure is not null)
        {
            if (Procedures.Count >= 10_000)
            {
                Procedures.Clear();
            }

            Procedures[id] = procedure;
        }

        return procedure;
    }

    internal static void SetDueDate(Dossier dossier, WorkingCalendar calendar)
    {
        var pauses = dossier.Pauses.Where(p => p.To is not null).OrderBy(p => p.From).Select(p => new Pause(p.From, p.To!.Value)).ToArray();
        var due = calendar.DueDate(dossier.ReceivedOn, dossier.LegalWorkingDays, pauses);
        dossier.LegalDueDate = due;
        dossier.DueDateEstimated = calendar.IsEstimated(dossier.ReceivedOn, due);
        // An apology's later appointment stands; otherwise the appointment is the legal date.
        dossier.AppointmentDate = dossier.ApologyDueDate is { } promised && promised > due ? promised : due;
    }

    private async Task<List<DossierStep>> PlanStepsAsync(Procedure procedure, OrgUnit unit, WorkingCalendar calendar, DateOnly today, CancellationToken ct)
    {
        var steps = new List<DossierStep>();
        var due = today;
        var codes = procedure.Steps.Where(s => s.UnitCode is not null).Select(s => s.UnitCode!).Distinct().ToList();
        var named = codes.Count == 0 ? new Dictionary<string, OrgUnit>() : await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, ct);
        foreach (var s in procedure.Steps.OrderBy(s => s.Order))
        {
            var stepUnit = s.UnitCode is not null ? named.GetValueOrDefault(s.UnitCode) ?? unit : unit;
            due = calendar.AddWorkingDays(due, Math.Max(s.WorkingDays, 0));
            steps.Add(new DossierStep { Order = s.Order, Name = s.Name, UnitId = stepUnit.Id, Role = s.Role.ToString().ToLowerInvariant(), WorkingDays = s.WorkingDays, DueDate = due });
        }

        return steps;
    }

    /// <summary>Units that accept the procedure today, nearest in the tree first.</summary>
    private async Task<List<OrgUnit>> CompetentUnitsAsync(OrgUnit unit, string procedureCode, DateOnly today, CancellationToken ct)
    {
        var units = await db.UnitProcedures.AsNoTracking()
            .Where(up => up.ProcedureCode == procedureCode && up.ValidFrom <= today && (up.ValidTo == null || up.ValidTo >= today))
            .Select(up => up.Unit!)
            .Where(u => u.ValidFrom <= today && (u.ValidTo == null || u.ValidTo >= today))
            .ToListAsync(ct);
        return [.. units.OrderByDescending(u => CommonPrefix(u.Path, unit.Path)).ThenBy(u => u.Path, StringComparer.Ordinal)];
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    /// <summary>Mandatory documents (not "nếu có", not a note) that no submitted document names.</summary>
    internal static string[] MissingDocuments(Procedure procedure, DocumentInput[] submitted)
    {
        var given = submitted.Where(d => !string.IsNullOrWhiteSpace(d.Name)).Select(d => TextFolding.Fold(d.Name!)).ToHashSet();
        return [.. procedure.Documents.Where(IsMandatory).Where(d => !given.Contains(TextFolding.Fold(d.Name))).Select(d => d.Name)];
    }

    public static bool IsMandatory(RequiredDocument d)
    {
        var folded = TextFolding.Fold(d.Name);
        return !folded.Contains("neu co", StringComparison.Ordinal) && !folded.StartsWith("luu y", StringComparison.Ordinal) && !folded.Contains("luu y:", StringComparison.Ordinal);
    }

    /// <summary>The intake event's note when the desk verified the applicant against the chip ID card or VNeID (issue 20.3).</summary>
    public const string IdentityVerifiedNote = "Đã xác thực danh tính qua CCCD gắn chip/VNeID.";

    /// <summary>The intake event's note on a desk check against the population database (issue 22.4): the consent, its time, the check.</summary>
    public const string CitizenCheckNote = "Người nộp đồng ý tra cứu Cơ sở dữ liệu quốc gia về dân cư lúc {0}; họ tên, ngày sinh và số định danh khớp (mã tra cứu {1}).";
    /// <summary>Upload types a component may carry (checked by content at upload, ADR 0010).</summary>
    public static readonly string[] ComponentContentTypes = ["application/pdf", "image/jpeg", "image/png"];

    private sealed record ResolvedDocuments(DossierDocument[] Documents, Dictionary<string, string[]> Errors);

    /// <summary>
    /// Checks every file and every reuse reference against the caller and the applicant (issue 20 items 1 and 8): a file must
    /// be an upload the caller may read, of an allowed type; a reuse must name a stored document of the same applicant, of
    /// the component's kind, and at the desk carry the applicant's consent. Someone else's document gets exactly the
    /// answer of a missing one. An intake without files or reuse reads nothing here.
    /// </summary>
    private async Task<ResolvedDocuments> ResolveDocumentsAsync(ReceiveRequest body, Actor actor, ClaimsPrincipal user, DateOnly today, CancellationToken ct)
    {
        var inputs = body.Documents ?? [];
        var errors = new Dictionary<string, string[]>();
        var documents = new DossierDocument[inputs.Length];
        var owner = ReusableDocuments.OwnerOf(user, actor, body.Applicant);
        var validityMonths = ReusableDocuments.ValidityMonths(config);
        for (var i = 0; i < inputs.Length; i++)
        {
            var d = inputs[i];
            var name = d.Name!.Trim();
            var doc = documents[i] = new DossierDocument { Name = name, Kind = d.Kind ?? "copy", Count = d.Count ?? 1 };
            var fileId = string.IsNullOrWhiteSpace(d.FileId) ? null : d.FileId.Trim();
            var byReference = d.ReusedFromDocumentId is not null || d.ReusedFromStoredDocumentId is not null;
            if (d.ReusedFromDocumentId is not null && d.ReusedFromStoredDocumentId is not null || byReference && fileId is not null)
            {
                errors[$"documents[{i}]"] = [t["Mỗi thành phần chỉ chọn một: tệp tải lên hoặc một giấy tờ đã lưu để dùng lại."]];
                continue;
            }

            if (d.Reused == true && !byReference)
            {
                errors[$"documents[{i}].reused"] = [t["Chỉ dùng lại được giấy tờ đã lưu của chính người nộp: hãy chọn giấy tờ (reusedFromDocumentId hoặc reusedFromStoredDocumentId)."]];
                continue;
            }

            if (fileId is not null)
            {
                var file = await FilesApi.FindReadableAsync(db, grants, fileId, user, ct);
                if (file is null)
                {
                    errors[$"documents[{i}].fileId"] = [t["Không tìm thấy tệp đã tải lên '{0}' hoặc bạn không có quyền dùng tệp này.", fileId]];
                }
                else if (!ComponentContentTypes.Contains(file.ContentType))
                {
                    errors[$"documents[{i}].fileId"] = [t["Thành phần hồ sơ chỉ nhận tệp PDF, JPEG hoặc PNG."]];
                }
                else
                {
                    doc.FileId = file.Id;
                }

                continue;
            }

            if (!byReference)
            {
                continue;
            }

            ReusableDocument? source = null;
            if (d.ReusedFromDocumentId is { } documentId)
            {
                source = await ReusableDocuments.FindAsync(db, documentId, owner, today, validityMonths, ct);
            }
            else if (d.ReusedFromStoredDocumentId is { } storedId)
            {
                foreach (var store in stores)
                {
                    source ??= await store.FindAsync(storedId, owner, today, ct);
                }
            }

            if (source is null)
            {
                var field = d.ReusedFromDocumentId is not null ? "reusedFromDocumentId" : "reusedFromStoredDocumentId";
                errors[$"documents[{i}].{field}"] = [t["Không tìm thấy giấy tờ đã lưu còn hiệu lực của người nộp hồ sơ này."]];
                continue;
            }

            if (source.Kind != Domain.Portal.DocumentKinds.Of(name))
            {
                errors[$"documents[{i}]"] = [t["Giấy tờ dùng lại không cùng loại với thành phần '{0}'.", name]];
                continue;
            }

            doc.FileId = source.FileId;
            doc.Reused = true;
            doc.ReusedFromDocumentId = d.ReusedFromDocumentId;
            doc.ReusedFromStoredDocumentId = d.ReusedFromStoredDocumentId;
            // Online the citizen picks from their own documents; at the desk the officer records the applicant's consent.
            doc.ReuseConsented = actor.Role == ActorRole.Applicant || body.ReuseConsent == true;
            if (!doc.ReuseConsented)
            {
                errors["reuseConsent"] = [t["Cần ghi nhận công dân đồng ý sử dụng lại giấy tờ đã nộp."]];
            }
        }

        return new ResolvedDocuments(documents, errors);
    }

    private Dictionary<string, string[]> Validate(ReceiveRequest body, Actor actor)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        if (body.IdentityVerified == true && actor.Role != ActorRole.Desk)
        {
            Error("identityVerified", t["Chỉ cán bộ một cửa xác nhận đã xác thực danh tính qua CCCD gắn chip/VNeID."]);
        }
        else if (body.IdentityVerified == true && string.IsNullOrWhiteSpace(body.Applicant?.IdNumber))
        {
            Error("identityVerified", t["Xác thực qua CCCD gắn chip/VNeID cần số định danh cá nhân của người nộp."]);
        }

        if (string.IsNullOrWhiteSpace(body.ProcedureCode))
        {
            Error("procedureCode", t["Cần chọn thủ tục."]);
        }

        if (string.IsNullOrWhiteSpace(body.UnitCode))
        {
            Error("unitCode", t["Cần chọn đơn vị tiếp nhận."]);
        }

        if (body.Channel is null)
        {
            Error("channel", t["Cần chọn kênh nộp: direct, online hoặc postal."]);
        }
        else if (actor.Role == ActorRole.Applicant && body.Channel != Channel.Online)
        {
            Error("channel", t["Công dân chỉ nộp hồ sơ trực tuyến qua hệ thống."]);
        }
        else if (actor.Role != ActorRole.Applicant && actor.Role != ActorRole.Desk)
        {
            Error("channel", t["Chỉ cán bộ một cửa tiếp nhận hồ sơ."]);
        }
        else if (body.Channel == Channel.Postal && string.IsNullOrWhiteSpace(body.PostalTrackingNumber))
        {
            Error("postalTrackingNumber", t["Hồ sơ qua bưu chính cần số hiệu bưu gửi."]);
        }

        if (body.PostalTrackingNumber is { Length: > 64 })
        {
            Error("postalTrackingNumber", t["Số hiệu bưu gửi tối đa 64 ký tự."]);
        }

        var a = body.Applicant;
        if (a is null)
        {
            Error("applicant", t["Cần thông tin người nộp hồ sơ."]);
        }
        else
        {
            ValidateApplicant(a, t, Error);
        }

        var docs = body.Documents ?? [];
        if (docs.Length > MaxDocuments)
        {
            Error("documents", t["Tối đa {0} thành phần hồ sơ.", MaxDocuments]);
        }
        else if (docs.Any(d => d is null || string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 1000 || d.Count is < 1 or > 100 || d.FileId is { Length: > 128 }))
        {
            Error("documents", t["Mỗi thành phần hồ sơ cần tên (tối đa 1000 ký tự) và số lượng từ 1 đến 100."]);
        }

        return errors;
    }

    /// <summary>The applicant's fields as intake and correction (<see cref="CorrectDossier"/>) check them, with the same messages.</summary>
    internal static void ValidateApplicant(ApplicantInput a, IStringLocalizer<SharedResource> t, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(a.FullName) || a.FullName.Length > 200)
        {
            error("applicant.fullName", t["Họ tên người nộp là bắt buộc, tối đa 200 ký tự."]);
        }

        if (string.IsNullOrWhiteSpace(a.IdNumber) && string.IsNullOrWhiteSpace(a.TaxCode))
        {
            error("applicant.idNumber", t["Cần số định danh cá nhân (công dân) hoặc mã số thuế (tổ chức)."]);
        }

        if (!string.IsNullOrWhiteSpace(a.IdNumber) && PersonalId.Validate(a.IdNumber.Trim()) is { } idError)
        {
            error("applicant.idNumber", t[idError]);
        }

        if (!string.IsNullOrWhiteSpace(a.TaxCode) && TaxCode.Validate(a.TaxCode.Trim()) is { } taxError)
        {
            error("applicant.taxCode", t[taxError]);
        }

        if (!string.IsNullOrWhiteSpace(a.Phone) && !PhonePattern().IsMatch(a.Phone.Trim()))
        {
            error("applicant.phone", t["Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)."]);
        }

        if (!string.IsNullOrWhiteSpace(a.Email) && (a.Email.Length > 200 || !EmailPattern().IsMatch(a.Email.Trim())))
        {
            error("applicant.email", t["Địa chỉ thư điện tử không hợp lệ."]);
        }

        if (a.Address is { Length: > 500 })
        {
            error("applicant.address", t["Địa chỉ tối đa 500 ký tự."]);
        }

        if (a.BirthDate is { } birth && (birth.Year < 1900 || birth > DateOnly.FromDateTime(DateTime.UtcNow)))
        {
            error("applicant.birthDate", t["Ngày sinh không hợp lệ."]);
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^(0|\+84)\d{9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
