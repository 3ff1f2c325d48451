using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using MotCua.Web.Infrastructure;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>The Production start checks on configuration alone (no app started): each problem is one line that names its setting.</summary>
public sealed partial class ProductionGuardTests
{
    /// <summary>A configuration that passes: every secret set, nothing from the repository.</summary>
    public static Dictionary<string, string?> Complete() => new()
    {
        ["Payments:Gateway"] = "VnPay",
        ["Payments:VnPay:TmnCode"] = "BACAI001",
        ["Payments:VnPay:HashSecret"] = "A1B2C3D4E5F6G7H8I9J0K1L2M3N4O5P6",
        ["Payments:VnPay:PayUrl"] = "https://pay.vnpay.vn/vpcpay.html",
        ["Payments:VnPay:ApiUrl"] = "https://merchant.vnpay.vn/merchant_webapi/api/transaction",
        ["Signing:CertificatePath"] = "/etc/motcua/signing.pfx",
        ["Signing:CertificatePassword"] = "pfx-password",
        ["Notifications:Sms:Provider"] = "Http",
        ["Notifications:Sms:Url"] = "https://sms.example.vn/v1/send",
        ["Notifications:Sms:ApiKey"] = "sms-key-from-the-provider",
        ["Notifications:Sms:Sender"] = "UBND-BACAI",
        ["Notifications:Smtp:Host"] = "smtp.example.vn",
        ["Notifications:Smtp:User"] = "motcua",
        ["Notifications:Smtp:Password"] = "smtp-password",
        ["Portal:Tracking:TokenKey"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
        ["DataProtection:CertificatePath"] = "/etc/motcua/keyring.pfx",
        ["Meetings:Jitsi:BaseUrl"] = "https://hop.bacai.gov.vn",
        ["Meetings:Jitsi:AppSecret"] = "prosody-app-secret-of-the-bac-ai-jitsi-server",
    };

    private static IReadOnlyList<string> Problems(Dictionary<string, string?> settings) =>
        ProductionGuard.Problems(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static string[] Settings(IEnumerable<string> problems) => [.. problems.Select(p => p[..p.IndexOf(": ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal)];

    [Fact]
    public void Without_configuration_every_missing_setting_is_named_once()
    {
        var problems = Problems([]);

        Assert.Equal(
            ["DataProtection:CertificatePath", "Meetings:Jitsi:AppSecret", "Notifications:Sms:Provider", "Notifications:Smtp:Host", "Payments:Gateway", "Portal:Tracking:TokenKey", "Signing:CertificatePath"],
            Settings(problems));
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void A_complete_configuration_passes()
    {
        Assert.Empty(Problems(Complete()));
    }

    [Theory]
    [InlineData("Demo:Enabled", "true", "Demo:Enabled")]
    [InlineData("Payments:Gateway", "Sandbox", "Payments:Gateway")]
    [InlineData("Payments:Gateway", "PayPal", "Payments:Gateway")]
    [InlineData("Payments:VnPay:HashSecret", "MOTCUA-SANDBOX-DEMO-SECRET-NOT-FOR-PRODUCTION", "Payments:VnPay:HashSecret")]
    [InlineData("Payments:VnPay:HashSecret", "short", "Payments:VnPay:HashSecret")]
    [InlineData("Payments:VnPay:TmnCode", "", "Payments:VnPay:TmnCode")]
    [InlineData("Payments:VnPay:PayUrl", "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html", "Payments:VnPay:PayUrl")]
    [InlineData("Payments:VnPay:PayUrl", "http://pay.vnpay.vn/vpcpay.html", "Payments:VnPay:PayUrl")]
    [InlineData("Payments:VnPay:ApiUrl", "", "Payments:VnPay:ApiUrl")]
    [InlineData("Signing:CertificatePath", "", "Signing:CertificatePath")]
    [InlineData("Signing:CertificateThumbprint", "0123456789ABCDEF0123456789ABCDEF01234567", "Signing:CertificatePath")]
    [InlineData("Notifications:Sms:Provider", "File", "Notifications:Sms:Provider")]
    [InlineData("Notifications:Sms:Url", "http://sms.example.vn/send", "Notifications:Sms:Url")]
    [InlineData("Notifications:Sms:ApiKey", "", "Notifications:Sms:ApiKey")]
    [InlineData("Notifications:Sms:Sender", "", "Notifications:Sms:Sender")]
    [InlineData("Notifications:Sms:FailEveryNth", "3", "Notifications:Sms:FailEveryNth")]
    [InlineData("Notifications:Smtp:Host", "", "Notifications:Smtp:Host")]
    [InlineData("Notifications:Smtp:Password", "", "Notifications:Smtp:Password")]
    [InlineData("Portal:Tracking:TokenKey", "", "Portal:Tracking:TokenKey")]
    [InlineData("Portal:Tracking:TokenKey", "c2hvcnQ=", "Portal:Tracking:TokenKey")]
    [InlineData("Portal:Tracking:TokenKey", "not base64 at all!", "Portal:Tracking:TokenKey")]
    [InlineData("Portal:Oidc:Enabled", "true", "Portal:Oidc:ClientSecret")]
    [InlineData("DataProtection:CertificatePath", "", "DataProtection:CertificatePath")]
    [InlineData("CitizenData:Provider", "Fake", "CitizenData:Provider")]
    public void One_wrong_setting_gives_one_line_naming_it(string key, string value, string named)
    {
        var settings = Complete();
        settings[key] = value;

        var problems = Problems(settings);

        Assert.Equal([named], Settings(problems));
    }

    [Fact]
    public void A_plain_http_sms_relay_is_accepted_on_this_machine_only()
    {
        var settings = Complete();
        settings["Notifications:Sms:Url"] = "http://127.0.0.1:8080/send";
        Assert.Empty(Problems(settings));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Staging")]
    public void Other_environments_are_not_checked(string environment)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" }).Build();
        Assert.Empty(ProductionGuard.Check(config, new Environment(environment)));
        Assert.NotEmpty(ProductionGuard.Check(config, new Environment("Production")));
    }

    /// <summary>
    /// Every secret-looking value the repository ships (appsettings*.json, the defaults of the *Options classes) is known to
    /// the guard as a repository default: a new one added without the guard knowing fails here.
    /// </summary>
    [Fact]
    public void Every_secret_the_repository_ships_is_refused_as_a_default()
    {
        var shipped = new List<(string Where, string Value)>();
        var web = Path.Combine(RepositoryRoot(), "src", "MotCua.Web");
        foreach (var file in Directory.EnumerateFiles(web, "appsettings*.json"))
        {
            Walk(JsonDocument.Parse(File.ReadAllText(file)).RootElement, Path.GetFileName(file), shipped);
        }

        foreach (var type in typeof(ProductionGuard).Assembly.GetTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            var instance = Activator.CreateInstance(type);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && SecretName().IsMatch(p.Name)))
            {
                shipped.Add(($"{type.Name}.{property.Name}", (string?)property.GetValue(instance) ?? ""));
            }
        }

        Assert.Contains(shipped, s => s.Where == "SandboxOptions.HashSecret");
        var unknown = shipped.Where(s => s.Value.Length > 0 && !ProductionGuard.RepositoryDefaults.Contains(s.Value)).Select(s => s.Where).ToArray();
        Assert.True(unknown.Length == 0, "Secrets shipped in the repository that the Production guard does not refuse: " + string.Join(", ", unknown));
    }

    private static void Walk(JsonElement element, string path, List<(string, string)> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && SecretName().IsMatch(property.Name))
                {
                    found.Add(($"{path}:{property.Name}", property.Value.GetString()!));
                }

                Walk(property.Value, $"{path}:{property.Name}", found);
            }
        }
    }

    [GeneratedRegex("(Secret|Password|ApiKey|TokenKey|Key)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MotCua.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MotCua.slnx not found above " + AppContext.BaseDirectory);
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "MotCua.Web";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
