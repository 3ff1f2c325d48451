using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Feedback;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;
using DossierMasking = MotCua.Domain.Dossiers.Masking;

namespace MotCua.Web.Features.Feedback;

public sealed record RatingRequest(int? Overall, int? Time, int? Contacts, int? Attitude, int? Transparency, string? Comment = null, string? Verifier = null);

public sealed record RatingDto(string DossierCode, int Overall, int Time, int Contacts, int Attitude, int Transparency, string? Comment, string Channel, DateTime RatedAt);

public sealed record FeedbackRequest(
    FeedbackKind? Kind, string? Subject, string? Content, string? SenderName, string? SenderPhone = null, string? SenderEmail = null,
    string? DossierCode = null, string? Verifier = null, string? UnitCode = null);

public sealed record FeedbackActionRequest(string? Action, string? Text, bool? Publish = null);

public sealed record FeedbackDto(
    string Number, FeedbackKind Kind, FeedbackStatus Status, string Subject, string Content, string SenderName, string? DossierCode, string UnitName,
    DateOnly ReceivedOn, DateOnly RefuseBy, DateOnly AskMoreBy, DateOnly ResolveBy, string? Deadline, string? InfoRequest, string? Answer,
    DateOnly? ClosedOn, bool Late, bool Published);

/// <summary>Satisfaction ratings and complaints/suggestions (phản ánh, kiến nghị) with their working-day deadlines.</summary>
public sealed partial class FeedbackService(AppDbContext db, CalendarService calendars, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    public abstract record Outcome;

    public sealed record Done<T>(T Value) : Outcome;

    public sealed record NotFound : Outcome;

    public sealed record Conflict(string Message) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>The applicant rates online; a desk's kiosk rates on the applicant's behalf with the last 4 digits of the ID or phone.</summary>
    public async Task<Outcome> RateAsync(string code, RatingRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var dossier = await db.Dossiers.Visible(user).SingleOrDefaultAsync(d => d.Code == code, ct);
        var citizen = user.IsInRole(Roles.Citizen);
        if (dossier is null || (!citizen && !user.IsInRole(Roles.Desk)))
        {
            return new NotFound();
        }

        if (!citizen && !ReadDossiers.Verifies(dossier, body.Verifier))
        {
            return new Invalid(new() { ["verifier"] = [t["4 số cuối số định danh hoặc số điện thoại không khớp với hồ sơ."]] });
        }

        var input = new RatingInput(body.Overall, body.Time, body.Contacts, body.Attitude, body.Transparency);
        var errors = input.Errors().ToDictionary(e => e.Key, e => new[] { t[e.Value].Value });
        if (body.Comment is { Length: > 1000 })
        {
            errors["comment"] = [t["Ý kiến khác tối đa 1000 ký tự."]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        if (dossier.Status != DossierStatus.Returned)
        {
            return new Conflict(t["Chỉ đánh giá được sau khi đã nhận kết quả (hồ sơ đang: {0}).", t[dossier.Status.Label()]]);
        }

        if (dossier.Rating is not null || await db.DossierRatings.AnyAsync(r => r.DossierId == dossier.Id, ct))
        {
            return new Conflict(t["Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần."]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var channel = citizen ? "online" : "kiosk";
        var rating = new DossierRating
        {
            DossierId = dossier.Id,
            DossierCode = dossier.Code,
            UnitPath = dossier.ReceivingUnitPath,
            Overall = body.Overall!.Value,
            Time = body.Time!.Value,
            Contacts = body.Contacts!.Value,
            Attitude = body.Attitude!.Value,
            Transparency = body.Transparency!.Value,
            Comment = string.IsNullOrWhiteSpace(body.Comment) ? null : body.Comment.Trim(),
            Channel = channel,
            RatedAtUtc = now,
        };
        db.DossierRatings.Add(rating);
        dossier.Rating = rating.Overall;
        dossier.Version++;
        var actor = citizen ? Actor.From(user)! : new Actor("kiosk", "Người nộp (ki-ốt tại bộ phận một cửa)", ActorRole.Applicant);
        DossierHistory.Append(db, dossier, actor, now, new("rate", dossier.Status, t["Đánh giá mức hài lòng chung: {0}/5.", rating.Overall]));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return new Conflict(t["Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần."]);
        }

        return new Done<RatingDto>(ToDto(rating));
    }

    public Task<bool> CanSeeAsync(string code, ClaimsPrincipal user, CancellationToken ct) =>
        db.Dossiers.Visible(user).AnyAsync(d => d.Code == code, ct);

    public async Task<RatingDto?> RatingAsync(string code, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = await db.Dossiers.Visible(user).Where(d => d.Code == code).Select(d => (long?)d.Id).SingleOrDefaultAsync(ct);
        var rating = id is null ? null : await db.DossierRatings.AsNoTracking().SingleOrDefaultAsync(r => r.DossierId == id, ct);
        return rating is null ? null : ToDto(rating);
    }

    /// <summary>Anyone may send a complaint or suggestion; one about a dossier needs its owner's sign-in or the last 4 digits, and marks the dossier.</summary>
    public async Task<Outcome> SubmitAsync(FeedbackRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = Validate(body);
        var today = VietnamTime.Today(time);
        Dossier? dossier = null;
        if (!string.IsNullOrWhiteSpace(body.DossierCode))
        {
            dossier = await db.Dossiers.Include(d => d.ReceivingUnit).SingleOrDefaultAsync(d => d.Code == body.DossierCode.Trim(), ct);
            var owner = dossier is not null && user.IsInRole(Roles.Citizen) && dossier.ApplicantUserId == user.FindFirstValue(ClaimTypes.NameIdentifier);
            if (dossier is null || (!owner && !ReadDossiers.Verifies(dossier, body.Verifier)))
            {
                errors["dossierCode"] = [t["Không tìm thấy hồ sơ với mã và 4 số cuối đã nhập."]];
                dossier = null;
            }
        }

        var unit = dossier?.ReceivingUnit;
        if (unit is null && !string.IsNullOrWhiteSpace(body.UnitCode))
        {
            unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == body.UnitCode.Trim(), ct);
            if (unit is null || !unit.IsValidOn(today))
            {
                errors["unitCode"] = [t["Không tìm thấy đơn vị '{0}'.", body.UnitCode]];
            }
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        unit ??= await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.Path).FirstAsync(ct);
        var calendar = await calendars.ForUnitAsync(unit, ct);
        var deadlines = FeedbackDeadlines.From(today, calendar.AddWorkingDays);
        var now = time.GetUtcNow().UtcDateTime;
        var item = new FeedbackItem
        {
            Kind = body.Kind!.Value,
            Status = FeedbackStatus.New,
            Subject = body.Subject!.Trim(),
            Content = body.Content!.Trim(),
            SenderName = body.SenderName!.Trim(),
            SenderPhone = Blank(body.SenderPhone),
            SenderEmail = Blank(body.SenderEmail),
            SenderUserId = user.FindFirstValue(ClaimTypes.NameIdentifier),
            DossierCode = dossier?.Code,
            UnitPath = unit.Path,
            UnitName = unit.Name,
            ReceivedAtUtc = now,
            ReceivedOn = today,
            RefuseBy = deadlines.RefuseBy,
            AskMoreBy = deadlines.AskMoreBy,
            ResolveBy = deadlines.ResolveBy,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.FeedbackItems.Add(item);
        if (dossier is not null && item.Kind == FeedbackKind.Complaint)
        {
            dossier.Complaint = true;
            dossier.Version++;
            var actor = Actor.From(user) is { Role: ActorRole.Applicant } a ? a : new Actor("public", DossierMasking.Name(item.SenderName), ActorRole.Applicant);
            DossierHistory.Append(db, dossier, actor, now, new("complaint", dossier.Status, t["Người dân gửi phản ánh về hồ sơ."]));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Conflict(t["Hồ sơ vừa được người khác cập nhật. Vui lòng gửi lại."]);
        }

        item.Number = $"PAKN-{today.Year}-{item.Id:D5}";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Done<FeedbackDto>(ToDto(item, today, calendar.CountWorkingDays, masked: false));
    }

    /// <summary>Staff refuse (≤ 2 working days), ask for more (≤ 5) or answer (≤ 15); a step after its deadline is marked late.</summary>
    public async Task<Outcome> ActAsync(string number, FeedbackActionRequest body, ClaimsPrincipal user, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var item = await db.FeedbackItems.SingleOrDefaultAsync(f => f.Number == number && f.UnitPath.StartsWith(scope), ct);
        if (item is null)
        {
            return new NotFound();
        }

        if (body.Action is not ("refuse" or "request-info" or "answer"))
        {
            return new Invalid(new() { ["action"] = [t["Thao tác phải là refuse, request-info hoặc answer."]] });
        }

        if (string.IsNullOrWhiteSpace(body.Text) || body.Text.Length > 8000)
        {
            return new Invalid(new() { ["text"] = [t["Nhập nội dung (lý do, yêu cầu hoặc trả lời), tối đa 8000 ký tự."]] });
        }

        var allowed = body.Action == "request-info" ? item.Status == FeedbackStatus.New : item.Status is FeedbackStatus.New or FeedbackStatus.AwaitingInfo;
        if (!allowed)
        {
            return new Conflict(t["Phản ánh, kiến nghị {0} không còn ở trạng thái cho phép thao tác này.", item.Number]);
        }

        var today = VietnamTime.Today(time);
        var text = body.Text.Trim();
        var deadline = FeedbackDeadlines.For(body.Action, item.RefuseBy, item.AskMoreBy, item.ResolveBy);
        item.Late |= today > deadline;
        item.AnsweredBy = user.FindFirstValue(AppClaims.FullName) ?? user.Identity?.Name;
        switch (body.Action)
        {
            case "refuse":
                item.Status = FeedbackStatus.Refused;
                item.Answer = text;
                item.ClosedOn = today;
                break;
            case "request-info":
                item.Status = FeedbackStatus.AwaitingInfo;
                item.InfoRequest = text;
                item.InfoRequestedOn = today;
                break;
            default:
                item.Status = FeedbackStatus.Answered;
                item.Answer = text;
                item.ClosedOn = today;
                item.Published = body.Publish ?? true;
                break;
        }

        await db.SaveChangesAsync(ct);
        var calendar = await calendars.ForUnitAsync(null, ct);
        return new Done<FeedbackDto>(ToDto(item, today, calendar.CountWorkingDays, masked: false));
    }

    public async Task<FeedbackDto[]> ListForStaffAsync(ClaimsPrincipal user, bool open, CancellationToken ct)
    {
        var scope = user.ScopePath();
        var q = db.FeedbackItems.AsNoTracking().Where(f => f.UnitPath.StartsWith(scope));
        q = open ? q.Where(f => f.Status == FeedbackStatus.New || f.Status == FeedbackStatus.AwaitingInfo) : q;
        var rows = await q.OrderBy(f => f.ResolveBy).ThenBy(f => f.Id).Take(500).ToListAsync(ct);
        var calendar = await calendars.ForUnitAsync(null, ct);
        var today = VietnamTime.Today(time);
        return [.. rows.Select(f => ToDto(f, today, calendar.CountWorkingDays, masked: false))];
    }

    /// <summary>Answered items the unit chose to publish, personal data masked.</summary>
    public async Task<FeedbackDto[]> PublishedAsync(CancellationToken ct)
    {
        var rows = await db.FeedbackItems.AsNoTracking().Where(f => f.Published && f.Status == FeedbackStatus.Answered)
            .OrderByDescending(f => f.ClosedOn).ThenByDescending(f => f.Id).Take(200).ToListAsync(ct);
        var today = VietnamTime.Today(time);
        return [.. rows.Select(f => ToDto(f, today, (_, _) => 0, masked: true))];
    }

    private static FeedbackDto ToDto(FeedbackItem f, DateOnly today, Func<DateOnly, DateOnly, int> count, bool masked)
    {
        var open = f.Status is FeedbackStatus.New or FeedbackStatus.AwaitingInfo;
        var due = f.Status == FeedbackStatus.New && today <= f.RefuseBy ? f.RefuseBy : f.ResolveBy;
        return new FeedbackDto(
            f.Number, f.Kind, f.Status, masked ? PublicText.Mask(f.Subject) : f.Subject, masked ? PublicText.Mask(f.Content) : f.Content,
            masked ? DossierMasking.Name(f.SenderName) : f.SenderName, f.DossierCode, f.UnitName, f.ReceivedOn, f.RefuseBy, f.AskMoreBy, f.ResolveBy,
            open ? Deadlines.Evaluate(today, f.ResolveBy, count).Label : null,
            masked ? PublicText.Mask(f.InfoRequest) : f.InfoRequest, masked ? PublicText.Mask(f.Answer) : f.Answer, f.ClosedOn, f.Late, f.Published);
    }

    private static RatingDto ToDto(DossierRating r) =>
        new(r.DossierCode, r.Overall, r.Time, r.Contacts, r.Attitude, r.Transparency, r.Comment, r.Channel, r.RatedAtUtc);

    private Dictionary<string, string[]> Validate(FeedbackRequest body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Kind is null)
        {
            errors["kind"] = [t["Chọn loại: phản ánh (complaint) hoặc kiến nghị (suggestion)."]];
        }

        if (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Trim().Length > 200)
        {
            errors["subject"] = [t["Nhập tiêu đề, tối đa 200 ký tự."]];
        }

        if (string.IsNullOrWhiteSpace(body.Content) || body.Content.Trim().Length is < 10 or > 4000)
        {
            errors["content"] = [t["Nhập nội dung phản ánh, kiến nghị từ 10 đến 4000 ký tự."]];
        }

        if (string.IsNullOrWhiteSpace(body.SenderName) || body.SenderName.Trim().Length > 200)
        {
            errors["senderName"] = [t["Nhập họ tên người gửi, tối đa 200 ký tự."]];
        }

        if (string.IsNullOrWhiteSpace(body.SenderPhone) && string.IsNullOrWhiteSpace(body.SenderEmail))
        {
            errors["senderPhone"] = [t["Nhập số điện thoại hoặc thư điện tử để nhận trả lời."]];
        }

        if (!string.IsNullOrWhiteSpace(body.SenderPhone) && !PhonePattern().IsMatch(body.SenderPhone.Trim()))
        {
            errors["senderPhone"] = [t["Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)."]];
        }

        if (!string.IsNullOrWhiteSpace(body.SenderEmail) && (body.SenderEmail.Length > 200 || !EmailPattern().IsMatch(body.SenderEmail.Trim())))
        {
            errors["senderEmail"] = [t["Địa chỉ thư điện tử không hợp lệ."]];
        }

        return errors;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^(0|\+84)\d{9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
