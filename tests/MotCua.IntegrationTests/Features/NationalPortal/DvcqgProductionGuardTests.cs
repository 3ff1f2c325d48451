using Microsoft.Extensions.Configuration;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Features.NationalPortal;

/// <summary>Production and the national portal: unset is allowed; set, it must be the real portal with its credentials.</summary>
public sealed class DvcqgProductionGuardTests
{
    private static Dictionary<string, string?> Configured() => new(ProductionGuardTests.Complete())
    {
        ["Integrations:Dvcqg:BaseUrl"] = "https://lgsp.ninhthuan.gov.vn/dvcqg/api",
        ["Integrations:Dvcqg:AccessToken"] = "token-issued-by-the-lgsp",
        ["Integrations:Dvcqg:MaDinhDanh"] = "000.00.00.H49",
        ["Notifications:PublicBaseUrl"] = "https://motcua.ninhthuan.gov.vn",
    };

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings) =>
        ProductionGuard.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    [Fact]
    public void Unset_is_allowed_and_a_complete_setting_passes()
    {
        Assert.Empty(Problems(ProductionGuardTests.Complete()));
        Assert.Empty(Problems(Configured()));
    }

    [Theory]
    [InlineData("Integrations:Dvcqg:BaseUrl", "http://127.0.0.1:5091/", "Integrations:Dvcqg:BaseUrl")]
    [InlineData("Integrations:Dvcqg:BaseUrl", "https://localhost:5091/", "Integrations:Dvcqg:BaseUrl")]
    [InlineData("Integrations:Dvcqg:BaseUrl", "https://fake-dvcqg.internal/", "Integrations:Dvcqg:BaseUrl")]
    [InlineData("Integrations:Dvcqg:AccessToken", "", "Integrations:Dvcqg:AccessToken")]
    [InlineData("Integrations:Dvcqg:MaDinhDanh", "", "Integrations:Dvcqg:MaDinhDanh")]
    [InlineData("Notifications:PublicBaseUrl", "", "Integrations:Dvcqg:PublicBaseUrl")]
    public void A_fake_address_or_a_missing_credential_is_refused_by_name(string key, string value, string named)
    {
        var settings = Configured();
        settings[key] = value;
        var problem = Assert.Single(Problems(settings));
        Assert.StartsWith(named + ": ", problem, StringComparison.Ordinal);
    }
}
