using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MotCua.IntegrationTests.Infrastructure;
using MotCua.Testing;
using Npgsql;

namespace MotCua.IntegrationTests.Features.Operations;

/// <summary>
/// The published app as an operator starts it (ASPNETCORE_ENVIRONMENT=Production, a child process): without its settings it
/// stops before migrating or serving and lists them; with them it starts empty, and the first administrator comes from the CLI.
/// </summary>
public sealed class ProductionStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AppProcess Production()
    {
        var app = new AppProcess();
        app.Settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        app.Settings["Demo__Enabled"] = null;
        app.Settings["Notifications__Sms__File"] = null;
        return app;
    }

    [Fact]
    public async Task Without_configuration_production_exits_non_zero_naming_every_setting_before_touching_the_database()
    {
        using var app = Production();

        var (exit, output) = await app.RunAsync(input: null);

        Assert.NotEqual(0, exit);
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        string[] settings = ["Payments:Gateway", "Signing:CertificatePath", "Notifications:Sms:Provider", "Notifications:Smtp:Host", "Portal:Tracking:TokenKey", "DataProtection:CertificatePath", "Meetings:Jitsi:AppSecret"];
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var setting in settings)
        {
            Assert.Single(lines, l => l.StartsWith(setting + ": ", StringComparison.Ordinal));
        }

        Assert.Contains(lines, l => l.StartsWith("MotCua refuses to start in the Production environment: 7 setting(s)", StringComparison.Ordinal));
        Assert.DoesNotContain("Demo:Enabled", output, StringComparison.Ordinal);
        Assert.False(await DatabaseExistsAsync(app));
    }

    [Fact]
    public async Task Demo_mode_is_refused_in_production_with_one_line_naming_demo_enabled()
    {
        using var app = Production();
        foreach (var (key, value) in Configured(app.Folder))
        {
            app.Settings[key] = value;
        }

        app.Settings["Demo__Enabled"] = "true";

        var (exit, output) = await app.RunAsync(input: null);

        Assert.NotEqual(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Single(lines, l => l.StartsWith("Demo:Enabled: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MotCua refuses to start in the Production environment: 1 setting(s)", StringComparison.Ordinal));
        Assert.Contains("seed-demo is refused", (await app.RunCommandAsync("seed-demo")).Output, StringComparison.Ordinal);
        Assert.Contains("scale-province is refused", (await app.RunCommandAsync("scale-province")).Output, StringComparison.Ordinal);
        Assert.False(await DatabaseExistsAsync(app));
    }

    [Fact]
    public async Task Configured_production_starts_empty_serves_health_and_the_first_administrator_comes_from_create_admin()
    {
        using var app = Production();
        foreach (var (key, value) in Configured(app.Folder))
        {
            app.Settings[key] = value;
        }

        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        Assert.Equal("Healthy", await client.GetStringAsync("/health", Ct));

        // Migrated, and nothing of the demo: no unit, no account, no procedure, no dossier.
        foreach (var table in new[] { "Units", "AspNetUsers", "Procedures", "Dossiers", "CalendarDays" })
        {
            Assert.Equal(0L, await CountAsync(app, table));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sandbox-gateway", Ct)).StatusCode);
        var unsigned = await client.GetFromJsonAsync<JsonElement>("/api/v1/payments/ipn?vnp_TxnRef=MC1&vnp_Amount=100", Ct);
        Assert.Equal("97", unsigned.GetProperty("RspCode").GetString());

        // create-admin: the password comes from standard input, the policy is Identity's, in Vietnamese.
        var weak = await app.RunAsync("abc", "create-admin", "quantri", "--unit", "56", "--unit-name", "Tỉnh Khánh Hòa");
        Assert.NotEqual(0, weak.Exit);
        Assert.Contains("Mật khẩu phải có ít nhất 8 ký tự", weak.Output, StringComparison.Ordinal);
        Assert.Contains("chữ hoa", weak.Output, StringComparison.Ordinal);
        var demo = await app.RunAsync(AppFactory.DemoPassword, "create-admin", "quantri", "--unit", "56", "--unit-name", "Tỉnh Khánh Hòa");
        Assert.NotEqual(0, demo.Exit);
        Assert.Contains("demo", demo.Output, StringComparison.Ordinal);
        var noUnit = await app.RunAsync("Quantri@2026-KhanhHoa", "create-admin", "quantri");
        Assert.NotEqual(0, noUnit.Exit);
        Assert.Contains("--unit-name", noUnit.Output, StringComparison.Ordinal);
        Assert.Equal(0L, await CountAsync(app, "Units"));
        Assert.Equal(0L, await CountAsync(app, "AspNetUsers"));

        var created = await app.RunAsync("Quantri@2026-KhanhHoa", "create-admin", "quantri", "--unit", "56", "--unit-name", "Tỉnh Khánh Hòa", "--name", "Quản trị tỉnh");
        Assert.True(created.Exit == 0, created.Output);
        Assert.Contains("Created administrator quantri at 56", created.Output, StringComparison.Ordinal);
        var again = await app.RunAsync("Khac@2026-KhanhHoa", "create-admin", "quantri");
        Assert.NotEqual(0, again.Exit);
        Assert.Contains("already exists", again.Output, StringComparison.Ordinal);
        var second = await app.RunAsync("Thuhai@2026-KhanhHoa", "create-admin", "quantri2");
        Assert.True(second.Exit == 0, second.Output);
        Assert.Contains("at 56 Tỉnh Khánh Hòa.", second.Output, StringComparison.Ordinal);

        // The running app signs the new administrator in, who sees the root unit; the refused password does not open it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "quantri", password = "Khac@2026-KhanhHoa" }, Ct)).StatusCode);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "quantri", password = "Quantri@2026-KhanhHoa" }, Ct);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var units = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/units", Ct);
        var root = Assert.Single(units!);
        Assert.Equal("56", root.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/payments/issues", Ct)).StatusCode);
    }

    /// <summary>Everything Production needs, with test certificates made here and secrets that are not the repository's.</summary>
    private static Dictionary<string, string?> Configured(string folder)
    {
        var signing = Path.Combine(folder, "certs", "signing.pfx");
        var keyRing = Path.Combine(folder, "certs", "keyring.pfx");
        TestCertificates.WritePfx(signing, "UBND tỉnh Khánh Hòa (test)", "signing-pfx-pass");
        TestCertificates.WritePfx(keyRing, "MotCua key ring (test)", "keyring-pfx-pass");
        return new()
        {
            ["Payments__Gateway"] = "VnPay",
            ["Meetings__Jitsi__BaseUrl"] = "https://hop.khanhhoa.gov.vn",
            ["Meetings__Jitsi__AppSecret"] = "jitsi-app-secret-" + Guid.NewGuid().ToString("N"),
            ["Payments__VnPay__TmnCode"] = "KHOA0001",
            ["Payments__VnPay__HashSecret"] = "TESTHASHSECRET-" + Guid.NewGuid().ToString("N"),
            ["Payments__VnPay__PayUrl"] = "https://pay.vnpay.vn/vpcpay.html",
            ["Payments__VnPay__ApiUrl"] = "https://merchant.vnpay.vn/merchant_webapi/api/transaction",
            ["Payments__Reconciliation__Enabled"] = "false",
            ["Signing__CertificatePath"] = signing,
            ["Signing__CertificatePassword"] = "signing-pfx-pass",
            ["Notifications__Sms__Provider"] = "Http",
            ["Notifications__Sms__Url"] = "http://127.0.0.1:9/send",
            ["Notifications__Sms__ApiKey"] = "test-sms-key",
            ["Notifications__Sms__Sender"] = "UBND-KHOA",
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = "9",
            ["Notifications__Smtp__UseTls"] = "false",
            ["Notifications__Dispatcher__Enabled"] = "false",
            ["Portal__Tracking__TokenKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["DataProtection__CertificatePath"] = keyRing,
            ["DataProtection__CertificatePassword"] = "keyring-pfx-pass",
        };
    }

    private static async Task<bool> DatabaseExistsAsync(AppProcess app)
    {
        if (!AppFactory.UsePostgres)
        {
            return File.Exists(app.SqliteFile);
        }

        var name = new NpgsqlConnectionStringBuilder(app.PostgresConnectionString).Database;
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.PostgresConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync(Ct);
        await using var cmd = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", conn);
        cmd.Parameters.AddWithValue("n", name!);
        return await cmd.ExecuteScalarAsync(Ct) is not null;
    }

    private static async Task<long> CountAsync(AppProcess app, string table)
    {
        if (AppFactory.UsePostgres)
        {
            await using var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.PostgresConnectionString) { Pooling = false }.ToString());
            await pg.OpenAsync(Ct);
            await using var cmd = new NpgsqlCommand($"SELECT COUNT(*) FROM \"{table}\"", pg);
            return (long)(await cmd.ExecuteScalarAsync(Ct))!;
        }

        await using var sqlite = new SqliteConnection($"Data Source={app.SqliteFile};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync(Ct);
        await using var count = sqlite.CreateCommand();
        count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }
}
