using System.Text;
using MotCua.Domain.Procedures;

namespace MotCua.UnitTests.Procedures;

/// <summary>Issue 21.4: the portal groups procedures by field and by life event; the table must cover what communes serve.</summary>
public sealed class LifeEventsTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly Lazy<ProcedureRow[]> Demo = new(LoadDemoCatalogue);

    private static string[] KeysOf(string code)
    {
        var row = Demo.Value.Single(r => r.Code == code);
        return [.. LifeEvents.Of(SearchEntry.Create(row.Code, row.Name, row.Field), Today).Select(e => e.Key)];
    }

    [Fact]
    public void Every_demo_procedure_has_a_field_and_at_least_one_life_event()
    {
        Assert.Equal(64, Demo.Value.Length);
        Assert.All(Demo.Value, r => Assert.False(string.IsNullOrWhiteSpace(r.Field), r.Code));
        var unmapped = Demo.Value.Where(r => LifeEvents.Of(SearchEntry.Create(r.Code, r.Name, r.Field), Today).Count == 0).Select(r => $"{r.Code} {r.Name}");
        Assert.Empty(unmapped);
    }

    [Theory]
    [InlineData("1.001193", "khai-sinh")] // Thủ tục đăng ký khai sinh
    [InlineData("1.004884", "khai-sinh")] // đăng ký lại khai sinh
    [InlineData("2.000986", "khai-sinh,cu-tru")] // liên thông khai sinh, thường trú, thẻ bảo hiểm y tế
    [InlineData("2.001023", "khai-sinh")] // liên thông khai sinh, thẻ bảo hiểm y tế
    [InlineData("1.000894", "ket-hon")] // Thủ tục đăng ký kết hôn
    [InlineData("1.004873", "ket-hon")] // Giấy xác nhận tình trạng hôn nhân
    [InlineData("2.000554", "ket-hon")] // ghi vào Sổ hộ tịch việc ly hôn
    [InlineData("1.000656", "khai-tu")] // Thủ tục đăng ký khai tử
    [InlineData("1.005461", "khai-tu")] // Đăng ký lại khai tử
    [InlineData("2.001019", "khai-tu,giay-to")] // Chứng thực di chúc
    [InlineData("1.001022", "gia-dinh")] // đăng ký nhận cha, mẹ, con
    [InlineData("1.000689", "khai-sinh,gia-dinh")] // khai sinh kết hợp nhận cha, mẹ, con
    [InlineData("2.001263", "gia-dinh")] // Đăng ký việc nuôi con nuôi trong nước
    [InlineData("1.004837", "gia-dinh")] // Thủ tục đăng ký giám hộ
    [InlineData("2.001035", "dat-dai-nha-o,giay-to")] // Chứng thực giao dịch về động sản, quyền sử dụng đất, nhà ở
    [InlineData("2.001406", "khai-tu,dat-dai-nha-o,giay-to")] // Chứng thực văn bản phân chia di sản (đất, nhà ở)
    [InlineData("1.011606", "bao-tro-xa-hoi")] // Công nhận hộ nghèo, hộ cận nghèo
    [InlineData("3.000412", "bao-tro-xa-hoi")] // Công nhận người lao động có thu nhập thấp
    [InlineData("2.000815", "giay-to")] // Chứng thực bản sao từ bản chính
    [InlineData("2.000884", "giay-to")] // Chứng thực chữ ký
    [InlineData("2.000635", "khai-sinh,giay-to")] // bản sao Trích lục hộ tịch, bản sao Giấy khai sinh
    [InlineData("1.004859", "giay-to")] // thay đổi, cải chính, bổ sung thông tin hộ tịch
    [InlineData("2.002165", "khieu-nai-boi-thuong")] // Giải quyết yêu cầu bồi thường
    public void The_common_commune_procedures_fall_under_the_life_events_a_citizen_looks_for(string code, string expected) =>
        Assert.Equal(expected.Split(','), KeysOf(code));

    [Fact]
    public void Residence_words_about_a_border_area_do_not_make_an_adoption_a_residence_procedure()
    {
        // "người nước ngoài cư trú ở khu vực biên giới … nhận trẻ em Việt Nam làm con nuôi" is an adoption, not residence.
        Assert.Equal(["gia-dinh"], KeysOf("1.003005"));
        Assert.Equal(["gia-dinh"], KeysOf("2.002349"));
    }

    [Theory]
    [InlineData("Đăng ký thường trú", "Cư trú", "cu-tru")]
    [InlineData("Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "kinh-doanh")]
    [InlineData("Giải quyết chế độ mai táng phí", "Người có công", "khai-tu,bao-tro-xa-hoi")]
    [InlineData("Chuyển mục đích sử dụng đất", "Đất đai", "dat-dai-nha-o")]
    public void Procedures_beyond_the_demo_catalogue_are_placed_by_their_field_and_wording(string name, string field, string expected) =>
        Assert.Equal(expected.Split(','), LifeEvents.Of(SearchEntry.Create("x", name, field), Today).Select(e => e.Key));

    [Fact]
    public void Matching_is_by_whole_words_so_a_longer_word_does_not_match()
    {
        // "khai tử" must not match "khai tuổi" (a made-up wording), nor "nhà ở" "nhà ống".
        Assert.Empty(LifeEvents.Of(SearchEntry.Create("x", "Khai tuổi nhà ống", "Khác"), Today));
    }

    [Fact]
    public void The_table_is_dated_keys_are_unique_and_no_event_is_in_force_before_the_table_starts()
    {
        Assert.Equal(LifeEvents.All.Count, LifeEvents.All.Select(e => e.Key).Distinct().Count());
        Assert.Empty(LifeEvents.On(LifeEvents.TableStart.AddDays(-1)));
        Assert.Equal(LifeEvents.All.Count, LifeEvents.On(Today).Count);
        Assert.All(LifeEvents.All, e =>
        {
            // Phrases and fields are compared with folded text, so they must be written folded.
            Assert.All(e.Phrases.Concat(e.Fields), p => Assert.Equal(TextFolding.Fold(p), p));
            Assert.False(string.IsNullOrWhiteSpace(e.Name));
        });
        var closed = LifeEvents.All[0] with { ValidTo = Today.AddDays(-1) };
        Assert.False(closed.InForceOn(Today));
        Assert.True(closed.InForceOn(Today.AddDays(-1)));
    }

    [Theory]
    [InlineData("dang ky khai sinh", "1.001193")]
    [InlineData("DANG KY KET HON", "1.000894")]
    [InlineData("dang ky khai tu", "1.000656")]
    [InlineData("chung thuc ban sao", "2.000815")]
    [InlineData("ho ngheo", "1.011607")]
    public void A_search_without_diacritics_finds_the_procedure_first(string query, string code)
    {
        var entries = Demo.Value.Select(r => SearchEntry.Create(r.Code, r.Name, r.Field));
        Assert.Equal(code, ProcedureSearch.Search(entries, query)[0].Entry.Code);
    }

    private static ProcedureRow[] LoadDemoCatalogue()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "MotCua.slnx")))
        {
            dir = dir.Parent;
        }

        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "src", "MotCua.Web", "DemoData", "procedures-sample.csv")).Skip(1);
        return [.. lines.Select(l => ProcedureRow.Parse(SplitCsv(l), out var error) ?? throw new InvalidOperationException(l + ": " + error))];
    }

    // No quoted newlines in the sample file: one line is one row; "" inside quotes is a quote.
    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
