namespace MotCua.Web.Infrastructure;

/// <summary>What an upload is, read from its first bytes: the name and the browser's content type are the sender's claim, not the content.</summary>
public static class FileTypes
{
    public const int MaxBytes = 20 * 1024 * 1024;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>PDF, images, Office documents (OOXML and OLE2) or plain UTF-8 text; null for anything else (executables, scripts, HTML, archives of other kinds are refused too).</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith(Png))
        {
            return "image/png";
        }

        if (head.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "application/zip"; // docx, xlsx, odt: the Office formats are zip containers
        }

        if (head.StartsWith(Ole2))
        {
            return "application/x-ole-storage"; // doc, xls
        }

        return IsPlainText(head) ? "text/plain" : null;
    }

    public static async Task<string?> SniffAsync(IFormFile file, CancellationToken ct)
    {
        var buffer = new byte[4096];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return Sniff(buffer.AsSpan(0, read));
    }

    /// <summary>Null when the file may be stored: not empty, at most <see cref="MaxBytes"/>, and of a type <see cref="Sniff"/> knows.</summary>
    public static async Task<string?> ProblemAsync(IFormFile? file, CancellationToken ct) =>
        file is null ? null
        : file.Length == 0 ? "Tệp đính kèm rỗng."
        : file.Length > MaxBytes ? "Tệp đính kèm tối đa 20 MB."
        : await SniffAsync(file, ct) is null ? "Tệp đính kèm phải là PDF, ảnh (PNG, JPEG, GIF), Word, Excel hoặc văn bản thuần; nội dung tệp không khớp các dạng này."
        : null;

    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty || head.Contains((byte)0) || head.StartsWith("<"u8) || head.StartsWith("#!"u8) || head.StartsWith("MZ"u8))
        {
            return false;
        }

        // The sample may end inside a multi-byte character: leave out the last character when it is one.
        var end = head.Length;
        var i = end - 1;
        while (i > 0 && (head[i] & 0xC0) == 0x80)
        {
            i--;
        }

        if (head[i] >= 0xC0)
        {
            end = i;
        }

        var strict = new System.Text.UTF8Encoding(false, true);
        try
        {
            strict.GetCharCount(head[..end]);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }
}
