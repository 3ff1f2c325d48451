using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Features.ReformPlan;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Demo;

/// <summary>Demo mode: the Bác Ái organisation, roles and one account per role, all with <see cref="Password"/>.</summary>
public static class DemoSeed
{
    public const string Password = DemoPasswordFlag.DemoPassword;

    public sealed record DemoAccount(string UserName, string FullName, string Role, string? UnitCode, string? IdNumber = null);

    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "Quản trị hệ thống", Roles.Admin, "58"),
        new("lanhdao", "Nguyễn Văn Lãnh", Roles.Leader, "584"),
        new("motcua", "Trần Thị Một", Roles.Desk, "584.MC"),
        new("chuyenvien", "Lê Văn Chuyên", Roles.Specialist, "584.TCKH"),
        new("noivu", "Phạm Thị Nội", Roles.Reform, "584.NV"),
        new("motcua.phuocbinh", "Katơr Thị Bình", Roles.Desk, "22783"),
        new("motcua.phuoctien", "Pinăng Văn Tiến", Roles.Desk, "22792"),
        new("congdan", "Chamaléa Thị Dân", Roles.Citizen, null, "058090001234"),
        // The units above ended on 30/06/2025; these serve today's dossiers in a commune of the two-tier structure.
        new("motcua.bacai", "Mang Thị Nhận", Roles.Desk, "56.BACAI"),
        new("chuyenvien.bacai", "Pinăng Văn Xử", Roles.Specialist, "56.BACAI"),
        new("lanhdao.bacai", "Chamaléa Văn Duyệt", Roles.Leader, "56.BACAI"),
    ];

    public static string DataFolder => Path.Combine(AppContext.BaseDirectory, "DemoData");

    public static async Task SeedAsync(IServiceProvider services, StartupProgress? progress = null, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var historyDossiers = sp.GetRequiredService<IConfiguration>().GetValue("Demo:HistoryDossiers", 0);
        if (progress is not null && !await db.Units.AnyAsync(ct))
        {
            progress.FirstDemoStart(historyDossiers);
        }

        // Each step saves what it adds and reads what it needs; the tracker is emptied between them because every later
        // save (a user, a role: dozens) would otherwise re-scan thousands of seeded rows in each save interceptor.
        await OrganisationSeed.SeedAsync(db, DataFolder, ct);
        db.ChangeTracker.Clear();
        await CalendarSeed.SeedAsync(sp, DataFolder, ct);
        db.ChangeTracker.Clear();
        await ProcedureSeed.SeedAsync(db, DataFolder, sp.GetRequiredService<TimeProvider>(), ct);
        db.ChangeTracker.Clear();
        await ReformSeed.SeedAsync(db, DataFolder, ct);
        db.ChangeTracker.Clear();
        await OpenTodaysPlanPeriodAsync(sp, db, ct);
        db.ChangeTracker.Clear();
        await Queue.QueueSeed.SeedAsync(db, sp.GetRequiredService<TimeProvider>(), ct);
        db.ChangeTracker.Clear();
        await EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var unitId = account.UnitCode is null ? (int?)null : await db.Units.Where(u => u.Code == account.UnitCode).Select(u => u.Id).SingleAsync(ct);
            var user = new AppUser { UserName = account.UserName, FullName = account.FullName, UnitId = unitId, IdNumber = account.IdNumber, };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, account.Role);
        }

        await Indicators.DemoHistory.SeedAsync(sp, historyDossiers, ct);
    }

    /// <summary>The commune of today that the demo accounts serve gets its 2026 period, carried forward from the district's 2021–2025 plan.</summary>
    public const string TodaysUnit = "56.BACAI";

    public const int TodaysPlanYear = 2026;

    private static async Task OpenTodaysPlanPeriodAsync(IServiceProvider sp, AppDbContext db, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == TodaysUnit, ct);
        var source = await db.Plans.AsNoTracking().Include(p => p.Targets).Where(p => p.Targets.Count > 0 && p.PeriodTo < TodaysPlanYear)
            .OrderByDescending(p => p.PeriodTo).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (unit is null || source is null
            || await db.Plans.AnyAsync(p => p.IssuingUnitId == unit.Id && p.PeriodFrom <= TodaysPlanYear && p.PeriodTo >= TodaysPlanYear, ct))
        {
            return;
        }

        await sp.GetRequiredService<CarryTargetsForward>().OpenAsync(source, unit, TodaysPlanYear, null, ct);
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Outside demo mode, an account that still opens with the demo password is a published credential.</summary>
    public static Task<string[]> AccountsWithDemoPasswordAsync(AppDbContext db) =>
        db.Users.Where(u => u.HasDemoPassword).Select(u => u.UserName!).ToArrayAsync();
}
