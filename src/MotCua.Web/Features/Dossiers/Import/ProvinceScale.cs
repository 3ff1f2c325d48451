using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MotCua.Web.Features.Indicators;
using MotCua.Web.Features.Organisation;
using MotCua.Web.Infrastructure;

namespace MotCua.Web.Features.Dossiers.Import;

/// <summary>
/// Benchmarks (issue 25.3): a simulated province of today's structure at 10^6–10^7 dossiers, deterministic for a seed. The
/// province (56) is filled up to N communes in force with units clearly marked as simulated (codes 56.SIMnn, "Xã Mô phỏng nn");
/// a base set is generated and written through the real import (dossier rows, history events, pauses, aggregates), then
/// multiplied set-wise in SQL: each copy gets a new id (base id + k × stride), a new SIM code, its own applicant name and
/// ID number, and copies of the base dossier's child rows with the new dossier id; the aggregate rows grow by the base
/// import's contribution times (factor − 1), which is what importing the copies one by one would add (they share unit,
/// procedure and dates with their base dossier). Secondary indexes are dropped during the copy and rebuilt after.
/// The copied history events keep their base dossier's hashes, so verify-history reports the copies: simulated data only.
/// </summary>
public static class ProvinceScale
{
    public const string Usage = "scale-province [--communes 65] [--base 100000] [--factor 100] [--seed 25] [--work DIR]  benchmarks: a simulated province of today's communes with base × factor generated dossiers";

    private const string Province = "56";
    private const int NameCount = 20 * 30 * 60;
    private static readonly string[] ChildTables = ["DossierEvents", "DossierPauses", "DossierSteps", "DossierDocuments"];

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Chamaléa", "Pinăng", "Katơr", "Mấu"];
    private static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Thu", "Kim", "Xuân", "Hoài", "Gia", "Bảo", "Công", "Đình", "Hồng", "Mỹ", "Phương", "Anh", "Trọng", "Thái", "Như", "Khánh", "Tuấn", "Hải", "Diệu", "Quang", "Bích", "Tấn"];
    private static readonly string[] Givens = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khoa", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Ngân", "Nghĩa", "Ngọc", "Nhung", "Phong", "Phúc", "Quân", "Quyên", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Trung", "Tú", "Tuấn", "Uyên", "Vân", "Việt", "Vinh", "Xuân", "Yến", "Đào", "Điệp", "Ánh", "Bảo", "Cường", "Duyên", "Hậu", "Kiên", "Lộc", "Lợi", "Nga", "Oanh", "Phượng", "Sang", "Tín", "Toàn", "Vy"];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (app.Environment.IsProduction())
        {
            // It adds simulated communes and millions of invented dossiers to the database it is pointed at.
            Console.Error.WriteLine("scale-province is refused in the Production environment: it is for benchmarks on a copy.");
            return 2;
        }

        var o = AdminCommands.Options(args);
        int Int(string key, int fallback) => int.TryParse(o.GetValueOrDefault(key), CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        var communes = Int("communes", 65);
        var baseCount = Int("base", 100_000);
        var factor = Int("factor", 100);
        var seed = Int("seed", 25);
        var work = o.GetValueOrDefault("work") ?? Path.GetTempPath();
        var ct = CancellationToken.None;
        var total = Stopwatch.StartNew();

        await DatabaseSetup.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var postgres = db.Database.IsNpgsql();
        var today = VietnamTime.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var province = await db.Units.SingleOrDefaultAsync(u => u.Code == Province, ct);
        if (province is null)
        {
            Console.Error.WriteLine("scale-province: province 56 is missing; run seed-demo first.");
            return 2;
        }

        if (await db.Dossiers.AnyAsync(d => d.Code.StartsWith("SIM-"), ct))
        {
            Console.Error.WriteLine("scale-province: the database already holds generated (SIM-) dossiers; use a fresh database.");
            return 2;
        }

        var units = await AddSimulatedCommunesAsync(db, province, communes, ct);
        Console.WriteLine($"{units.Count} communes in force under {Province}: {units.Count(u => u.Code.Contains(".SIM", StringComparison.Ordinal))} simulated.");

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromHours(2));
        if (!postgres)
        {
            await ExecAsync(connection, "PRAGMA cache_size = -1048576", ct);
        }

