using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MotCua.Testing;

namespace MotCua.IntegrationTests.Features.Organisation;

public sealed class OrganisationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string[]> Codes(HttpClient client, string query = "") =>
        [.. (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units" + query, TestContext.Current.CancellationToken))!
            .Select(u => u.GetProperty("code").GetString()!)];

    [Fact]
    public async Task Commune_officer_sees_only_their_commune()
    {
        var codes = await Codes(await app.ClientFor("motcua.phuocbinh"));
        Assert.Equal(["22783"], codes);
    }

    [Fact]
    public async Task Commune_officer_cannot_read_another_commune()
    {
        var client = await app.ClientFor("motcua.phuocbinh");
        var response = await client.GetAsync("/api/v1/units/22792", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task District_leader_sees_the_district_with_its_nine_communes_and_offices()
    {
        var client = await app.ClientFor("lanhdao");
        var units = (await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units", TestContext.Current.CancellationToken))!;
        var codes = units.Select(u => u.GetProperty("code").GetString()!).ToArray();
        Assert.Contains("584", codes);
        Assert.Equal(9, units.Count(u => u.GetProperty("kind").GetString() == "commune"));
        Assert.Contains("584.NV", codes);
        Assert.DoesNotContain("58", codes);
    }

    [Fact]
    public async Task The_tree_differs_before_and_after_the_2025_reform()
    {
        var admin = await app.ClientFor("admin");
        var before = await Codes(admin, "?date=2025-06-30");
        var after = await Codes(admin, "?date=2025-07-01");

        Assert.Contains("584", before);
        Assert.Contains("22783", before);
        Assert.DoesNotContain("56.BACAI", before);

        Assert.DoesNotContain("584", after);
        Assert.DoesNotContain("22783", after);
        Assert.Contains("56.BACAI", after);
        Assert.Contains("56.BACAIDONG", after);
        Assert.Contains("56.BACAITAY", after);
    }

    [Fact]
    public async Task Merged_communes_name_their_successor_and_are_marked_unconfirmed()
    {
        var admin = await app.ClientFor("admin");
        var phuocBinh = await admin.GetFromJsonAsync<JsonElement>("/api/v1/units/22783", TestContext.Current.CancellationToken);
        Assert.Equal("2025-06-30", phuocBinh.GetProperty("validTo").GetString());
        var successor = phuocBinh.GetProperty("successorCode").GetString();
        var merged = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/units/{successor}", TestContext.Current.CancellationToken);
        Assert.False(merged.GetProperty("confirmed").GetBoolean());
        Assert.Equal("2025-07-01", merged.GetProperty("validFrom").GetString());
    }

    [Fact]
    public async Task Only_administrators_create_units_and_bad_input_gets_field_messages()
    {
        var leader = await app.ClientFor("lanhdao");
        var forbidden = await leader.PostAsJsonAsync("/api/v1/units", new { code = "X1", name = "X", kind = "office", parentCode = "584", validFrom = "2024-01-01" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var admin = await app.ClientFor("admin");
        var bad = await admin.PostAsJsonAsync("/api/v1/units", new { code = "a/b", kind = "office", validFrom = "2024-01-01", validTo = "2023-01-01" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("validTo", out _));

        var unknownKind = await admin.PostAsJsonAsync("/api/v1/units", new { code = "X2", name = "X", kind = "galaxy", validFrom = "2024-01-01" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);

        var created = await admin.PostAsJsonAsync("/api/v1/units", new { code = "22807.MC", name = "Bộ phận Một cửa xã Phước Trung", kind = "desk", parentCode = "22807", validFrom = "2024-01-01" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var unit = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("58/584/22807/22807.MC/", unit.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_the_units_api()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/units", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
