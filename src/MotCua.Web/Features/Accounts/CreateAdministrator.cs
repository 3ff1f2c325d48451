using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Accounts;

/// <summary>
/// The first administrator of a deployment (<c>create-admin USER</c>): placed at the root unit, or at <c>--unit CODE</c>;
/// on an empty database the root unit itself is created from <c>--unit CODE --unit-name NAME</c>. The password goes through
/// the same Identity policy as any other; the published demo password is refused. An existing user name is never touched.
/// </summary>
public sealed class CreateAdministrator(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    public sealed record Request(string UserName, string Password, string? UnitCode, string? UnitName, string? FullName);

    public abstract record Outcome;

    public sealed record Created(string UserName, string UnitCode, string UnitName, bool UnitCreated) : Outcome;

    public sealed record UserExists(string UserName) : Outcome;

    public sealed record UnitNotFound(string UnitCode) : Outcome;

    /// <summary>The database has no unit yet and none was described to create.</summary>
    public sealed record NoUnit : Outcome;

    /// <summary>Several top-level units: the caller must say which one.</summary>
    public sealed record SeveralRoots(string[] Codes) : Outcome;

    public sealed record PasswordRejected(string[] Errors) : Outcome;

    public async Task<Outcome> HandleAsync(Request request, CancellationToken ct)
    {
        if (await users.FindByNameAsync(request.UserName) is not null)
        {
            return new UserExists(request.UserName);
        }

        // The policy (length, classes, demo password) is checked before anything is stored, a new root unit included.
        var user = new AppUser { UserName = request.UserName, FullName = string.IsNullOrWhiteSpace(request.FullName) ? request.UserName : request.FullName.Trim() };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, request.Password);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (request.Password == DemoPasswordFlag.DemoPassword)
        {
            errors.Add("Mật khẩu mẫu của bản demo đã được công bố, không được dùng.");
        }

        foreach (var validator in users.UserValidators)
        {
            var check = await validator.ValidateAsync(users, user);
            errors.AddRange(check.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return new PasswordRejected([.. errors.Distinct()]);
        }

        OrgUnit? unit;
        var unitCreated = false;
        if (request.UnitCode is { Length: > 0 } code)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null)
            {
                if (string.IsNullOrWhiteSpace(request.UnitName) || await db.Units.AnyAsync(ct))
                {
                    return new UnitNotFound(code);
                }

                unit = new OrgUnit
                {
                    Code = code,
                    Name = request.UnitName.Trim(),
                    Kind = UnitKind.Province,
                    Path = OrgUnit.ChildPath(null, code),
                    ValidFrom = VietnamTime.LocalDate(time.GetUtcNow().UtcDateTime),
                };
                db.Units.Add(unit);
                unitCreated = true;
            }
        }
        else
        {
            var roots = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Code).ToListAsync(ct);
            switch (roots.Count)
            {
                case 0:
                    return new NoUnit();
                case > 1:
                    return new SeveralRoots([.. roots.Select(r => r.Code)]);
            }

            unit = roots[0];
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        user.UnitId = unit.Id;
        var created = await users.CreateAsync(user, request.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Admin);
        }

        if (!created.Succeeded)
        {
            // A concurrent create of the same name, or a rule only the store knows: nothing of this call stays.
            await tx.RollbackAsync(ct);
            return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? new UserExists(request.UserName)
                : new PasswordRejected([.. created.Errors.Select(e => e.Description)]);
        }

        await tx.CommitAsync(ct);
        return new Created(request.UserName, unit.Code, unit.Name, unitCreated);
    }
}