        await ExecAsync(connection, "DROP TABLE IF EXISTS \"ScaleAggBefore\"", ct);
        await ExecAsync(connection, "CREATE TABLE \"ScaleAggBefore\" AS SELECT * FROM \"IndicatorAggregates\"", ct);

        // The base set through the real import, over today's communes of the province for the whole period.
        var watch = Stopwatch.StartNew();
        var file = Path.Combine(work, $"province-base-{seed}-{baseCount}.ndjson");
        var (_, procedures) = await GenerateDossiers.ChoicesAsync(db, ct);
        await using (var writer = new StreamWriter(file))
        {
            var choices = units.Select(u => new GenerateDossiers.UnitChoice(u.Code, new DateOnly(2021, 1, 1), null)).ToList();
            await GenerateDossiers.WriteAsync(writer, baseCount, seed, new DateOnly(2021, 1, 1), today, choices, procedures, ct);
        }

        using (var reader = new StreamReader(file))
        {
            var result = await scope.ServiceProvider.GetRequiredService<ImportDossiers>().RunAsync(reader, "Dữ liệu mô phỏng cho đo hiệu năng (issue 25)", ct);
            Console.WriteLine($"base: {result.Imported} imported, {result.Rejected} rejected in {watch.Elapsed.TotalSeconds:F1} s (generate + import).");
            if (result.Rejected > 0)
            {
                return 1;
            }
        }

        File.Delete(file);
        await db.Database.OpenConnectionAsync(ct);
        var (lo, hi) = await BaseRangeAsync(connection, ct);
        var names = NameList();
        await ExecAsync(connection, "DROP TABLE IF EXISTS \"ScaleNames\"", ct);
        await ExecAsync(connection, "CREATE TABLE \"ScaleNames\" (\"I\" integer PRIMARY KEY, \"Name\" varchar(100) NOT NULL)", ct);
        for (var start = 0; start < names.Length; start += 500)
        {
            var values = string.Join(",", names.Skip(start).Take(500).Select((n, i) => $"({start + i}, '{n}')"));
            await ExecAsync(connection, $"INSERT INTO \"ScaleNames\" (\"I\", \"Name\") VALUES {values}", ct);
        }

        // The base dossiers get applicants too (the import stores none): names from the pool, unique ID numbers.
        await ExecAsync(connection, $"""
            UPDATE "Dossiers" SET "ApplicantName" = (SELECT n."Name" FROM "ScaleNames" n WHERE n."I" = "Dossiers"."Id" % {NameCount}),
              "ApplicantIdNumber" = {IdNumber(postgres, "\"Dossiers\".\"Id\"")}
            WHERE "Id" BETWEEN {lo} AND {hi}
            """, ct);

        watch.Restart();
        var tables = new[] { "Dossiers" }.Concat(ChildTables).ToArray();
        var indexes = new List<string>();
        foreach (var table in tables)
        {
            indexes.AddRange(await DropIndexesAsync(connection, postgres, table, ct));
        }

        Console.WriteLine($"dropped {indexes.Count} secondary indexes; copying {factor - 1} × {hi - lo + 1} dossiers");
        var dossierColumns = await ColumnsAsync(connection, postgres, "Dossiers", ct);
        var childColumns = new Dictionary<string, string[]>();
        foreach (var t in ChildTables)
        {
            childColumns[t] = await ColumnsAsync(connection, postgres, t, ct);
        }

