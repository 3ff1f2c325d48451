using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MotCua.Web.Features.Tracking;

/// <summary>
/// The tracking token printed in form 01's QR and the receipt's link: HMAC-SHA256 of the dossier code under a server key,
/// cut to 128 bits. Derived, not stored, so a form printed again carries the same link; unguessable without the key.
/// The key is <c>Portal:Tracking:TokenKey</c> (base64, at least 32 bytes), else a random key kept beside the uploaded files.
/// </summary>
public sealed class TrackingTokens : Dossiers.ITrackingLinks
{
    private const int TokenBytes = 16;
    private readonly byte[] _key;

    public TrackingTokens(IConfiguration config, IWebHostEnvironment env)
    {
        var configured = config["Portal:Tracking:TokenKey"];
        _key = string.IsNullOrWhiteSpace(configured) ? KeyFile(config, env) : Convert.FromBase64String(configured);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("Portal:Tracking:TokenKey must be at least 32 bytes (base64).");
        }
    }

    public string For(string code) => Base64Url.EncodeToString(Mac(code));

    public bool Opens(string code, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return false;
        }

        // TryDecodeFromChars throws on malformed text: anything a visitor types is checked first.
        var text = token.Trim();
        if (!Base64Url.IsValid(text, out var length) || length != TokenBytes)
        {
            return false;
        }

        var given = new byte[TokenBytes];
        return Base64Url.TryDecodeFromChars(text, given, out var written) && written == TokenBytes
            && CryptographicOperations.FixedTimeEquals(given, Mac(code));
    }

    /// <summary>The tracking page's address with the token; <paramref name="origin"/> empty gives a relative link.</summary>
    public string Link(string origin, string code) =>
        $"{origin.TrimEnd('/')}/Tracking?code={Uri.EscapeDataString(code)}&t={For(code)}";

    public string LinkFor(HttpRequest request, string code) => Link(Origin(request), code);

    /// <summary>Where links point: the configured public address, else this request's (a scanned QR needs an absolute one).</summary>
    public static string Origin(HttpRequest request) =>
        string.IsNullOrEmpty(Notifications.PublicLinks.BaseUrl) ? $"{request.Scheme}://{request.Host}" : Notifications.PublicLinks.BaseUrl;

    private byte[] Mac(string code) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("motcua-tracking:" + code.Trim()))[..TokenBytes];

    private static byte[] KeyFile(IConfiguration config, IWebHostEnvironment env)
    {
        var folder = Path.GetFullPath(Path.Combine(env.ContentRootPath, config["Files:Folder"] ?? Path.Combine("data", "files")));
        var path = Path.Combine(folder, ".tracking-token.key");
        Directory.CreateDirectory(folder);
        if (!File.Exists(path))
        {
            var temp = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllBytes(temp, RandomNumberGenerator.GetBytes(32));
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance created it first: use theirs.
                File.Delete(temp);
            }
        }

        return File.ReadAllBytes(path);
    }
}
