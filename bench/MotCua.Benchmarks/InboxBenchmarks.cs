extern alias web;

using System.Data.Common;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MotCua.Domain.Calendar;
using MotCua.Domain.Dossiers;
using web::MotCua.Web.Features.Accounts;
using web::MotCua.Web.Features.Dossiers;
using web::MotCua.Web.Features.Organisation;
using web::MotCua.Web.Infrastructure;

namespace MotCua.Benchmarks;

/// <summary>
/// The inbox query (<see cref="ReadDossiers.ListAsync"/>: count + first page) over 100,000 open dossiers in a database built by the
/// app's migrations; the reference is a primary-key lookup of one dossier through the same DbContext, measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class InboxBenchmarks
{
    public const int Dossiers = 100_000;
    public static readonly DateOnly Today = new(2026, 11, 16);

    private static readonly string[] Communes = ["22783", "22786", "22789", "22792", "22795", "22798", "22801", "22804", "22807"];
    private static readonly DossierStatus[] Open = [DossierStatus.Received, DossierStatus.InProcess, DossierStatus.AwaitingApproval, DossierStatus.ResultReady, DossierStatus.AwaitingReception];
    private static readonly (string Code, string Name, int Days)[] Procedures =
    [
        ("1.001193", "Đăng ký khai sinh", 1),
        ("1.000894", "Đăng ký kết hôn", 5),
        ("2.000908", "Chứng thực bản sao từ bản chính", 2),
        ("1.003583", "Xác nhận hộ nghèo", 10),
        ("1.004227", "Cấp giấy chứng nhận quyền sử dụng đất", 30),
    ];

    private IHost? _host;
    private string? _sqliteFolder;
    private string? _pgDatabase;
    private WorkingCalendar _calendar = null!;
    private ClaimsPrincipal _communeDesk = null!;
    private ClaimsPrincipal _districtLeader = null!;
    private long _someId;

    /// <summary>SQLite always; PostgreSQL when MOTCUA_BENCH_PG holds a server connection string.</summary>
    public static IEnumerable<string> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MOTCUA_BENCH_PG")) ? ["sqlite"] : ["sqlite", "postgres"];

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "holidays-vn.csv")))
        {
            _calendar = new WorkingCalendar(CalendarCsv.Parse(reader).Rows.Select(r => r.Entry));
        }

        var settings = new Dictionary<string, string?>();
        if (Provider == "postgres")
        {
            _pgDatabase = $"motcua_bench_{Guid.NewGuid():N}";
            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Postgres"] = $"{Environment.GetEnvironmentVariable("MOTCUA_BENCH_PG")};Database={_pgDatabase}";
        }
        else
        {
            _sqliteFolder = Path.Combine(Path.GetTempPath(), "motcua-bench", Guid.NewGuid().ToString("N"));
            settings["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_sqliteFolder, "inbox.db")}";
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        // As appsettings.json in production: no per-command log lines inside the timings.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddDatabase();
        _host = builder.Build();
        await DatabaseSetup.MigrateAsync(_host.Services);

        using var scope = _host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await OrganisationSeed.SeedAsync(db, Path.Combine(AppContext.BaseDirectory, "DemoData"));
        var units = await db.Units.AsNoTracking().Where(u => Communes.Contains(u.Code) || u.Code == "584" || u.Code == "584.MC" || u.Code == "584.TP")
            .ToDictionaryAsync(u => u.Code);
        await InsertDossiersAsync(db, units);
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        _someId = await db.Dossiers.OrderBy(d => d.Id).Skip(Dossiers / 2).Select(d => d.Id).FirstAsync();

        _communeDesk = Staff(Roles.Desk, units["22783"]);
        _districtLeader = Staff(Roles.Leader, units["584"]);
    }

    private static ClaimsPrincipal Staff(string role, OrgUnit unit) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"bench-{role}"),
            new Claim(ClaimTypes.Role, role),
            new Claim(AppClaims.UnitId, unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(AppClaims.UnitPath, unit.Path),
        ],
        "bench"));

    /// <summary>Raw prepared inserts in one transaction: EF change tracking would take minutes for 100,000 rows.</summary>
    private static async Task InsertDossiersAsync(AppDbContext db, Dictionary<string, OrgUnit> units)
    {
        string[] columns =
        [
            "Code", "Version", "ProcedureId", "ProcedureCode", "ProcedureName", "ReceivingUnitId", "ReceivingUnitPath", "CurrentUnitId",
            "CurrentUnitPath", "Channel", "Status", "ApplicantName", "ReceivedAtUtc", "ReceivedOn", "LegalWorkingDays", "LegalDueDate",
            "AppointmentDate", "DueDateEstimated", "SupplementRequests", "CountedLate", "ResultCount", "EventCount", "LastHash", "UpdatedAtUtc",
        ];
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""INSERT INTO "Dossiers" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))})""";
        var p = columns.ToDictionary(c => c, c =>
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = "@" + c;
            cmd.Parameters.Add(parameter);
            return parameter;
        });

        string[] receiving = [.. Communes, "584.MC"];
        var sequences = new Dictionary<(string, DateOnly), int>();
        var random = new Random(20261116);
        for (var i = 0; i < Dossiers; i++)
        {
            var unit = units[receiving[random.Next(receiving.Length)]];
            // One in ten has been passed on (liên thông) to a district office.
            var current = random.Next(10) == 0 ? units["584.TP"] : unit;
            var procedure = Procedures[random.Next(Procedures.Length)];
            var appointment = Today.AddDays(random.Next(-60, 61));
            var received = appointment.AddDays(-procedure.Days - random.Next(0, procedure.Days + 3));
            var key = (unit.Code, received);
            var seq = sequences[key] = sequences.GetValueOrDefault(key) + 1;
            var receivedAt = received.ToDateTime(new TimeOnly(1 + random.Next(8), random.Next(60)), DateTimeKind.Utc);
            Set(p["Code"], DossierCode.Format(unit.Code, received, seq));
            Set(p["Version"], 1);
            Set(p["ProcedureId"], 1);
            Set(p["ProcedureCode"], procedure.Code);
            Set(p["ProcedureName"], procedure.Name);
            Set(p["ReceivingUnitId"], unit.Id);
            Set(p["ReceivingUnitPath"], unit.Path);
            Set(p["CurrentUnitId"], current.Id);
            Set(p["CurrentUnitPath"], current.Path);
            Set(p["Channel"], random.Next(3) == 0 ? nameof(Channel.Online) : nameof(Channel.Direct));
            Set(p["Status"], Open[random.Next(Open.Length)].ToString());
            Set(p["ApplicantName"], $"Người nộp {i}");
            Set(p["ReceivedAtUtc"], receivedAt);
            Set(p["ReceivedOn"], received);
            Set(p["LegalWorkingDays"], procedure.Days);
            Set(p["LegalDueDate"], appointment);
            Set(p["AppointmentDate"], appointment);
            Set(p["DueDateEstimated"], false);
            Set(p["SupplementRequests"], 0);
            Set(p["CountedLate"], false);
            Set(p["ResultCount"], 0);
            Set(p["EventCount"], 1);
            Set(p["LastHash"], HistoryChain.Genesis);
            Set(p["UpdatedAtUtc"], receivedAt);
            if (i == 0)
            {
                await cmd.PrepareAsync();
            }

            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        await db.Database.CloseConnectionAsync();
    }

    private static void Set(DbParameter p, object value) => p.Value = value;

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.Dispose();
        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteFolder, recursive: true);
        }

        if (_pgDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            using var connection = new Npgsql.NpgsqlConnection(Environment.GetEnvironmentVariable("MOTCUA_BENCH_PG"));
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"""DROP DATABASE IF EXISTS "{_pgDatabase}" WITH (FORCE)""";
            cmd.ExecuteNonQuery();
        }
    }

    [Benchmark(Baseline = true, Description = "reference: one dossier by primary key")]
    public Task<string> PrimaryKey() => Run(db => db.Dossiers.AsNoTracking().Where(d => d.Id == _someId).Select(d => d.Code).SingleAsync());

    [Benchmark(Description = "commune desk (58/584/22783/), tab received")]
    public Task<int> CommuneDeskReceived() => List(_communeDesk, new("Received", null, null, null, null, 1));

    [Benchmark(Description = "district leader (58/584/), tab approve")]
    public Task<int> LeaderApprove() => List(_districtLeader, new("AwaitingApproval", null, null, null, null, 1));

    [Benchmark(Description = "district leader, tab overdue")]
    public Task<int> LeaderOverdue() => List(_districtLeader, new(null, null, null, true, null, 1));

    [Benchmark(Description = "district leader, all tabs, code prefix \"22783-2611\"")]
    public Task<int> LeaderCodePrefix() => List(_districtLeader, new(null, null, null, null, "22783-2611", 1));

    [Benchmark(Description = "district leader, tab approve, page 20")]
    public Task<int> LeaderApproveDeepPage() => List(_districtLeader, new("AwaitingApproval", null, null, null, null, 20));

    private Task<int> List(ClaimsPrincipal user, ReadDossiers.ListFilter filter) =>
        Run(async db => (await ReadDossiers.ListAsync(db, user, filter, Today, _calendar, CancellationToken.None)).Total);

    // One scope per call, like one request.
    private async Task<T> Run<T>(Func<AppDbContext, Task<T>> query)
    {
        using var scope = _host!.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
