using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Demo;
using MotCua.Web.Features.Procedures;
using MotCua.Web.Infrastructure;

namespace MotCua.Web;

/// <summary>Operations run as <c>dotnet run --project src/MotCua.Web -- &lt;command&gt;</c> (or the published binary with the same arguments).</summary>
public static class AdminCommands
{
    public delegate Task<int> Command(WebApplication app, string[] args);

    private static readonly Dictionary<string, (Command Run, string Help)> All = new()
    {
        ["migrate"] = (Migrate, "migrate                       apply pending database migrations"),
        ["seed-demo"] = (SeedDemo, "seed-demo                     load the demo organisation, accounts and data"),
        ["create-admin"] = (CreateAdmin, "create-admin USER [--unit CODE [--unit-name NAME]] [--name \"Full name\"]  first administrator; password from standard input"),
        ["create-user"] = (CreateUser, "create-user --username U --password P --role R [--unit CODE] [--name \"Full name\"]"),
        ["import-calendar"] = (ImportCalendar, "import-calendar FILE [--unit CODE]  upsert calendar days from a CSV (date,name,kind,source)"),
        ["import-procedures"] = (ImportProceduresCommand, "import-procedures FILE        import or update the procedure catalogue from a CSV, or the national JSON / .xlsx export"),
        ["hand-over"] = (HandOverCommand, "hand-over --from CODE [--to CODE]  hand the open dossiers of a unit that ended over to its successor (or --to), one history event each"),
        ["verify-history"] = (VerifyHistoryCommand, "verify-history [--code CODE]  recompute every dossier's hash chain and report broken ones"),
        ["backup"] = (BackupCommand, "backup FILE                   online, consistent copy of the SQLite database (PostgreSQL: pg_dump, docs/reliability.md)"),
        ["restore"] = (RestoreCommand, "restore FILE                  replace the SQLite database with a backup (app stopped), then verify every history chain"),
        ["import-dossiers"] = (Features.Dossiers.Import.ImportCommands.ImportDossiersAsync, "import-dossiers FILE [--batch N]  load historical dossiers (ndjson, one a line); skips codes already present"),
        ["generate-dossiers"] = (Features.Dossiers.Import.ImportCommands.GenerateDossiersAsync, "generate-dossiers N FILE --seed S [--from 2021-01-01 --to 2025-06-30]  write invented dossiers (ndjson) for benchmarks and demos"),
        ["aggregate-dossiers"] = (Features.Dossiers.Import.ImportCommands.AggregateDossiersAsync, "aggregate-dossiers FILE       benchmarks: add a file's dossiers to the indicator aggregates only (no dossier rows)"),
        ["scale-province"] = (Features.Dossiers.Import.ProvinceScale.RunAsync, Features.Dossiers.Import.ProvinceScale.Usage),
        ["measure-alarm-scan"] = (Features.Alarms.AlarmCommands.MeasureAsync, Features.Alarms.AlarmCommands.Usage),
        ["rebuild-indicators"] = (Features.Indicators.IndicatorCommands.RebuildAsync, "rebuild-indicators            recompute the indicator aggregates from the dossiers"),
        ["measure-indicators"] = (Features.Indicators.IndicatorCommands.MeasureAsync, "measure-indicators [--unit CODE] [--runs N]  time the indicator report against COUNT(*) over the dossiers"),
        ["fake-dvcqg"] = (Features.NationalPortal.FakeDvcqgHost.RunAsync, Features.NationalPortal.FakeDvcqgHost.Usage),
        ["client-register"] = (ClientRegister, "client-register --name NAME --unit CODE --scopes dossiers:read,dossiers:write,indicators:read  a machine client; prints its secret once"),
        ["client-rotate"] = (ClientRotate, "client-rotate CLIENT_ID       a new secret for a machine client (the old one and its tokens stop at once)"),
        ["client-revoke"] = (ClientRevoke, "client-revoke CLIENT_ID       revoke a machine client for good"),
        ["client-list"] = (ClientList, "client-list                   the machine clients, their units, scopes and state"),
        ["help"] = (Help, "help                          list the commands"),
    };

    public static Command? Find(string[] args) =>
        args.Length > 0 && All.TryGetValue(args[0], out var c) ? c.Run : null;

