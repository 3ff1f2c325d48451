extern alias web;

using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MotCua.Domain.Procedures;
using web::MotCua.Web.Features.Procedures;
using web::MotCua.Web.Infrastructure;

namespace MotCua.Benchmarks;

/// <summary>Seeded generator of catalogue-like procedures: Vietnamese names built from the sample file's vocabulary.</summary>
public static class ProcedureGenerator
{
    private static readonly string[] Verbs = ["Đăng ký", "Cấp", "Chứng thực", "Thủ tục đăng ký", "Giải quyết", "Xác nhận", "Thay đổi, cải chính", "Ghi vào Sổ"];
    private static readonly string[] Objects = ["khai sinh", "kết hôn", "khai tử", "bản sao từ bản chính", "chữ ký", "hộ nghèo", "giám hộ", "nhận cha, mẹ, con", "nuôi con nuôi", "hợp đồng, giao dịch", "trích lục hộ tịch", "bồi thường nhà nước"];
    private static readonly string[] Tails = ["", " có yếu tố nước ngoài", " lưu động", " tại khu vực biên giới", " cho người đã có hồ sơ", " kết hợp", " (cấp xã)", " lại"];
    private static readonly string[] Fields = ["Hộ tịch", "Chứng thực", "Giảm nghèo", "Nuôi con nuôi", "Bồi thường nhà nước", "Đất đai", "Xây dựng", "Văn hóa"];

    public static IEnumerable<(string Code, string Name, string Field, int? Days, long? Fee)> Generate(int count, int seed = 42)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var name = $"{Verbs[random.Next(Verbs.Length)]} {Objects[random.Next(Objects.Length)]}{Tails[random.Next(Tails.Length)]} {i}";
            yield return ($"9.{i:D6}", name, Fields[random.Next(Fields.Length)], random.Next(4) == 0 ? null : random.Next(1, 30), random.Next(3) == 0 ? null : random.Next(0, 50) * 1000L);
        }
    }

    public static string Csv(int count)
    {
        var sb = new StringBuilder("code,name,field,level,days,fee_vnd,online,documents,source\n");
        foreach (var (code, name, field, days, fee) in Generate(count))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{code},\"{name}\",{field},xã,{days},{fee},,\"Tờ khai [1 bản chính] | Giấy tờ tùy thân [0 bản chính] | Bản sao có chứng thực giấy tờ [0 bản chính]\",generated\n");
        }

        return sb.ToString();
    }
}

/// <summary>Ranked search over 5,000 current procedures; the reference folds every name on every query (no cached snapshot).</summary>
[MemoryDiagnoser]
public class ProcedureSearchBenchmarks
{
    private CatalogueItem[] _items = [];
    private (string Code, string Name, string Field)[] _raw = [];

    [Params("dang ky khai sinh", "chung thuc ban sao", "ho tich ket hon nuoc ngoai")]
    public string Query { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _raw = [.. ProcedureGenerator.Generate(5000).Select(p => (p.Code, p.Name, p.Field))];
        _items = [.. _raw.Select((p, i) => new CatalogueItem(i, p.Code, p.Name, p.Field, ["xã"], 5, null, OnlineMode.None, false, SearchEntry.Create(p.Code, p.Name, p.Field)))];
    }

    [Benchmark(Baseline = true, Description = "reference: fold every name per query, then rank")]
    public int FoldPerQuery() => ProcedureSearch.Search(_raw.Select(p => SearchEntry.Create(p.Code, p.Name, p.Field)), Query).Count;

    [Benchmark(Description = "cached snapshot: filter + rank + first page")]
    public int CachedSnapshot() => ProcedureCatalogue.Search(_items, new SearchQuery(Query, null, null, null, 1)).Total;
}

/// <summary>Importing 5,000 CSV rows through the real importer into a fresh SQLite file (WAL, synchronous=FULL), against parsing alone.</summary>
[MemoryDiagnoser]
[SimpleJob(BenchmarkDotNet.Engines.RunStrategy.Monitoring, iterationCount: 8, warmupCount: 1)]
public class ProcedureImportBenchmarks
{
    private string _csv = "";
    private string _folder = "";
    private IHost? _host;

    [GlobalSetup]
    public void Setup() => _csv = ProcedureGenerator.Csv(5000);

    [IterationSetup]
    public void FreshDatabase()
    {
        _host?.Dispose();
        _folder = Path.Combine(Path.GetTempPath(), "motcua-bench", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(_folder, "bench.db")}" });
        builder.AddDatabase();
        _host = builder.Build();
        DatabaseSetup.MigrateAsync(_host.Services).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _host?.Dispose();
        _host = null;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "reference: parse and validate 5,000 rows, no database")]
    public int ParseOnly()
    {
        using var parser = new CsvParser(new StringReader(_csv), new CsvConfiguration(CultureInfo.InvariantCulture));
        var ok = 0;
        parser.Read();
        while (parser.Read())
        {
            ok += ProcedureRow.Parse(parser.Record!, out _) is null ? 0 : 1;
        }

        return ok;
    }

    [Benchmark(Description = "import 5,000 new rows into SQLite")]
    public int ImportIntoEmptyDatabase() => Import().Imported;

    [Benchmark(Description = "import 5,000 rows twice (second pass all skipped)")]
    public int ImportTwice()
    {
        Import();
        return Import().Skipped;
    }

    private ImportResult Import()
    {
        using var scope = _host!.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return ImportProcedures.RunAsync(db, new StringReader(_csv), TimeProvider.System, string.Format, "bench", CancellationToken.None).GetAwaiter().GetResult();
    }
}
