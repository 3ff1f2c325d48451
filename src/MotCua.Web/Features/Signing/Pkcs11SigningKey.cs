using System.Collections.Concurrent;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace MotCua.Web.Features.Signing;

/// <summary>The <c>Signing:Pkcs11</c> section: a token or HSM through its PKCS#11 library (the CA's driver, SoftHSM2 in tests).</summary>
public sealed class Pkcs11Options
{
    public const string Section = "Signing:Pkcs11";

    /// <summary>Path of the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so or the token vendor's .so.</summary>
    public string Library { get; set; } = "";

    public string TokenLabel { get; set; } = "";

    /// <summary>The user PIN; keep it in a secret store or an environment variable (Signing__Pkcs11__Pin), never in appsettings.</summary>
    public string Pin { get; set; } = "";

    /// <summary>CKA_LABEL of the private key; the certificate object with the same label is the signer's.</summary>
    public string KeyLabel { get; set; } = "";

    /// <summary>The signer's certificate (and its issuers) as PEM, when the token holds only the key.</summary>
    public string? CertificatePath { get; set; }
}

/// <summary>
/// A key that never leaves its token: Pkcs11Interop opens a session, logs in with the PIN and asks the token to sign
/// (CKM_SHA256_RSA_PKCS for RSA; CKM_ECDSA over the SHA-256 hash for EC). The certificate is read from the token's
/// certificate objects (or <see cref="Pkcs11Options.CertificatePath"/>).
/// </summary>
public sealed class Pkcs11SigningKey(Pkcs11Options options) : ISigningKey, IDisposable
{
    // A module is initialised once per process (C_Initialize), and SoftHSM reads SOFTHSM2_CONF only then: keep it loaded.
    private static readonly ConcurrentDictionary<string, Lazy<IPkcs11Library>> Libraries = new(StringComparer.Ordinal);
    private static readonly Pkcs11InteropFactories Factories = new();
    private static int s_loaderSet;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<X509Certificate2>? _chain;

    public string Source => "pkcs11";

    /// <summary>
    /// Pkcs11Interop 5.3 asks for "libdl", which glibc 2.34+ systems ship only as libdl.so.2 (the unversioned name comes
    /// with the C headers): resolve it to the runtime's name. Once per process; the tests call it before their own loads.
    /// </summary>
    public static void EnsureNativeLoader()
    {
        if (Interlocked.Exchange(ref s_loaderSet, 1) == 0 && OperatingSystem.IsLinux())
        {
            System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, (name, _, _) =>
                name == "libdl" && System.Runtime.InteropServices.NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : IntPtr.Zero);
        }
    }

    public async Task<IReadOnlyList<X509Certificate2>> ChainAsync(CancellationToken ct)
    {
        if (_chain is not null)
        {
            return _chain;
        }

        await _gate.WaitAsync(ct);
        try
        {
            return _chain ??= WithSession(session =>
            {
                var certificates = session.FindAllObjects([Factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE)])
                    .Select(h => (Label: Attribute(session, h, CKA.CKA_LABEL).GetValueAsString(), Value: Attribute(session, h, CKA.CKA_VALUE).GetValueAsByteArray()))
                    .ToList();
                var all = new X509Certificate2Collection();
                foreach (var c in certificates)
                {
                    all.Add(X509CertificateLoader.LoadCertificate(c.Value));
                }

                if (!string.IsNullOrWhiteSpace(options.CertificatePath))
                {
                    all.ImportFromPemFile(options.CertificatePath);
                }

                var signer = certificates.FirstOrDefault(c => c.Label == options.KeyLabel) is { Value: { } value }
                    ? X509CertificateLoader.LoadCertificate(value)
                    : all.FirstOrDefault(c => c.Extensions.OfType<X509BasicConstraintsExtension>().All(b => !b.CertificateAuthority))
                    ?? throw new SigningKeyException($"{Pkcs11Options.Section}:KeyLabel: the token '{options.TokenLabel}' holds no certificate labelled '{options.KeyLabel}', and Signing:Pkcs11:CertificatePath gives none.");
                return (IReadOnlyList<X509Certificate2>)[signer, .. CertificateSigningKey.IssuersFrom(all, signer)];
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<byte[]> SignAsync(byte[] signedAttributes, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return WithSession(session =>
            {
                var keys = session.FindAllObjects(
                [
                    Factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
                    Factories.ObjectAttributeFactory.Create(CKA.CKA_LABEL, options.KeyLabel),
                ]);
                if (keys.Count != 1)
                {
                    throw new SigningKeyException($"{Pkcs11Options.Section}:KeyLabel: the token '{options.TokenLabel}' holds {keys.Count} private keys labelled '{options.KeyLabel}', not one.");
                }

                var type = Attribute(session, keys[0], CKA.CKA_KEY_TYPE).GetValueAsUlong();
                if (type == (ulong)CKK.CKK_EC)
                {
                    using var ecdsa = Factories.MechanismFactory.Create(CKM.CKM_ECDSA);
                    return ToDer(session.Sign(ecdsa, keys[0], SHA256.HashData(signedAttributes)));
                }

                using var mechanism = Factories.MechanismFactory.Create(CKM.CKM_SHA256_RSA_PKCS);
                return session.Sign(mechanism, keys[0], signedAttributes);
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    private T WithSession<T>(Func<ISession, T> work)
    {
        try
        {
            EnsureNativeLoader();
            var library = Libraries.GetOrAdd(options.Library, path => new Lazy<IPkcs11Library>(() =>
                Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded))).Value;
            var slot = library.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == options.TokenLabel)
                ?? throw new SigningKeyException($"{Pkcs11Options.Section}:TokenLabel: no token labelled '{options.TokenLabel}' is present.");
            using var session = slot.OpenSession(SessionType.ReadOnly);
            session.Login(CKU.CKU_USER, options.Pin);
            try
            {
                return work(session);
            }
            finally
            {
                session.Logout();
            }
        }
        catch (Pkcs11Exception ex)
        {
            var what = ex.RV switch
            {
                CKR.CKR_PIN_INCORRECT => $"{Pkcs11Options.Section}:Pin is wrong",
                CKR.CKR_PIN_LOCKED => $"the PIN of token '{options.TokenLabel}' is locked",
                _ => $"the token refused ({ex.RV})",
            };
            throw new SigningKeyException($"PKCS#11: {what}.", ex);
        }
        catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException or UnmanagedException or LibraryArchitectureException)
        {
            throw new SigningKeyException($"{Pkcs11Options.Section}:Library: '{options.Library}' cannot be loaded ({ex.Message}).", ex);
        }
    }

    public void Dispose() => _gate.Dispose();

    private static IObjectAttribute Attribute(ISession session, IObjectHandle handle, CKA type) => session.GetAttributeValue(handle, [type])[0];

    /// <summary>PKCS#11 gives r‖s; CMS wants the DER SEQUENCE of two INTEGERs.</summary>
    private static byte[] ToDer(byte[] raw)
    {
        var half = raw.Length / 2;
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(raw.AsSpan(0, half));
            writer.WriteIntegerUnsigned(raw.AsSpan(half));
        }

        return writer.Encode();
    }
}
