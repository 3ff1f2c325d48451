using System.Net;
using System.Text.Json;
using MotCua.Domain.Procedures;
using MotCua.Testing;
using static MotCua.IntegrationTests.Features.Procedures.CatalogueClient;

namespace MotCua.IntegrationTests.Features.Procedures;

public sealed class SearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<JsonElement[]> Items(string query)
    {
        var list = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures" + query);
        return [.. list.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Search_without_diacritics_finds_the_birth_registration_first()
    {
        var items = await Items("?q=dang+ky+khai+sinh");
        Assert.Equal("1.001193", items[0].Str("code"));
        Assert.Equal("Thủ tục đăng ký khai sinh", items[0].Str("name"));
        Assert.True(items.Length > 5);
        Assert.All(items, i => Assert.Contains("khai sinh", TextFolding.Fold(i.Str("name")), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_for_certified_copies_finds_the_certification_procedures_ranked()
    {
        var items = await Items("?q=chung%20thuc%20ban%20sao");
        Assert.Equal("2.000815", items[0].Str("code"));
        Assert.Contains(items, i => i.Str("code") == "2.000942");
        Assert.All(items, i =>
        {
            var name = TextFolding.Fold(i.Str("name") + " " + i.Str("field"));
            Assert.Contains("chung thuc", name, StringComparison.Ordinal);
            Assert.Contains("ban sao", name, StringComparison.Ordinal);
        });
        var ranks = items.Select(i => i.Int("rank")).ToArray();
        Assert.Equal(ranks.OrderDescending(), ranks);
        Assert.True(ranks[0] > ranks[^1]);
    }

    [Fact]
    public async Task Words_found_only_in_the_field_rank_below_words_in_the_name()
    {
        var items = await Items("?q=ho%20tich%20khai%20sinh");
        Assert.NotEmpty(items);
        var ranks = items.Select(i => i.Int("rank")).ToArray();
        Assert.Equal(ranks.OrderDescending(), ranks);
        Assert.Contains(ProcedureSearch.AllWordsInNameAndField, ranks);
    }

    [Fact]
    public async Task Browsing_filters_by_field_level_and_unit()
    {
        var certification = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures?field=Chứng%20thực");
        Assert.Equal(12, certification.Int("total"));
        var province = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures?level=tinh");
        Assert.Equal(3, province.Int("total"));
        var desk = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures?unit=584.MC");
        Assert.Equal(12, desk.Int("total"));
        var commune = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures?unit=22783&q=khai%20sinh");
        Assert.Equal("1.001193", commune.GetProperty("items")[0].Str("code"));
        var page2 = await GetJsonAsync(app.CreateClient(), "/api/v1/procedures?page=2");
        Assert.Equal(64, page2.Int("total"));
        Assert.Equal(20, page2.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_unit_or_bad_page_is_a_400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().GetAsync("/api/v1/procedures?unit=XYZ", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().GetAsync("/api/v1/procedures?page=0", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.CreateClient().GetAsync("/api/v1/procedures?page=abc", TestContext.Current.CancellationToken)).StatusCode);
    }
}
