using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MotCua.Testing;
using MotCua.Web.Features.Signing;
using MotCua.Web.Infrastructure;
using Npgsql;

namespace MotCua.IntegrationTests.Infrastructure;

/// <summary>
/// The data-protection key ring lives in the database but is encrypted with a certificate that does not: a copy of the database
/// alone (the SQLite file, or the rows of PostgreSQL) can neither unprotect what the app protected nor read the result-signing key.
/// </summary>
public sealed class KeyRingAtRestTests : IDisposable
{
    // PdfSigner's purpose: the app's own provider unprotecting the row below proves it is still the right one.
    private const string SigningPurpose = "MotCua.Results.SigningCertificate";
    private const string TestPurpose = "MotCua.Tests.KeyRing";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "motcua-keyring-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed record Copy(IReadOnlyList<XElement> Keys, string ProtectedPfx);

    [Fact]
    public async Task A_copy_of_the_database_alone_decrypts_neither_a_protected_payload_nor_the_signing_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var certificate = Pfx("motcua-dp-2026", "mật-khẩu-chứng-thư");
        using var app = new AppFactory();
        app.Settings["DataProtection:CertificatePath"] = certificate;
        app.Settings["DataProtection:CertificatePassword"] = "mật-khẩu-chứng-thư";
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(TestPurpose);
        var payload = protector.Protect("CCCD 058090001234");
        var signing = await app.Services.GetRequiredService<PdfSigner>().CertificateAsync(ct);
        Assert.True(app.Services.GetRequiredService<KeyCertificates>().FromConfiguration);

        var copy = await CopyDatabaseAsync(app);

        // Every key the app wrote is an encrypted secret: no master key in clear text in the database.
        Assert.NotEmpty(copy.Keys);
        Assert.All(copy.Keys, k =>
        {
            Assert.Contains("EncryptedData", k.ToString(), StringComparison.Ordinal);
            Assert.Empty(k.Descendants("masterKey"));
        });

        // A fresh key-ring provider over the copy, without the certificate: neither the payload nor the signing key.
        using (var withoutCertificate = Provider(copy, certificates: null))
        {
            var fresh = withoutCertificate.GetRequiredService<IDataProtectionProvider>();
            Assert.ThrowsAny<CryptographicException>(() => fresh.CreateProtector(TestPurpose).Unprotect(payload));
            Assert.ThrowsAny<CryptographicException>(() => fresh.CreateProtector(SigningPurpose).Unprotect(copy.ProtectedPfx));
        }