    /// <summary>Reads "--key value" pairs; a key without a value is a flag ("true").</summary>
    public static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[args[i][2..]] = hasValue ? args[++i] : "true";
            }
        }

        return options;
    }

    private static Task<int> Help(WebApplication app, string[] args)
    {
        foreach (var (_, help) in All.Values)
        {
            Console.WriteLine(help);
        }

        return Task.FromResult(0);
    }

    private static async Task<int> Migrate(WebApplication app, string[] args)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        Console.WriteLine("Database is up to date.");
        return 0;
    }

    private static async Task<int> SeedDemo(WebApplication app, string[] args)
    {
        if (app.Environment.IsProduction())
        {
            Console.Error.WriteLine($"seed-demo is refused in the Production environment ({DemoMode.Setting}): the demo accounts share a published password.");
            return 2;
        }

        await DatabaseSetup.MigrateAsync(app.Services);
        await DemoSeed.SeedAsync(app.Services);
        Console.WriteLine("Demo data loaded.");
        return 0;
    }

    private static async Task<int> CreateAdmin(WebApplication app, string[] args)
    {
        if (args.Length < 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: " + All["create-admin"].Help);
            return 2;
        }

        var o = Options(args[1..]);
        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given: type it when asked, or pipe it on standard input (one line).");
            return 2;
        }

        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<CreateAdministrator>().HandleAsync(
            new(args[0], password, o.GetValueOrDefault("unit"), o.GetValueOrDefault("unit-name"), o.GetValueOrDefault("name")), CancellationToken.None);
        switch (outcome)
        {
            case CreateAdministrator.Created c:
                Console.WriteLine($"Created administrator {c.UserName} at {c.UnitCode} {c.UnitName}{(c.UnitCreated ? " (new root unit)" : "")}.");
                return 0;
            case CreateAdministrator.UserExists e:
                Console.Error.WriteLine($"User '{e.UserName}' already exists: nothing changed (create-user resets a password).");
                return 1;
            case CreateAdministrator.UnitNotFound u:
                Console.Error.WriteLine($"Unknown unit code '{u.UnitCode}' (a new root unit is created with --unit-name only while the database has no unit).");
                return 1;
            case CreateAdministrator.NoUnit:
                Console.Error.WriteLine("The database has no unit yet: name the root unit with --unit CODE --unit-name \"Name\".");
                return 1;
            case CreateAdministrator.SeveralRoots r:
                Console.Error.WriteLine($"Several top-level units ({string.Join(", ", r.Codes)}): choose one with --unit CODE.");
                return 1;
            case CreateAdministrator.PasswordRejected p:
                Console.Error.WriteLine("Password refused:");
                foreach (var error in p.Errors)
                {
                    Console.Error.WriteLine("  " + error);
                }

                return 1;
            default:
                throw new InvalidOperationException(outcome.ToString());
        }
    }

    private static async Task<int> ClientRegister(WebApplication app, string[] args)
    {
        var o = Options(args);
        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var scopes = o.GetValueOrDefault("scopes")?.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries) ?? [];
        switch (await scope.ServiceProvider.GetRequiredService<RegisterApiClient>().HandleAsync(
            new(o.GetValueOrDefault("name"), o.GetValueOrDefault("unit"), scopes), "cli:" + Environment.UserName, null, CancellationToken.None))
        {
            case RegisterApiClient.Registered(var client, var secret):
                Console.WriteLine($"Registered {client.Name} at {client.Unit!.Code} with {client.Scopes}.");
                Console.WriteLine($"client_id={client.ClientId}");
                Console.WriteLine($"client_secret={secret}");
                Console.WriteLine("The secret is shown only now: hand it to the client system over a safe channel.");
                return 0;
            case RegisterApiClient.Invalid(var errors):
                Console.Error.WriteLine("usage: " + All["client-register"].Help);
                foreach (var m in errors.Values.SelectMany(m => m))
                {
                    Console.Error.WriteLine("  " + m);
                }

                return 2;
            default:
                return 1;
        }
    }

    private static async Task<int> ClientRotate(WebApplication app, string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: " + All["client-rotate"].Help);
            return 2;
        }

        using var scope = app.Services.CreateScope();
        switch (await scope.ServiceProvider.GetRequiredService<RotateApiClientSecret>().HandleAsync(args[0], "cli:" + Environment.UserName, null, CancellationToken.None))
        {
            case RotateApiClientSecret.Rotated(var client, var secret):
                Console.WriteLine($"client_id={client.ClientId}");
                Console.WriteLine($"client_secret={secret}");
                Console.WriteLine("The old secret and every token issued under it no longer work.");
                return 0;
            case RotateApiClientSecret.Revoked:
                Console.Error.WriteLine($"Client {args[0]} is revoked: register a new one.");
                return 1;
            default:
                Console.Error.WriteLine($"No client {args[0]}.");
                return 1;
        }
    }

    private static async Task<int> ClientRevoke(WebApplication app, string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: " + All["client-revoke"].Help);
            return 2;
        }

        using var scope = app.Services.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<RevokeApiClient>().HandleAsync(args[0], "cli:" + Environment.UserName, null, CancellationToken.None) is RevokeApiClient.Done(var client))
        {
            Console.WriteLine($"Revoked {client.ClientId} ({client.Name}).");
            return 0;
        }

        Console.Error.WriteLine($"No client {args[0]}.");
        return 1;
    }

    private static async Task<int> ClientList(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var c in (await db.ApiClients.AsNoTracking().Include(c => c.Unit).ToListAsync()).OrderBy(c => c.Id))
        {
            Console.WriteLine($"{c.ClientId}\t{c.Name}\t{c.Unit!.Code}\t{c.Scopes}\t{(c.RevokedAtUtc is null ? "active" : "revoked " + c.RevokedAtUtc.Value.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}");
        }

        return 0;
    }

    /// <summary>One line from standard input when it is redirected; at a terminal, typed twice without echo.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r');
        }

        var first = ReadHidden("Password: ");
        var again = ReadHidden("Password again: ");
        if (first != again)
        {
            Console.Error.WriteLine("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var text = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                text.Length = Math.Max(0, text.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }

    private static async Task<int> CreateUser(WebApplication app, string[] args)
    {
        var o = Options(args);
        if (!o.TryGetValue("username", out var username) || !o.TryGetValue("password", out var password) || !o.TryGetValue("role", out var role))
        {
            Console.Error.WriteLine("usage: " + All["create-user"].Help);
            return 2;
        }

        if (!Roles.All.Contains(role))
        {
            Console.Error.WriteLine($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}");
            return 2;
        }

        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        await DemoSeed.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        int? unitId = null;
        if (o.TryGetValue("unit", out var unitCode))
        {
            unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleOrDefaultAsync();
            if (unitId is null)
            {
                Console.Error.WriteLine($"Unknown unit code '{unitCode}'.");
                return 2;
            }
        }
        else if (role != Roles.Citizen)
        {
            Console.Error.WriteLine("Staff accounts need --unit CODE.");
            return 2;
        }

        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var existing = await users.FindByNameAsync(username);
        IdentityResult result;
        if (existing is null)
        {
            var user = new AppUser { UserName = username, FullName = o.GetValueOrDefault("name", username), UnitId = unitId };
            result = await users.CreateAsync(user, password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, role);
            }
        }
        else
        {
            // Re-running create-user for an existing account resets its password: the way out of the demo-password guard.
            var token = await users.GeneratePasswordResetTokenAsync(existing);
            result = await users.ResetPasswordAsync(existing, token, password);
        }

        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }

        Console.WriteLine(existing is null ? $"Created {username} ({role})." : $"Password of {username} reset.");
        return 0;
    }

    private static async Task<int> ImportCalendar(WebApplication app, string[] args)
    {
        if (args.Length < 1 || args[0].StartsWith("--", StringComparison.Ordinal) || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: " + All["import-calendar"].Help);
            return 2;
        }

        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        int? unitId = null;
        if (Options(args).TryGetValue("unit", out var unitCode))
        {
            unitId = await sp.GetRequiredService<AppDbContext>().Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleOrDefaultAsync();
            if (unitId is null)
            {
                Console.Error.WriteLine($"Unknown unit code '{unitCode}'.");
                return 2;
            }
        }

        using var reader = File.OpenText(args[0]);
        var result = await sp.GetRequiredService<CalendarService>().ImportAsync(reader, unitId, "import-calendar", CancellationToken.None);
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"line {error.Line}: {error.Message}");
        }

        Console.WriteLine($"Imported {result.Imported}, updated {result.Updated}, unchanged {result.Skipped}, errors {result.Errors.Length}.");
        return result.Errors.Length == 0 ? 0 : 1;
    }

    private static async Task<int> ImportProceduresCommand(WebApplication app, string[] args)
    {
        if (args.Length < 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: " + All["import-procedures"].Help);
            return 2;
        }

        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var extension = Path.GetExtension(args[0]).ToLowerInvariant();
        Features.Procedures.ImportResult result;
        if (extension is ".json" or ".xlsx")
        {
            await using var file = File.OpenRead(args[0]);
            var read = extension == ".xlsx" ? CatalogueFiles.ReadXlsx(file) : await CatalogueFiles.ReadJsonAsync(file, CancellationToken.None);
            result = await ImportProcedures.RunNationalAsync(db, read, time, string.Format, "cli", CancellationToken.None);
        }
        else
        {
            using var reader = new StreamReader(args[0]);
            result = await ImportProcedures.RunAsync(db, reader, time, string.Format, "cli", CancellationToken.None);
        }

        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result, System.Text.Json.JsonSerializerOptions.Web));
        return result.FileRejected || result.Errors.Count > 0 ? 1 : 0;
    }

    private static async Task<int> HandOverCommand(WebApplication app, string[] args)
    {
        var options = Options(args);
        if (!options.TryGetValue("from", out var from))
        {
            Console.Error.WriteLine("Usage: hand-over --from CODE [--to CODE]");
            return 2;
        }

        using var scope = app.Services.CreateScope();
        var handler = scope.ServiceProvider.GetRequiredService<Features.Dossiers.HandOverDossiers>();
        switch (await handler.HandleAsync(from, options.GetValueOrDefault("to"), null, CancellationToken.None))
        {
            case Features.Dossiers.HandOverDossiers.HandedOver(var f, var to, var count):
                Console.WriteLine($"Handed over {count} open dossier(s) from {f} to {to}.");
                return 0;
            case Features.Dossiers.HandOverDossiers.Invalid(var field, var message):
                Console.Error.WriteLine($"{field}: {message}");
                return 2;
            case Features.Dossiers.HandOverDossiers.Conflict(var message, var count):
                Console.Error.WriteLine($"{message} ({count})");
                return 1;
            case var other:
                Console.Error.WriteLine(other.ToString());
                return 1;
        }
    }

    private static async Task<int> VerifyHistoryCommand(WebApplication app, string[] args)
    {
        using var scope = app.Services.CreateScope();
        var report = await Features.Dossiers.VerifyHistory.RunAsync(
            scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<Features.Dossiers.HistoryAnchors>(),
            Options(args).GetValueOrDefault("code"), CancellationToken.None);
        foreach (var broken in report.Broken)
        {
            Console.WriteLine(Features.Dossiers.VerifyHistory.Describe(broken));
        }

        var a = report.Anchors;
        Console.WriteLine(a.Problem is not null
            ? $"ANCHORS {a.File}: {a.Problem}"
            : a.Checkpoints == 0
                ? $"Anchors: none yet in {a.File} (the history-anchors job writes them)."
                : $"Anchors: {a.Checkpoints} checkpoint(s) in {a.File}, {a.AnchoredDossiers} dossier(s), latest {a.LatestUtc:u}.");
        Console.WriteLine($"Checked {report.Checked} dossier(s): {report.Broken.Length} broken, {report.V1Events} event(s) under the older hash form (v1).");
        return report.Intact ? 0 : 1;
    }

    private static Task<int> BackupCommand(WebApplication app, string[] args) =>
        RunBackup(args, "backup", file => Features.Operations.Backups.BackupAsync(app.Services, file, CancellationToken.None));

    private static Task<int> RestoreCommand(WebApplication app, string[] args) =>
        RunBackup(args, "restore", file => Features.Operations.Backups.RestoreAsync(app.Services, file, CancellationToken.None));

    private static async Task<int> RunBackup(string[] args, string name, Func<string, Task<Features.Operations.Backups.Outcome>> run)
    {
        if (args.Length < 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            Console.Error.WriteLine("usage: " + All[name].Help);
            return 2;
        }

        var outcome = await run(args[0]);
        (outcome.ExitCode == 0 ? Console.Out : Console.Error).WriteLine(outcome.Message);
        return outcome.ExitCode;
    }
}
