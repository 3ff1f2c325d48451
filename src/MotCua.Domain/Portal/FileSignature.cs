namespace MotCua.Domain.Portal;

public enum UploadType
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>The type of an upload judged by its first bytes (magic numbers), never by its name or declared type.</summary>
public static class FileSignature
{
    /// <summary>Bytes needed to recognise every accepted type.</summary>
    public const int HeaderLength = 8;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static UploadType? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(Pdf) ? UploadType.Pdf
        : header.StartsWith(Png) ? UploadType.Png
        : header.StartsWith(Jpeg) ? UploadType.Jpeg
        : null;

    public static string ContentType(UploadType type) => type switch
    {
        UploadType.Pdf => "application/pdf",
        UploadType.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    public static string Extension(UploadType type) => type switch
    {
        UploadType.Pdf => ".pdf",
        UploadType.Jpeg => ".jpg",
        _ => ".png",
    };

    /// <summary>A display name without folders, control characters or a misleading extension; the stored name is never derived from it.</summary>
    public static string SafeDisplayName(string? name, UploadType type)
    {
        var n = (name ?? "").Replace('\\', '/');
        n = n[(n.LastIndexOf('/') + 1)..];
        n = new string([.. n.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))]).Trim().Trim('.');
        // NFC: macOS and some Vietnamese keyboards send names with combining marks; one spelling per name.
        try
        {
            n = n.Normalize(System.Text.NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // An unpaired surrogate: kept as sent, it is only a display name.
        }

        var dot = n.LastIndexOf('.');
        var stem = dot > 0 ? n[..dot] : n;
        if (stem.Length == 0)
        {
            stem = "tep";
        }

        return stem[..Math.Min(stem.Length, 150)] + Extension(type);
    }
}