        // The app, and the same copy once the certificate is supplied, read both.
        Assert.Equal("CCCD 058090001234", protector.Unprotect(payload));
        Assert.NotNull(app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SigningPurpose).Unprotect(copy.ProtectedPfx));
        using (var withCertificate = Provider(copy, Load(new() { ["DataProtection:CertificatePath"] = certificate, ["DataProtection:CertificatePassword"] = "mật-khẩu-chứng-thư" })))
        {
            var keyed = withCertificate.GetRequiredService<IDataProtectionProvider>();
            Assert.Equal("CCCD 058090001234", keyed.CreateProtector(TestPurpose).Unprotect(payload));
            var pfx = Convert.FromBase64String(keyed.CreateProtector(SigningPurpose).Unprotect(copy.ProtectedPfx));
            using var recovered = X509CertificateLoader.LoadPkcs12(pfx, null);
            Assert.Equal(signing.Thumbprint, recovered.Thumbprint);
            Assert.True(recovered.HasPrivateKey);
        }
    }

    [Fact]
    public async Task After_a_rotation_the_old_certificate_listed_as_previous_still_decrypts_and_without_it_nothing_does()
    {
        var ct = TestContext.Current.CancellationToken;
        var old = Pfx("motcua-dp-2025", "cu");
        var current = Pfx("motcua-dp-2026", "moi");
        using var app = new AppFactory();
        app.Settings["DataProtection:CertificatePath"] = old;
        app.Settings["DataProtection:CertificatePassword"] = "cu";
        var payload = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(TestPurpose).Protect("trước khi xoay vòng");
        await app.Services.GetRequiredService<PdfSigner>().CertificateAsync(ct);
        var copy = await CopyDatabaseAsync(app);

        var rotated = Load(new()
        {
            ["DataProtection:CertificatePath"] = current,
            ["DataProtection:CertificatePassword"] = "moi",
            ["DataProtection:PreviousCertificates:0:Path"] = old,
            ["DataProtection:PreviousCertificates:0:Password"] = "cu",
        });
        Assert.Equal(2, rotated.All.Count);
        using (var afterRotation = Provider(copy, rotated))
        {
            var p = afterRotation.GetRequiredService<IDataProtectionProvider>();
            Assert.Equal("trước khi xoay vòng", p.CreateProtector(TestPurpose).Unprotect(payload));
            Assert.NotNull(p.CreateProtector(SigningPurpose).Unprotect(copy.ProtectedPfx));
        }

        // The old certificate dropped too early: the keys it encrypted, and all they protected, are out of reach.
        using var dropped = Provider(copy, Load(new() { ["DataProtection:CertificatePath"] = current, ["DataProtection:CertificatePassword"] = "moi" }));
        Assert.ThrowsAny<CryptographicException>(() => dropped.GetRequiredService<IDataProtectionProvider>().CreateProtector(TestPurpose).Unprotect(payload));
    }

    [Fact]
    public void Without_configuration_a_throwaway_certificate_is_made_in_the_data_folder_and_the_guard_can_tell()
    {
        var demo = KeyCertificates.Load(new ConfigurationBuilder().Build(), _folder);
        var again = KeyCertificates.Load(new ConfigurationBuilder().Build(), _folder);

        Assert.False(demo.FromConfiguration);
        Assert.True(File.Exists(Path.Combine(_folder, "data-protection-demo.pfx")));
        Assert.Equal(demo.Current.Thumbprint, again.Current.Thumbprint);
        Assert.False(DataProtectionSetup.IsConfiguredFromSecret(new ConfigurationBuilder().Build()));

        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = Pfx("prod", "p"),
            ["DataProtection:CertificatePassword"] = "wrong",
        }).Build();
        Assert.True(DataProtectionSetup.IsConfiguredFromSecret(configured));
        var refused = Assert.Throws<InvalidOperationException>(() => KeyCertificates.Load(configured, _folder));
        Assert.StartsWith("DataProtection:CertificatePath:", refused.Message);
    }

    private KeyCertificates Load(Dictionary<string, string?> settings) =>
        KeyCertificates.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), _folder);

    /// <summary>A data-protection provider over the copied rows only, with the app's application name and, optionally, certificates.</summary>
    private static ServiceProvider Provider(Copy copy, KeyCertificates? certificates)
    {
        var services = new ServiceCollection();
        var builder = services.AddDataProtection().SetApplicationName(DataProtectionSetup.ApplicationName)
            .AddKeyManagementOptions(o => o.XmlRepository = new CopiedRing(copy.Keys));
        if (certificates is not null)
        {
            builder.ProtectWith(certificates);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>The database alone: the SQLite file copied with the backup API, or PostgreSQL's rows read.</summary>
    private async Task<Copy> CopyDatabaseAsync(AppFactory app)
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = app.Services.GetRequiredService<DatabaseConnection>();
        var keys = new List<XElement>();
        string? pfx = null;
        if (connection.Provider == DatabaseProvider.Postgres)
        {
            await using var conn = new NpgsqlConnection(connection.ConnectionString);
            await conn.OpenAsync(ct);
            await Read(conn);
        }
        else
        {
            var file = Path.Combine(_folder, "copy.db");
            Directory.CreateDirectory(_folder);
            using (var source = new SqliteConnection(connection.ConnectionString))
            using (var target = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                source.Open();
                source.BackupDatabase(target);
            }

            await using var conn = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            await conn.OpenAsync(ct);
            await Read(conn);
        }

        return new Copy(keys, pfx ?? throw new InvalidOperationException("No result-signing key in the database."));

        async Task Read(System.Data.Common.DbConnection conn)
        {
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = """SELECT "Xml" FROM "DataProtectionKeys" """;
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    keys.Add(XElement.Parse(reader.GetString(0)));
                }
            }

            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = $"""SELECT "ProtectedPfx" FROM "SigningCertificates" WHERE "Name" = '{PdfSigner.CertificateName}'""";
                pfx = (string?)await cmd.ExecuteScalarAsync(ct);
            }
        }
    }

    /// <summary>The copied key rows; keys the fresh provider makes itself stay in memory.</summary>
    private sealed class CopiedRing(IReadOnlyList<XElement> rows) : IXmlRepository
    {
        private readonly List<XElement> _elements = [.. rows.Select(r => new XElement(r))];

        public IReadOnlyCollection<XElement> GetAllElements() => _elements.Select(e => new XElement(e)).ToList();

        public void StoreElement(XElement element, string friendlyName) => _elements.Add(new XElement(element));
    }

    private string Pfx(string name, string password)
    {
        var path = Path.Combine(_folder, name + ".pfx");
        TestCertificates.WritePfx(path, name, password);
        return path;
    }
}
