using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using MotCua.Web.Features.Accounts;
using MotCua.Web.Features.Alarms;
using MotCua.Web.Features.Calendar;
using MotCua.Web.Features.Dossiers;
using MotCua.Web.Infrastructure;
using Npgsql;
using static MotCua.IntegrationTests.Features.Dossiers.DossierApi;

namespace MotCua.IntegrationTests.Features.Performance;

/// <summary>
/// Issue 25.3: at 10^7 dossiers a staff page that reads the dossier table whole cannot answer in 100 ms. Every query the
/// inbox, the workspace, a dossier's page, the searches, the month's tracking book, the alarm scan and the dashboard send is
/// captured and explained with the same parameters: PostgreSQL with sequential scans priced out (it still picks one when no
/// index can serve the query), SQLite's EXPLAIN QUERY PLAN; a full scan of "Dossiers" fails the test and names the query.
/// </summary>
public sealed class QueryPlanTests(QueryPlanTests.CapturingApp app) : IClassFixture<QueryPlanTests.CapturingApp>
{
    // Monday 07/12/2026, 09:00 local time.
    private static readonly DateTimeOffset Today = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_pages_and_scans_never_read_the_dossier_table_whole()
    {
        app.Clock.SetUtcNow(Today);
        var desk = await app.ClientFor("motcua.bacai");
        var leader = await app.ClientFor("lanhdao.bacai");
        var admin = await app.ClientFor("admin");
        var received = await ReceivedAsync(desk, "56.BACAI");
        var code = received.GetProperty("code").GetString()!;
        const string idNumber = "058090001234"; // DossierApi's applicant
        var staffPages = await PageClient.SignedInAsync(app, "lanhdao.bacai");

        var requests = new (string Label, Func<Task> Run)[]
        {
            ("workspace (desk)", () => desk.GetStringAsync("/api/v1/workspace", Ct)),
            ("workspace (leader)", () => leader.GetStringAsync("/api/v1/workspace", Ct)),
            ("inbox (desk)", () => desk.GetStringAsync("/api/v1/dossiers", Ct)),
            ("inbox, received (leader)", () => leader.GetStringAsync("/api/v1/dossiers?status=received", Ct)),
            ("inbox, overdue (leader)", () => leader.GetStringAsync("/api/v1/dossiers?overdue=true", Ct)),
            ("inbox over the cap (desk)", () => MergedInboxAsync("56.BACAI")),
            ("inbox page (leader)", () => staffPages.GetStringAsync("/Dossiers", Ct)),
            ("inbox page, all (leader)", () => staffPages.GetStringAsync("/Dossiers?tab=all", Ct)),
            ("search by code", () => desk.GetStringAsync($"/api/v1/dossiers?q={code}", Ct)),
            ("search by code prefix", () => desk.GetStringAsync($"/api/v1/dossiers?q={code[..^3]}", Ct)),
            ("search by ID number", () => desk.GetStringAsync($"/api/v1/dossiers?q={idNumber}", Ct)),
            ("search by applicant", () => desk.GetStringAsync($"/api/v1/dossiers?q={Uri.EscapeDataString("Chamaléa Thị")}", Ct)),
            ("dossier (API)", () => desk.GetStringAsync($"/api/v1/dossiers/{code}", Ct)),
            ("dossier history", () => desk.GetStringAsync($"/api/v1/dossiers/{code}/history", Ct)),
            ("dossier page", () => staffPages.GetStringAsync($"/Dossiers/Details?code={code}", Ct)),
            ("tracking book, a month", () => leader.GetByteArrayAsync("/api/v1/reports/tracking-book?from=2026-11-01&to=2026-11-30", Ct)),
            ("alarms (leader)", () => leader.GetStringAsync("/api/v1/alarms", Ct)),
            ("alarm scan", () => app.Services.GetRequiredService<AlarmScanner>().RunOnceAsync(Ct)),
            ("dashboard (API, province)", () => admin.GetStringAsync("/api/v1/indicators", Ct)),
            ("dashboard page", () => staffPages.GetStringAsync("/Indicators", Ct)),
        };

        var scans = new List<string>();
        var explained = 0;
        foreach (var (label, run) in requests)
        {
            app.Capture.Clear();
            await run();
            var commands = app.Capture.Commands.Where(c => TouchesDossiers.IsMatch(c.Sql) && IsQuery(c.Sql)).ToArray();
            Assert.True(commands.Length > 0 || label is "alarm scan" or "alarms (leader)", $"{label}: no query of the dossier table captured");
            foreach (var command in commands)
            {
                explained++;
                var plan = await ExplainAsync(command);
                if (FullScanOfDossiers(command.Sql, plan) is { } line)
                {
                    scans.Add($"{label}: {line}\n  {command.Sql.ReplaceLineEndings(" ")}");
                }
                else if (Searches.Contains(label) && ScopeOnlyRead(command.Sql, plan) is { } range)
                {
                    scans.Add($"{label}: reads the scope's range, not the searched key: {range}\n  {command.Sql.ReplaceLineEndings(" ")}");
                }
            }
        }

        Assert.True(explained >= requests.Length, $"only {explained} queries explained");
        Assert.True(scans.Count == 0, $"{scans.Count} full scan(s) of Dossiers:\n" + string.Join("\n", scans));
    }