        for (var k = 1; k < factor; k++)
        {
            var offset = (long)k * hi;
            var codeShift = (long)k * baseCount;
            await using var tx = await connection.BeginTransactionAsync(ct);
            string Expr(string column, string alias) => column switch
            {
                "Id" => $"{alias}.\"Id\" + {offset}",
                "Code" or "DossierCode" => NewCode(postgres, $"{alias}.\"{column}\"", codeShift),
                "DossierId" => $"{alias}.\"DossierId\" + {offset}",
                "ApplicantName" => "n.\"Name\"",
                "ApplicantIdNumber" => IdNumber(postgres, $"{alias}.\"Id\" + {offset}"),
                _ => $"{alias}.\"{column}\"",
            };
            await ExecAsync(connection, $"""
                INSERT INTO "Dossiers" ({string.Join(", ", dossierColumns.Select(Quote))})
                SELECT {string.Join(", ", dossierColumns.Select(c => Expr(c, "d")))}
                FROM "Dossiers" d JOIN "ScaleNames" n ON n."I" = (d."Id" + {offset}) % {NameCount}
                WHERE d."Id" BETWEEN {lo} AND {hi}
                """, ct, tx);
            foreach (var t in ChildTables)
            {
                var columns = childColumns[t].Where(c => c != "Id").ToArray();
                await ExecAsync(connection, $"""
                    INSERT INTO "{t}" ({string.Join(", ", columns.Select(Quote))})
                    SELECT {string.Join(", ", columns.Select(c => Expr(c, "c")))}
                    FROM "{t}" c WHERE c."DossierId" BETWEEN {lo} AND {hi}
                    """, ct, tx);
            }

            await tx.CommitAsync(ct);
            if (k % 10 == 0 || k == factor - 1)
            {
                Console.WriteLine($"  copy {k}/{factor - 1} at {watch.Elapsed.TotalSeconds:F0} s");
            }
        }

        var copied = watch.Elapsed;
        watch.Restart();
        foreach (var sql in indexes)
        {
            await ExecAsync(connection, sql, ct);
        }

        var indexed = watch.Elapsed;
        watch.Restart();
        if (postgres)
        {
            foreach (var t in tables)
            {
                await ExecAsync(connection, $"SELECT setval(pg_get_serial_sequence('\"{t}\"', 'Id'), (SELECT max(\"Id\") FROM \"{t}\"))", ct);
            }
        }

