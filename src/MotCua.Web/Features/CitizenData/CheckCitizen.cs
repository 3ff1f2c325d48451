using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MotCua.Domain.Dossiers;
using MotCua.Domain.Identifiers;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.CitizenData;

public sealed record CheckCitizenRequest(string? IdNumber, string? FullName, DateOnly? BirthDate, bool? Consent);

/// <summary>What the desk (and the sign-up page) is told; the register's record itself is never shown.</summary>
public sealed record CitizenCheckView(Guid Id, string Result, string[] Mismatches, string Message, DateTime CheckedAtUtc, DateTime ConsentAtUtc);

/// <summary>
/// Checks a personal ID number, name and date of birth against the population database, only with the applicant's consent,
/// within <see cref="CitizenDataOptions.TimeoutMilliseconds"/>; every check (and its consent) is stored, whatever the answer.
/// </summary>
public sealed partial class CheckCitizen(
    AppDbContext db, IServiceProvider services, IOptions<CitizenDataOptions> options, TimeProvider time, IStringLocalizer<SharedResource> t,
    ILogger<CheckCitizen> log)
{
    public const string Desk = "desk";
    public const string SignUp = "sign-up";

    public abstract record Outcome;

    public sealed record Checked(CitizenCheckView Check) : Outcome;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : Outcome;

    /// <summary>No population database is configured (<c>CitizenData:Provider=None</c>).</summary>
    public sealed record Off(string Message) : Outcome;

    public bool Enabled => services.GetService<ICitizenRegistry>() is not null;

    public async Task<Outcome> HandleAsync(CheckCitizenRequest r, string purpose, string checkedBy, string? unitPath, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var id = r.IdNumber?.Trim();
        if (PersonalId.Validate(id) is { } idError)
        {
            errors["idNumber"] = [t[idError]];
        }

        if (string.IsNullOrWhiteSpace(r.FullName) || r.FullName.Trim().Length > 200)
        {
            errors["fullName"] = [t["Họ tên là bắt buộc, tối đa 200 ký tự."]];
        }

        if (r.BirthDate is null)
        {
            errors["birthDate"] = [t["Cần ngày sinh để tra cứu."]];
        }

        if (r.Consent != true)
        {
            errors["consent"] = [t["Cần sự đồng ý của người nộp trước khi tra cứu thông tin trong Cơ sở dữ liệu quốc gia về dân cư."]];
        }

        if (errors.Count > 0)
        {
            return new Invalid(errors);
        }

        // Input is checked first, so that a bad request is a 400 whether or not a register is connected.
        if (services.GetService<ICitizenRegistry>() is not { } registry)
        {
            return new Off(t["Chưa kết nối Cơ sở dữ liệu quốc gia về dân cư; hãy kiểm tra giấy tờ tùy thân của người nộp."]);
        }

        var consentAt = time.GetUtcNow().UtcDateTime;
        RegistryAnswer answer;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            limit.CancelAfter(TimeSpan.FromMilliseconds(Math.Max(1, options.Value.TimeoutMilliseconds)));
            try
            {
                answer = await registry.CheckAsync(new CitizenClaim(id!, r.FullName!.Trim(), r.BirthDate!.Value), limit.Token);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && ex is OperationCanceledException or HttpRequestException or System.Text.Json.JsonException or NotSupportedException)
            {
                LogUnavailable(registry.Name, Masking.IdNumber(id), ex.GetType().Name);
                answer = new RegistryAnswer(RegistryAnswer.Unavailable, []);
            }
        }

        var check = new CitizenCheck
        {
            Id = Guid.NewGuid(),
            IdNumber = id!,
            Purpose = purpose,
            Result = answer.Result,
            Mismatches = answer.Mismatches.Count == 0 ? null : string.Join(';', answer.Mismatches),
            Provider = registry.Name,
            ConsentAtUtc = consentAt,
            CheckedAtUtc = time.GetUtcNow().UtcDateTime,
            CheckedBy = checkedBy,
            UnitPath = unitPath,
        };
        db.CitizenChecks.Add(check);
        await db.SaveChangesAsync(ct);
        return new Checked(View(check));
    }

    public CitizenCheckView View(CitizenCheck c)
    {
        var fields = c.Mismatches?.Split(';') ?? [];
        string message = c.Result switch
        {
            RegistryAnswer.Match => t["Thông tin khớp với Cơ sở dữ liệu quốc gia về dân cư."],
            RegistryAnswer.Mismatch => t["Thông tin không khớp với Cơ sở dữ liệu quốc gia về dân cư: {0}.",
                string.Join(", ", fields.Select(f => f == CitizenMatch.FullName ? t["Họ tên"].Value : f == CitizenMatch.BirthDate ? t["Ngày sinh"].Value : f))],
            RegistryAnswer.NotFound => t["Không tìm thấy số định danh này trong Cơ sở dữ liệu quốc gia về dân cư."],
            _ => t["Cơ sở dữ liệu quốc gia về dân cư không trả lời kịp; hãy thử lại hoặc kiểm tra giấy tờ tùy thân."],
        };
        return new CitizenCheckView(c.Id, c.Result, fields, message, c.CheckedAtUtc, c.ConsentAtUtc);
    }

    /// <summary>A matching desk check by this officer for this ID, recent enough to verify an intake; null otherwise.</summary>
    public async Task<CitizenCheck?> UsableAtDeskAsync(Guid id, string idNumber, string officer, CancellationToken ct)
    {
        var since = time.GetUtcNow().UtcDateTime.AddMinutes(-Math.Max(1, options.Value.ValidMinutes));
        return await db.CitizenChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Purpose == Desk && c.IdNumber == idNumber
            && c.CheckedBy == officer && c.Result == RegistryAnswer.Match && c.CheckedAtUtc >= since, ct);
    }

    [LoggerMessage(LogLevel.Warning, "Citizen data check through {Provider} for ID {MaskedId} unavailable: {Reason}")]
    private partial void LogUnavailable(string provider, string maskedId, string reason);
}