    /// <summary>The list a desk sees when more than the cap are visible: one read per status and side, merged (ReadDossiers).</summary>
    private async Task MergedInboxAsync(string unitCode)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Code == unitCode, Ct);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Roles.Desk), new Claim(AppClaims.UnitPath, unit.Path)], "test"));
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarService>().ForUnitAsync(unit, Ct);
        var page = await ReadDossiers.ListAsync(db, user, new(null, null, null, null, null, 2), DateOnly.FromDateTime(Today.UtcDateTime), calendar, Ct, countCap: 0);
        Assert.True(page.TotalCapped);
    }

    /// <summary>Requests for one key (code, ID number, name): a plan that reaches Dossiers only through the scope or status indexes reads a province.</summary>
    private static readonly HashSet<string> Searches = ["search by code", "search by code prefix", "search by ID number", "search by applicant"];

    /// <summary>Indexes that find the searched key itself; the path and status indexes only bound the caller's scope.</summary>
    private static bool IsKeyIndex(string index) =>
        index is "IX_Dossiers_Code" or "IX_Dossiers_ApplicantIdNumber" or "IX_Dossiers_ApplicantName" or "PK_Dossiers" or "INTEGER PRIMARY KEY";

    /// <summary>
    /// The indexes a plan reads Dossiers through, when none of them is a key index: a SEARCH (SQLite) or an index scan
    /// (PostgreSQL) bounded only by the unit paths or the status is not a full scan, but at 10^6 it reads a whole province.
    /// </summary>
    private static string? ScopeOnlyRead(string sql, string[] plan)
    {
        string[] indexes;
        if (AppFactory.UsePostgres)
        {
            indexes = [.. plan.Select(l => Regex.Match(l, @"(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) ""((?:IX|PK)_Dossiers\w*)""")).Where(m => m.Success).Select(m => m.Groups[1].Value)];
        }
        else
        {
            var aliases = Regex.Matches(sql, """(?:FROM|JOIN) "Dossiers"(?: AS "(\w+)")?""").Select(m => m.Groups[1].Success ? m.Groups[1].Value : "Dossiers").ToHashSet();
            indexes = [.. plan.Select(l => Regex.Match(l, """^SEARCH (\w+) USING (?:(?:COVERING )?INDEX (\w+)|(INTEGER PRIMARY KEY))""")).Where(m => m.Success && aliases.Contains(m.Groups[1].Value))
                .Select(m => m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value)];
        }

        return indexes.Length > 0 && !indexes.Any(IsKeyIndex) ? string.Join(", ", indexes.Distinct()) : null;
    }

    private static readonly Regex TouchesDossiers = new("FROM \"Dossiers\"|JOIN \"Dossiers\"", RegexOptions.Compiled);

    private static bool IsQuery(string sql) =>
        sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || sql.TrimStart().StartsWith("WITH", StringComparison.OrdinalIgnoreCase);

    private async Task<string[]> ExplainAsync(CapturedCommand command)
    {
        var connection = app.Services.GetRequiredService<DatabaseConnection>();
        if (AppFactory.UsePostgres)
        {
            await using var pg = new NpgsqlConnection(connection.ConnectionString);
            await pg.OpenAsync(Ct);
            await using (var off = new NpgsqlCommand("SET enable_seqscan = off", pg))
            {
                await off.ExecuteNonQueryAsync(Ct);
            }

            await using var explain = new NpgsqlCommand("EXPLAIN " + command.Sql, pg);
            foreach (NpgsqlParameter p in command.Parameters)
            {
                explain.Parameters.Add(p.Clone());
            }
            return await LinesAsync(explain, 0);
        }

        await using var sqlite = new SqliteConnection(connection.ConnectionString);
        await sqlite.OpenAsync(Ct);
        await using var plan = new SqliteCommand("EXPLAIN QUERY PLAN " + command.Sql, sqlite);
        foreach (SqliteParameter p in command.Parameters)
        {
            plan.Parameters.Add(new SqliteParameter(p.ParameterName, p.SqliteType) { Value = p.Value });
        }

        return await LinesAsync(plan, 3);
    }

    private static async Task<string[]> LinesAsync(DbCommand command, int column)
    {
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(column));
        }

        return [.. lines];
    }

    /// <summary>The plan line that reads Dossiers whole, if any: PostgreSQL's "Seq Scan on Dossiers", SQLite's "SCAN alias" without an index.</summary>
    private static string? FullScanOfDossiers(string sql, string[] plan)
    {
        if (AppFactory.UsePostgres)
        {
            return plan.FirstOrDefault(l => l.Contains("Seq Scan on \"Dossiers\"", StringComparison.Ordinal));
        }

        var aliases = Regex.Matches(sql, """(?:FROM|JOIN) "Dossiers"(?: AS "(\w+)")?""").Select(m => m.Groups[1].Success ? m.Groups[1].Value : "Dossiers").ToHashSet();
        return plan.FirstOrDefault(l => Regex.Match(l, """^SCAN (\w+)(?: |$)""") is { Success: true } m && aliases.Contains(m.Groups[1].Value)
            && !l.Contains("INDEX", StringComparison.Ordinal));
    }

    public sealed record CapturedCommand(string Sql, DbParameter[] Parameters);

    /// <summary>The app with every command it sends recorded, with copies of its parameters.</summary>
    public sealed class CapturingApp : AppFactory
    {
        public CommandCapture Capture { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s =>
            {
                s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Capture));
                s.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Capture));
            });
        }
    }

    public sealed class CommandCapture : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<CapturedCommand> _commands = new();

        public IReadOnlyCollection<CapturedCommand> Commands => _commands;

        public void Clear() => _commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command) =>
            _commands.Enqueue(new(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(Copy)]));

        private static DbParameter Copy(DbParameter p) => p switch
        {
            NpgsqlParameter n => n.Clone(),
            SqliteParameter s => new SqliteParameter(s.ParameterName, s.SqliteType) { Value = s.Value },
            _ => throw new NotSupportedException(p.GetType().Name),
        };
    }
}
