using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MotCua.Domain.Identifiers;
using MotCua.Domain.Portal;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Notifications;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Portal;

// BirthDate and CitizenDataConsent: a citizen's ID, name and birth date are checked in the population database when one is connected.
public sealed record SignUpRequest(
    string? AccountType, string? FullName, string? IdNumber, string? TaxCode, string? Phone, string? Email, string? Channel, string? Password,
    DateOnly? BirthDate = null, bool? CitizenDataConsent = null);

/// <summary>
/// Citizen and business sign-up: personal ID structure or tax-code checksum, then a one-time code to the phone or
/// e-mail through the notification outbox; the account exists only once the code is proven.
/// </summary>
public sealed partial class SignUp(
    AppDbContext db, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, OneTimeCodes codes,
    TimeProvider time, IStringLocalizer<SharedResource> t, CitizenData.CheckCitizen citizenChecks)
{
    public abstract record Outcome;

    public sealed record Started(PendingSignUp Pending, DateTime ExpiresAtUtc) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    public sealed record Verified(AppUser User) : Outcome;

    public sealed record Refused(CodeCheck Reason, string Message, int AttemptsLeft) : Outcome;

    public sealed record Missing : Outcome;

    public const string Purpose = "sign-up";

    private OtpOptions O => codes.Options;

    /// <summary>Where the code went, masked: the sign-up answer and the verification page show it.</summary>
    public static string SentTo(PendingSignUp p) => p.Channel == "sms" ? MotCua.Domain.Dossiers.Masking.Phone(p.Phone) : MotCua.Domain.Dossiers.Masking.Email(p.Email);

    public async Task<Outcome> StartAsync(SignUpRequest r, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        var business = string.Equals(r.AccountType, "business", StringComparison.OrdinalIgnoreCase);
        if (r.AccountType is null || (!business && !string.Equals(r.AccountType, "citizen", StringComparison.OrdinalIgnoreCase)))
        {
            Error("accountType", t["Chọn loại tài khoản: công dân hoặc doanh nghiệp, tổ chức."]);
        }

        if (string.IsNullOrWhiteSpace(r.FullName) || r.FullName.Trim().Length > 200)
        {
            Error("fullName", t["Họ tên (hoặc tên tổ chức) là bắt buộc, tối đa 200 ký tự."]);
        }

        var idNumber = Clean(r.IdNumber);
        var taxCode = Clean(r.TaxCode);
        if (business)
        {
            if (TaxCode.Validate(taxCode) is { } taxError)
            {
                Error("taxCode", t[taxError]);
            }
        }
        else if (PersonalId.Validate(idNumber) is { } idError)
        {
            Error("idNumber", t[idError]);
        }

        var phone = Clean(r.Phone);
        var email = Clean(r.Email);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            Error("phone", t["Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84)."]);
        }

        if (email is not null && (email.Length > 200 || !EmailPattern().IsMatch(email)))
        {
            Error("email", t["Địa chỉ thư điện tử không hợp lệ."]);
        }

        var channel = r.Channel?.Trim().ToLowerInvariant();
        if (channel is not ("sms" or "email"))
        {
            Error("channel", t["Chọn nơi nhận mã xác thực: điện thoại (SMS) hoặc thư điện tử."]);
        }
        else if (channel == "sms" && phone is null)
        {
            Error("phone", t["Cần số điện thoại để nhận mã xác thực qua SMS."]);
        }
        else if (channel == "email" && email is null)
        {
            Error("email", t["Cần địa chỉ thư điện tử để nhận mã xác thực."]);
        }

        var userName = business ? taxCode : idNumber;
        if (string.IsNullOrEmpty(r.Password))
        {
            Error("password", t["Cần đặt mật khẩu."]);
        }
        else if (r.Password == Demo.DemoSeed.Password)
        {
            // A published password would also stop the app from starting outside demo mode.
            Error("password", t["Không dùng mật khẩu minh họa đã công bố."]);
        }
        else
        {
            var probe = new AppUser { UserName = userName ?? "probe" };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, probe, r.Password);
                if (!result.Succeeded)
                {
                    Error("password", string.Join(" ", result.Errors.Select(e => e.Description)));
                    break;
                }
            }
        }

        if (errors.Count == 0 && await AccountExistsAsync(userName!, business, ct))
        {
            Error(business ? "taxCode" : "idNumber", business
                ? t["Mã số thuế này đã có tài khoản. Hãy đăng nhập."]
                : t["Số định danh này đã có tài khoản. Hãy đăng nhập."]);
        }

        if (errors.Count == 0 && !business && citizenChecks.Enabled)
        {
            await CheckRegisterAsync(r, idNumber!, errors, ct);
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var pending = new PendingSignUp
        {
            Id = Guid.NewGuid(),
            UserName = userName!,
            FullName = r.FullName!.Trim(),
            IdNumber = business ? null : idNumber,
            TaxCode = business ? taxCode : null,
            Phone = phone,
            Email = email,
            Channel = channel!,
            PasswordHash = hasher.HashPassword(new AppUser { UserName = userName }, r.Password!),
            CreatedAtUtc = now,
        };
        var code = codes.Issue(Purpose, Message(pending), NotificationKind.VerificationCode);
        pending.CodeId = code.Id;
        db.PendingSignUps.Add(pending);
        await db.SaveChangesAsync(ct);
        return new Started(pending, code.ExpiresAtUtc);
    }

    /// <summary>A fresh code (the old one stops working); limited to <see cref="OtpOptions.MaxSends"/> per sign-up.</summary>
    public async Task<Outcome> ResendAsync(Guid id, CancellationToken ct)
    {
        var pending = await db.PendingSignUps.SingleOrDefaultAsync(p => p.Id == id && p.CompletedAtUtc == null, ct);
        if (pending is null)
        {
            return new Missing();
        }

        if (await codes.ResendAsync(pending.CodeId, Message(pending), NotificationKind.VerificationCode, ct) is not { } code)
        {
            return new Refused(CodeCheck.TooManyAttempts, t["Đã gửi lại mã quá số lần cho phép. Vui lòng đăng ký lại."], 0);
        }

        return new Started(pending, code.ExpiresAtUtc);
    }

    public async Task<Outcome> VerifyAsync(Guid id, string? code, CancellationToken ct)
    {
        var pending = await db.PendingSignUps.SingleOrDefaultAsync(p => p.Id == id && p.CompletedAtUtc == null, ct);
        if (pending is null)
        {
            return new Missing();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (check, left) = await codes.VerifyAsync(pending.CodeId, Purpose, code, ct);
        switch (check)
        {
            case CodeCheck.TooManyAttempts:
                return new Refused(check, t["Đã nhập sai quá {0} lần. Hãy yêu cầu gửi mã mới.", O.MaxAttempts], 0);
            case CodeCheck.Expired:
                return new Refused(check, t["Mã xác thực đã hết hạn. Hãy yêu cầu gửi mã mới."], 0);
            case CodeCheck.Wrong:
                return new Refused(check, left > 0 ? t["Mã xác thực không đúng. Còn {0} lần thử.", left] : t["Đã nhập sai quá {0} lần. Hãy yêu cầu gửi mã mới.", O.MaxAttempts], left);
        }

        if (await AccountExistsAsync(pending.UserName, pending.TaxCode is not null, ct))
        {
            return new Refused(CodeCheck.Wrong, t["Tài khoản này vừa được tạo. Hãy đăng nhập."], 0);
        }

        var user = new AppUser
        {
            UserName = pending.UserName,
            FullName = pending.FullName,
            IdNumber = pending.IdNumber,
            TaxCode = pending.TaxCode,
            PhoneNumber = pending.Phone,
            PhoneNumberConfirmed = pending.Channel == "sms",
            Email = pending.Email,
            EmailConfirmed = pending.Channel == "email",
            PasswordHash = pending.PasswordHash,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return new Invalid(new() { ["userName"] = [.. created.Errors.Select(e => e.Description)] });
        }

        await users.AddToRoleAsync(user, Roles.Citizen);
        pending.CompletedAtUtc = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Verified(user);
    }

    /// <summary>
    /// The population database must know the ID with this name and birth date; the check and the consent are stored under the
    /// account name. A service that does not answer stops the sign-up (try again) rather than let an unchecked ID through.
    /// </summary>
    private async Task CheckRegisterAsync(SignUpRequest r, string idNumber, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        switch (await citizenChecks.HandleAsync(new CitizenData.CheckCitizenRequest(idNumber, r.FullName, r.BirthDate, r.CitizenDataConsent), CitizenData.CheckCitizen.SignUp, idNumber, null, ct))
        {
            case CitizenData.CheckCitizen.Invalid(var invalid):
                foreach (var (field, messages) in invalid)
                {
                    errors[field == "consent" ? "citizenDataConsent" : field] = messages;
                }

                break;
            case CitizenData.CheckCitizen.Checked({ Result: CitizenData.RegistryAnswer.Mismatch } check):
                foreach (var field in check.Mismatches)
                {
                    errors[field] = [check.Message];
                }

                break;
            case CitizenData.CheckCitizen.Checked({ Result: CitizenData.RegistryAnswer.NotFound or CitizenData.RegistryAnswer.Unavailable } check):
                errors["idNumber"] = [check.Message];
                break;
        }
    }

    private Task<bool> AccountExistsAsync(string userName, bool business, CancellationToken ct) =>
        business
            ? db.Users.AnyAsync(u => u.UserName == userName || u.TaxCode == userName, ct)
            : db.Users.AnyAsync(u => u.UserName == userName || u.IdNumber == userName, ct);

    private CodeMessage Message(PendingSignUp p) => new(
        p.Channel == "sms" ? NotificationChannel.Sms : NotificationChannel.Email,
        p.Channel == "sms" ? p.Phone! : p.Email!,
        p.Channel == "sms" ? null : "Mã xác thực tài khoản Một cửa",
        "Mã xác thực đăng ký tài khoản Một cửa: {0}. Mã có hiệu lực " + O.LifetimeMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + " phút. Không cung cấp mã này cho người khác.");

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^(0|\+84)\d{9}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
