using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MotCua.Web.Features.Signing;

/// <summary>
/// The roots a signature must chain to (<c>Signing:TrustedRoots</c>: certificate files or folders, PEM or DER, e.g. the
/// national root NEAC and the government's VGCA root). Nothing else is trusted: not the operating system's web roots, not
/// a certificate the signature carries. Chains are built by .NET's X509Chain at the signing time, without downloads.
/// </summary>
public sealed class TrustAnchors
{
    public const string Setting = "Signing:TrustedRoots";
    private readonly X509Certificate2Collection _roots = [];

    public TrustAnchors(IConfiguration config, ILogger<TrustAnchors> log)
    {
        foreach (var path in Paths(config))
        {
            try
            {
                var files = Directory.Exists(path)
                    ? Directory.EnumerateFiles(path).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".pem" or ".crt" or ".cer" or ".der")
                    : [path];
                foreach (var file in files)
                {
                    _roots.AddRange(Load(file));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                log.LogError("{Setting}: '{Path}' cannot be read as certificates: {Message}", Setting, path, ex.Message);
            }
        }
    }

    public IReadOnlyList<X509Certificate2> Roots => [.. _roots];

    /// <summary>The configured paths: an array section (Signing:TrustedRoots:0, …) or one value separated by ';'.</summary>
    public static IEnumerable<string> Paths(IConfiguration config)
    {
        var section = config.GetSection(Setting);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).SelectMany(v => v!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static X509Certificate2Collection Load(string file)
    {
        var collection = new X509Certificate2Collection();
        var bytes = File.ReadAllBytes(file);
        if (System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 64)).Contains("-----BEGIN", StringComparison.Ordinal))
        {
            collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
        }
        else
        {
            collection.Add(X509CertificateLoader.LoadCertificate(bytes));
        }

        return collection;
    }

    public bool Chains(X509Certificate2 certificate, IEnumerable<X509Certificate2> extra, DateTimeOffset at, out string why) =>
        Chains(certificate, extra, at, out why, out _);

    /// <summary>Whether <paramref name="certificate"/> chains to a configured root, valid at <paramref name="at"/>; <paramref name="issuer"/> for the OCSP request.</summary>
    public bool Chains(X509Certificate2 certificate, IEnumerable<X509Certificate2> extra, DateTimeOffset at, out string why, out X509Certificate2? issuer)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        foreach (var c in extra)
        {
            chain.ChainPolicy.ExtraStore.Add(c);
        }

        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        var ok = _roots.Count > 0 && chain.Build(certificate);
        issuer = chain.ChainElements.Count > 1 ? chain.ChainElements[1].Certificate
            : extra.FirstOrDefault(c => c.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData) && c.Thumbprint != certificate.Thumbprint);
        why = _roots.Count == 0 ? $"no trusted roots are configured ({Setting})."
            : ok ? ""
            : string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        return ok;
    }
}