        // The copies' contribution to the aggregates: (factor − 1) times what the base import added.
        var measures = IndicatorAggregate.MeasureColumns;
        const string key = "a.\"ProcedureCode\" = b.\"ProcedureCode\" AND a.\"Grain\" = b.\"Grain\" AND a.\"Day\" = b.\"Day\" AND a.\"UnitPath\" = b.\"UnitPath\"";
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            await ExecAsync(connection, $"""
                UPDATE "IndicatorAggregates" AS a SET {string.Join(", ", measures.Select(m => $"\"{m}\" = a.\"{m}\" + {factor - 1} * (a.\"{m}\" - b.\"{m}\")"))}
                FROM "ScaleAggBefore" AS b WHERE {key}
                """, ct, tx);
            await ExecAsync(connection, $"""
                UPDATE "IndicatorAggregates" AS a SET {string.Join(", ", measures.Select(m => $"\"{m}\" = a.\"{m}\" * {factor}"))}
                WHERE NOT EXISTS (SELECT 1 FROM "ScaleAggBefore" AS b WHERE {key})
                """, ct, tx);
            await tx.CommitAsync(ct);
        }

        await ExecAsync(connection, "DROP TABLE \"ScaleAggBefore\"", ct);
        await ExecAsync(connection, "DROP TABLE \"ScaleNames\"", ct);
        if (!postgres)
        {
            await ExecAsync(connection, "PRAGMA analysis_limit = 1000", ct);
        }

        await ExecAsync(connection, "ANALYZE", ct);
        Console.WriteLine($"copies {copied.TotalSeconds:F0} s, indexes {indexed.TotalSeconds:F0} s, aggregates + analyze {watch.Elapsed.TotalSeconds:F0} s; total {total.Elapsed.TotalSeconds:F0} s for {(long)baseCount * factor:N0} dossiers.");
        return 0;
    }

    private static async Task<List<OrgUnit>> AddSimulatedCommunesAsync(AppDbContext db, OrgUnit province, int communes, CancellationToken ct)
    {
        var existing = await db.Units.Where(u => u.ParentId == province.Id && u.Kind == UnitKind.Commune && u.ValidTo == null).ToListAsync(ct);
        for (var i = 1; existing.Count < communes; i++)
        {
            var code = $"{Province}.SIM{i:D2}";
            if (existing.Any(u => u.Code == code))
            {
                continue;
            }

            var unit = new OrgUnit
            {
                Code = code,
                Name = $"Xã Mô phỏng {i:D2}",
                Kind = UnitKind.Commune,
                ParentId = province.Id,
                Path = OrgUnit.ChildPath(province.Path, code),
                ValidFrom = OrganisationSeed.Reform2025,
                Confirmed = false,
                Note = "Đơn vị MÔ PHỎNG cho đo hiệu năng (issue 25), không phải đơn vị hành chính thật.",
            };
            db.Units.Add(unit);
            existing.Add(unit);
        }

        await db.SaveChangesAsync(ct);
        return [.. existing.OrderBy(u => u.Code, StringComparer.Ordinal)];
    }

    private static string[] NameList() =>
        [.. Enumerable.Range(0, NameCount).Select(i => $"{Surnames[i % Surnames.Length]} {Middles[i / Surnames.Length % Middles.Length]} {Givens[i / (Surnames.Length * Middles.Length)]}")];

    // 12 digits as a CCCD: 056 (Khánh Hòa) then nine digits, a bijection of the id below 10^9.
    private static string IdNumber(bool postgres, string id) => postgres
        ? $"'056' || lpad((({id}) * 7919 % 1000000000)::text, 9, '0')"
        : $"printf('056%09d', ({id}) * 7919 % 1000000000)";

    // SIM-<unit>-<seed>-<nine digits>: the copy's number is the base number plus k × base count.
    private static string NewCode(bool postgres, string code, long shift) => postgres
        ? $"left({code}, -9) || lpad((right({code}, 9)::bigint + {shift})::text, 9, '0')"
        : $"substr({code}, 1, length({code}) - 9) || printf('%09d', CAST(substr({code}, -9) AS INTEGER) + {shift})";

    private static string Quote(string column) => $"\"{column}\"";

    private static async Task<(long Lo, long Hi)> BaseRangeAsync(DbConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT min(\"Id\"), max(\"Id\") FROM \"Dossiers\" WHERE \"Code\" LIKE 'SIM-%'";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<string[]> ColumnsAsync(DbConnection connection, bool postgres, string table, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = postgres
            ? $"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' AND table_schema = current_schema() ORDER BY ordinal_position"
            : $"SELECT name FROM pragma_table_info('{table}') ORDER BY cid";
        var columns = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            columns.Add(reader.GetString(0));
        }

        return [.. columns];
    }

    /// <summary>Drops the table's secondary indexes and returns the statements that recreate them.</summary>
    private static async Task<List<string>> DropIndexesAsync(DbConnection connection, bool postgres, string table, CancellationToken ct)
    {
        var found = new List<(string Name, string Sql)>();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = postgres
                ? $"SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '{table}' AND schemaname = current_schema() AND indexname NOT IN (SELECT conname FROM pg_constraint)"
                : $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in found)
        {
            await ExecAsync(connection, $"DROP INDEX \"{name}\"", ct);
        }

        return [.. found.Select(f => f.Sql)];
    }

    private static async Task ExecAsync(DbConnection connection, string sql, CancellationToken ct, DbTransaction? tx = null)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.CommandTimeout = 7200;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
